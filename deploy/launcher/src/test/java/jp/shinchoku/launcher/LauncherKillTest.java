package jp.shinchoku.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.StreamSupport;

import jp.shinchoku.embedded.ChildJvm;
import jp.shinchoku.testsupport.HttpJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * The promise of a 201, for the one-process system a town runs: the launcher in a process of its own, on its data
 * folder; six clients report over REST with Idempotency-Keys while a department uploads a CSV file; the launcher is
 * killed with {@code kill -9} at a random moment in that stream, and started again on the same folder. Every report
 * answered 201 is posted again with its key and must be answered as already kept (200), never created anew (201: it was
 * lost); the CSV file sent again completes what the kill cut short, answering how many rows were already kept, with no
 * row kept twice. {@code -Dkill.rounds=20} runs the twenty rounds (the suite runs three).
 */
class LauncherKillTest {

    private static final int CLIENTS = 6;
    private static final int CSV_ROWS = 1_500;

    @TempDir
    Path dir;

    @Test
    void everyReportAnswered201IsKeptAcrossKillsOfTheLauncher() throws Exception {
        int rounds = Integer.getInteger("kill.rounds", 3);
        long seed = Long.getLong("kill.seed", System.nanoTime());
        Random random = new Random(seed);
        Path data = dir.resolve("data");
        int base = freePortBase();
        System.out.printf("LauncherKillTest: %d rounds, seed %d (-Dkill.seed=%d repeats it), ports from %d%n", rounds, seed,
                seed, base);
        System.out.println("round | killed after 201s | answered 201 (all rounds) | replayed as kept | created anew (lost)"
                + " | csv rows kept before the kill | csv rows stored twice");
        Map<String, String> acknowledged = new ConcurrentHashMap<>();
        // each round's restarted launcher is the next round's
        Launcher[] running = {Launcher.start(data, base)};
        try {
            for (int round = 0; round < rounds; round++) {
                HttpJson admin = running[0].http(running[0].plan(), "admin");
                HttpJson measurements = running[0].http(running[0].measurement(), "admin");
                List<String> kpis = numericKpis(admin, measurements);
                String csvKpi = kpis.getFirst();
                byte[] csv = csv(csvKpi, round);
                int killAfter = 10 + random.nextInt(120);
                int before = acknowledged.size();
                AtomicBoolean stop = new AtomicBoolean();
                AtomicReference<HttpJson.Response> firstUpload = new AtomicReference<>();
                List<Thread> clients = new ArrayList<>();
                clients.add(Thread.ofPlatform().start(() -> {
                    try {
                        firstUpload.set(measurements.postBytes("/api/measurements/csv", csv, "text/csv; charset=UTF-8"));
                    } catch (RuntimeException killed) {
                        // cut short by the kill
                    }
                }));
                for (int c = 0; c < CLIENTS; c++) {
                    String client = "r" + round + "c" + c;
                    List<String> reportOn = kpis.subList(1, kpis.size());
                    clients.add(Thread.ofPlatform().start(() -> report(measurements, client, reportOn, stop, acknowledged)));
                }
                // a random moment in the stream of reports
                await().atMost(Duration.ofMinutes(2)).until(() -> acknowledged.size() - before >= killAfter);
                running[0].kill();
                stop.set(true);
                for (Thread client : clients) {
                    client.join();
                }

                Launcher restarted = Launcher.start(data, base);
                running[0] = restarted;
                HttpJson again = restarted.http(restarted.measurement(), "admin");
                int replayed = 0;
                List<String> lost = new ArrayList<>();
                for (var report : acknowledged.entrySet()) {
                    String[] kpiAndBody = report.getValue().split("\n", 2);
                    HttpJson.Response answer = again.post("/api/kpis/" + kpiAndBody[0] + "/measurements", kpiAndBody[1],
                            Map.of("Idempotency-Key", report.getKey()));
                    if (answer.status() == 200) {
                        replayed++;
                    } else {
                        lost.add(report.getKey() + " answered " + answer.status());
                    }
                }
                HttpJson.Response completed = again.postBytes("/api/measurements/csv", csv, "text/csv; charset=UTF-8");
                int keptBefore = completed.json().get("replayed").asInt();
                Map<String, Integer> stored = new HashMap<>();
                for (JsonNode value : again.get("/api/kpis/" + csvKpi + "/measurements").json()) {
                    String comment = value.path("comment").asString("");
                    if (comment.startsWith("r" + round + " ")) {
                        stored.merge(comment, 1, Integer::sum);
                    }
                }
                long twice = stored.values().stream().filter(n -> n > 1).count();
                System.out.printf("%5d | %17d | %25d | %16d | %19d | %29d | %d%n", round, killAfter, acknowledged.size(),
                        replayed, lost.size(), keptBefore, twice);
                assertThat(lost).as("answered 201, then lost (round %d, seed %d)", round, seed).isEmpty();
                assertThat(completed.status()).isEqualTo(200);
                assertThat(completed.json().get("accepted").asInt() + keptBefore).as("the file completed").isEqualTo(CSV_ROWS);
                assertThat(completed.json().get("rejected").asInt()).isZero();
                assertThat(stored).as("every row of the file once").hasSize(CSV_ROWS);
                assertThat(twice).as("rows stored twice").isZero();
                if (firstUpload.get() != null) {
                    // the upload finished before the kill: all of it was kept
                    assertThat(keptBefore).isEqualTo(firstUpload.get().json().get("accepted").asInt());
                }
            }
        } finally {
            running[0].stop();
        }
    }

    /** Posts reports with keys of its own until the launcher is gone; remembers each one answered 201. */
    private static void report(HttpJson measurements, String client, List<String> kpis, AtomicBoolean stop,
            Map<String, String> acknowledged) {
        try {
            for (int i = 0; !stop.get(); i++) {
                String kpi = kpis.get(i % kpis.size());
                String body = "{\"value\": " + (i % 50 + 1) + ", \"measuredOn\": \""
                        + LocalDate.parse("2023-04-01").plusDays(i % 180) + "\", \"comment\": \"" + client + "-" + i + "\"}";
                String key = client + "-" + i;
                HttpJson.Response answer = measurements.post("/api/kpis/" + kpi + "/measurements", body,
                        Map.of("Idempotency-Key", key));
                if (answer.status() == 201) {
                    acknowledged.put(key, kpi + "\n" + body);
                }
            }
        } catch (RuntimeException launcherGone) {
            // killed: what was not answered may or may not be kept
        }
    }

    /** The demo plan's KPIs that take a plain number (a probe report is kept for each). */
    private static List<String> numericKpis(HttpJson plans, HttpJson measurements) {
        JsonNode definitions = plans.get("/api/kpi-definitions?size=200").json().get("items");
        List<String> ids = StreamSupport.stream(definitions.spliterator(), false)
                .map(item -> item.at("/kpi/id").asString())
                .filter(id -> measurements.post("/api/kpis/" + id + "/measurements",
                        "{\"value\": 5, \"measuredOn\": \"2023-09-30\"}", Map.of("Idempotency-Key", "probe-" + id))
                        .status() / 100 == 2)
                .toList();
        assertThat(ids).as("KPIs to report on").hasSizeGreaterThan(2);
        return ids;
    }

    private static byte[] csv(String kpiId, int round) {
        StringBuilder csv = new StringBuilder("kpiId,value,measuredOn,comment\n");
        for (int row = 0; row < CSV_ROWS; row++) {
            csv.append(kpiId).append(',').append(row % 90 + 1).append(',')
                    .append(LocalDate.parse("2023-04-01").plusDays(row % 180)).append(",r").append(round).append(" row ")
                    .append(row).append('\n');
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Seven free ports in a row, for the launcher's stack. */
    private static int freePortBase() throws IOException {
        Random random = new Random();
        for (int attempt = 0; attempt < 50; attempt++) {
            int base = 20_000 + random.nextInt(20_000);
            boolean free = true;
            for (int port = base; port < base + 7 && free; port++) {
                try (ServerSocket probe = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
                    probe.setReuseAddress(true);
                } catch (IOException inUse) {
                    free = false;
                }
            }
            if (free) {
                return base;
            }
        }
        throw new IOException("no seven free ports in a row");
    }

    /** The launcher as a process: started on a data folder, ready once it prints its banner. */
    private record Launcher(ChildJvm jvm, LocalPorts ports, Path data) {

        static Launcher start(Path data, int base) {
            ChildJvm jvm = ChildJvm.start(LocalLauncher.class.getName(), List.of("-Xmx1g"), List.of(), Map.of(
                    "SHINCHOKU_DATA_DIR", data.toString(), "SHINCHOKU_PORT_BASE", String.valueOf(base),
                    "SHINCHOKU_DATE", "2023-10-02", "SHINCHOKU_AUTH_ENABLED", "false"),
                    data.resolveSibling("launcher.log"), "Shinchoku is running", Duration.ofMinutes(3));
            return new Launcher(jvm, LocalPorts.from(base), data);
        }

        int plan() {
            return ports.plan();
        }

        int measurement() {
            return ports.measurement();
        }

        HttpJson http(int port, String person) {
            try {
                return HttpJson.onPort(port).as(Files.readString(data.resolve("auth/tokens/" + person + ".jwt")).trim());
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }

        void kill() {
            jvm.kill();
        }

        void stop() {
            jvm.stop();
        }
    }
}
