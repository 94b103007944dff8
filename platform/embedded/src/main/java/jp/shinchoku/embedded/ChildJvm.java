package jp.shinchoku.embedded;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A class of this JVM's class path run as a JVM of its own, for the tests that kill processes: its output goes to a
 * log file, and {@link #start} returns once it printed a line containing the ready marker (or fails with the log's
 * end if it stopped first). {@link #kill()} is {@code kill -9}: nothing of it runs on, nothing is flushed or closed.
 */
public final class ChildJvm implements AutoCloseable {

    private final Process process;
    private final String readyLine;

    private ChildJvm(Process process, String readyLine) {
        this.process = process;
        this.readyLine = readyLine;
    }

    /**
     * Starts {@code mainClass} with this JVM's class path and waits for a line containing {@code ready}.
     *
     * @param environment added to this process's environment
     */
    public static ChildJvm start(String mainClass, List<String> jvmOptions, List<String> arguments,
            Map<String, String> environment, Path log, String ready, Duration timeout) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), mainClass));
        command.addAll(arguments);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(environment);
        try {
            Files.createDirectories(log.toAbsolutePath().getParent());
            Process process = builder.start();
            CompletableFuture<String> readyAt = new CompletableFuture<>();
            BufferedWriter file = Files.newBufferedWriter(log, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
            Thread.ofPlatform().daemon().name("child-output-" + process.pid()).start(() -> copy(process, file, ready,
                    readyAt));
            try {
                return new ChildJvm(process, readyAt.get(timeout.toMillis(), TimeUnit.MILLISECONDS));
            } catch (TimeoutException e) {
                process.destroyForcibly();
                throw new IllegalStateException(mainClass + " was not ready within " + timeout + "; see " + log);
            } catch (ExecutionException e) {
                throw new IllegalStateException(mainClass + " stopped before it was ready; see " + log, e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                process.destroyForcibly();
                throw new IllegalStateException(e);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * For the main class of such a process: prints {@code READY <value>} (what {@link #start} waits for), then blocks
     * until SIGTERM, which closes {@code server}.
     */
    public static void serveUntilStopped(AutoCloseable server, String value) throws InterruptedException {
        java.util.concurrent.CountDownLatch stopped = new java.util.concurrent.CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(Thread.ofPlatform().unstarted(() -> {
            try {
                server.close();
            } catch (Exception e) {
                e.printStackTrace();
            }
            stopped.countDown();
        }));
        System.out.println("READY " + value);
        System.out.flush();
        stopped.await();
    }

    private static void copy(Process process, BufferedWriter file, String ready, CompletableFuture<String> readyAt) {
        try (file; BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                file.write(line);
                file.newLine();
                if (!readyAt.isDone() && line.contains(ready)) {
                    file.flush();
                    readyAt.complete(line);
                }
            }
        } catch (IOException ended) {
            // the process is gone
        }
        readyAt.completeExceptionally(new IllegalStateException("exited with " + exitCode(process)));
    }

    private static String exitCode(Process process) {
        try {
            return String.valueOf(process.waitFor());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "?";
        }
    }

    /** The line that said it was ready. */
    public String readyLine() {
        return readyLine;
    }

    /** What follows {@code marker} on the ready line ({@code READY mongodb://…} gives the connection string). */
    public String readyValue(String marker) {
        return readyLine.substring(readyLine.indexOf(marker) + marker.length()).trim();
    }

    public long pid() {
        return process.pid();
    }

    public boolean alive() {
        return process.isAlive();
    }

    /** {@code kill -9}, and waits until it is gone. */
    public void kill() {
        process.destroyForcibly();
        await(Duration.ofSeconds(30));
    }

    /** SIGTERM (its shutdown hooks run), {@code kill -9} if it is still there after a minute. */
    public void stop() {
        process.destroy();
        if (!await(Duration.ofMinutes(1))) {
            kill();
        }
    }

    /** {@code kill -STOP}: the process is frozen, its sockets open but answering nothing, until {@link #resume()}. */
    public void pause() {
        signal("STOP");
    }

    public void resume() {
        signal("CONT");
    }

    private void signal(String name) {
        try {
            Process kill = new ProcessBuilder("kill", "-" + name, String.valueOf(process.pid())).inheritIO().start();
            if (kill.waitFor() != 0) {
                throw new IllegalStateException("kill -" + name + " " + process.pid() + " failed");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private boolean await(Duration timeout) {
        try {
            return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            stop();
        }
    }
}
