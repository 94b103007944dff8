package jp.shinchoku.benchmark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One service in a JVM of its own with a 512 MB heap, as deployed: its heap and resident memory can be read apart from
 * the others' (the broker and the store run in the benchmark's own JVM).
 */
final class ServiceProcess implements AutoCloseable {

    private static final Pattern HEAP = Pattern.compile("\"value\"\\s*:\\s*([0-9.Ee+]+)");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    final String name;
    final int port;
    final String mainClass;
    final List<String> arguments;
    private final Process process;
    private final AtomicLong maxHeap = new AtomicLong();
    private final AtomicLong maxRss = new AtomicLong();

    private final String metricsToken;
    private final Path logs;

    private ServiceProcess(String name, int port, String mainClass, List<String> arguments, Process process,
            String metricsToken, Path logs) {
        this.metricsToken = metricsToken;
        this.logs = logs;
        this.name = name;
        this.port = port;
        this.mainClass = mainClass;
        this.arguments = List.copyOf(arguments);
        this.process = process;
    }

    /** @param metricsToken a token of the OPS or ADMIN role, which the actuator's metrics ask for */
    static ServiceProcess start(String name, String mainClass, int port, List<String> arguments, Path logs,
            String metricsToken) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m"));
        // e.g. -Dbench.serviceJvmArgs=-XX:StartFlightRecording=filename=/tmp/%s.jfr to profile each service
        String extra = System.getProperty("bench.serviceJvmArgs", "");
        if (!extra.isBlank()) {
            command.addAll(List.of(extra.replace("%s", name).split(" ")));
        }
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), mainClass, "--server.port=" + port,
                "--logging.level.root=WARN"));
        command.addAll(arguments);
        try {
            Files.createDirectories(logs);
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logs.resolve(name + ".log").toFile())).start();
            return new ServiceProcess(name, port, mainClass, arguments, process, metricsToken, logs);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void awaitReady(Duration timeout) throws InterruptedException {
        long until = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < until) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " stopped; see its log");
            }
            try {
                if (get("/actuator/health").statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException(name + " did not become ready within " + timeout);
    }

    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** A GET as the metrics' reader (the actuator's metrics ask for the OPS or ADMIN role). */
    HttpResponse<String> getAuthorized(String path) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", "Bearer " + metricsToken).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Samples heap used (Micrometer) and resident memory (/proc), keeping the highest seen. */
    void sample() {
        try {
            HttpResponse<String> heap = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                    + "/actuator/metrics/jvm.memory.used?tag=area:heap")).header("Authorization", "Bearer " + metricsToken)
                    .GET().build(), HttpResponse.BodyHandlers.ofString());
            Matcher value = HEAP.matcher(heap.body());
            if (heap.statusCode() == 200 && value.find()) {
                maxHeap.accumulateAndGet((long) Double.parseDouble(value.group(1)), Math::max);
            }
            for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(process.pid()), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    maxRss.accumulateAndGet(Long.parseLong(line.replaceAll("\\D", "")) * 1024, Math::max);
                }
            }
        } catch (IOException | RuntimeException e) {
            // a sample missed (e.g. no /proc here): the figure stays as it was
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    long maxHeapMb() {
        return maxHeap.get() >> 20;
    }

    long maxRssMb() {
        return maxRss.get() >> 20;
    }

    /** {@code kill -9}: nothing of it runs on, nothing is flushed or closed. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    /** The same service, started again with the same arguments on the same port (its log goes on). */
    ServiceProcess startAgain() {
        return start(name, mainClass, port, arguments, logs, metricsToken);
    }

    @Override
    public void close() {
        process.destroy();
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
