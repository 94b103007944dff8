package jp.shinchoku.benchmark;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import jp.shinchoku.embedded.InProcessKafka;
import jp.shinchoku.embedded.InProcessMongo;
import jp.shinchoku.launcher.LocalAuthorizationServer;
import jp.shinchoku.launcher.LocalPortal;
import jp.shinchoku.launcher.LocalSystem;
import jp.shinchoku.launcher.LocalSystem.Service;
import jp.shinchoku.launcher.LocalTokens;
import jp.shinchoku.testsupport.HttpJson;
import jp.shinchoku.testsupport.MovableClock;

/**
 * The public page (公表) of one plan of 40 KPIs with its 令和6年度 published, through the portal over the whole system,
 * on 20 April 2025: 50 concurrent anonymous readers for 10 s after 3 s of warm-up, with Debian's {@code wrk} (p50, p95,
 * p99, errors), and the same readers on a static file of the same portal (its HTTP stack's ceiling) for the ratio.
 * Without {@code wrk}: said, and skipped. {@code --only=public-page}.
 */
final class PublicPageBenchmark {

    private static final int READERS = 50;
    private static final int KPIS = 40;
    private static final Path WRK = Path.of("/usr/bin/wrk");
    /** wrk prints its own summary; this prints the percentiles on one line (latency in microseconds). */
    private static final String PERCENTILES = """
            done = function(summary, latency, requests)
              local errors = summary.errors.connect + summary.errors.read + summary.errors.write
                + summary.errors.status + summary.errors.timeout
              io.write(string.format("RESULT %d %.1f %.1f %.1f %d\\n", summary.requests, latency:percentile(50) / 1000,
                latency:percentile(95) / 1000, latency:percentile(99) / 1000, errors))
            end
            """;

    private PublicPageBenchmark() {
    }

    static void run() throws IOException, InterruptedException {
        System.out.println("== the public page: one plan of " + KPIS + " KPIs, 令和6年度 published");
        if (!Files.isExecutable(WRK)) {
            System.out.println("public page: skipped, no wrk at " + WRK + " (apt-get install wrk)");
            return;
        }
        Path dataDir = Files.createTempDirectory("shinchoku-public-page");
        InProcessKafka kafka = InProcessKafka.startTemporary();
        InProcessMongo mongo = InProcessMongo.startPersistent(dataDir.resolve("store"), 0);
        LocalTokens tokens = LocalTokens.in(dataDir.resolve("auth"));
        LocalAuthorizationServer auth = LocalAuthorizationServer.start(tokens, 0);
        tokens = tokens.issuedBy(auth.issuer());
        try (LocalSystem system = LocalSystem.start(new LocalSystem.Settings(kafka.bootstrapServers(),
                mongo.connectionString(), "public-" + System.currentTimeMillis() + "-", null, null,
                MovableClock.at(LocalDate.of(2025, 4, 20)), Map.of("logging.level.root", "WARN",
                        LocalSystem.PUBLIC_KEY_PROPERTY, tokens.publicKeyLocation())));
                LocalPortal portal = LocalPortal.start(system, auth.issuer(), 0)) {
            String planId = publish(system, tokens.admin());
            String page = portal.url() + "/public/plans/" + planId;
            String body = HttpJson.onPort(portal.port()).anonymous().get("/public/plans/" + planId).body();
            long kpis = body.split("class=\"kpi\"", -1).length - 1;
            System.out.printf("the page: %,d bytes, %d KPIs with their charts%n", body.getBytes(StandardCharsets.UTF_8).length,
                    kpis);
            Result plain = wrk(page, false);
            Result plan = wrk(page, true);
            Result ceiling = wrk(portal.url() + "/assets/portal.css", true);
            System.out.printf("public page, %d concurrent anonymous readers for 10 s (wrk), as browsers ask (gzip): %,d "
                    + "answers (%.0f/s), p50 %.1f ms, p95 %.1f ms (goal ≤ 200 ms), p99 %.1f ms, %d errors%n", READERS,
                    plan.requests(), plan.requests() / 10.0, plan.p50(), plan.p95(), plan.p99(), plan.errors());
            System.out.printf("  the same uncompressed: %,d answers (%.0f/s), p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, "
                    + "%d errors%n", plain.requests(), plain.requests() / 10.0, plain.p50(), plain.p95(), plain.p99(),
                    plain.errors());
            System.out.printf("the portal's static file, the same readers: %,d answers (%.0f/s), p95 %.1f ms; the public "
                    + "page answers %.2f× the static file's rate%n", ceiling.requests(), ceiling.requests() / 10.0,
                    ceiling.p95(), plan.requests() / (double) Math.max(1, ceiling.requests()));
        } finally {
            auth.close();
            mongo.close();
            kafka.close();
        }
    }

    /** A plan of 40 KPIs imported, each reported for 令和6年度, the year closed and its edition published. */
    private static String publish(LocalSystem system, String admin) throws InterruptedException {
        HttpJson plans = HttpJson.onPort(system.port(Service.PLAN)).as(admin);
        HttpJson measurements = HttpJson.onPort(system.port(Service.MEASUREMENT)).as(admin);
        HttpJson.Response imported = plans.postBytes("/api/plans", plan().getBytes(StandardCharsets.UTF_8),
                "application/yaml");
        if (imported.status() != 201) {
            throw new IllegalStateException("the plan was refused: " + imported.body());
        }
        String planId = imported.json().get("id").asString();
        List<String> kpis = new ArrayList<>();
        for (int measure = 1; measure <= KPIS / 5; measure++) {
            for (int kpi = 1; kpi <= 5; kpi++) {
                kpis.add(planId + "." + ((measure + 1) / 2) + "-" + measure + "." + kpi);
            }
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        for (String kpi : kpis) {
            while (measurements.get("/api/kpis/" + kpi + "/progress").status() != 200) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("the measurement service never heard of " + kpi);
                }
                Thread.sleep(200);
            }
            HttpJson.Response reported = measurements.post("/api/kpis/" + kpi + "/measurements",
                    "{\"value\": " + (60 + kpi.hashCode() % 40 + 40) % 100 + ", \"measuredOn\": \"2025-03-31\"}",
                    Map.of("Idempotency-Key", kpi + "-2024"));
            if (reported.status() != 201) {
                throw new IllegalStateException("a report was refused: " + reported.body());
            }
        }
        HttpJson.Response closed = measurements.post("/api/plans/" + planId + "/fiscal-years/2024/close", "{}");
        if (closed.status() != 200) {
            throw new IllegalStateException("the year did not close: " + closed.body());
        }
        String edition = closed.json().at("/history/0/edition").asString();
        HttpJson.Response published = measurements.post("/api/plans/" + planId + "/editions/"
                + HttpJson.encode(edition) + "/publish", "");
        if (published.status() != 200) {
            throw new IllegalStateException("the edition was not published: " + published.body());
        }
        return planId;
    }

    /** 4 pillars × 2 measures × 5 KPIs, counts from a baseline to a target, in the demo municipality. */
    private static String plan() {
        StringBuilder yaml = new StringBuilder("""
                municipality: {name: 公表ベンチ町, prefecture: 鹿児島県}
                title: 公表ベンチ町官民データ活用推進計画
                issuedOn: 令和6年3月
                period: {from: 令和6年度, to: 令和8年度}
                reportingCadence: annual
                departments:
                - {code: kikaku, name: 企画課}
                pillars:
                """);
        for (int pillar = 1; pillar <= KPIS / 10; pillar++) {
            yaml.append("- code: '").append(pillar).append("'\n  title: 柱").append(pillar).append("の取組\n  measures:\n");
            for (int measure = pillar * 2 - 1; measure <= pillar * 2; measure++) {
                yaml.append("  - code: ").append(pillar).append('-').append(measure).append("\n    title: 施策")
                        .append(measure).append("\n    summary: 施策").append(measure).append("の概要\n")
                        .append("    department: kikaku\n    kpis:\n");
                for (int kpi = 1; kpi <= 5; kpi++) {
                    yaml.append("    - {name: 指標").append(measure).append('-').append(kpi)
                            .append(", unit: 件, kind: count, direction: increase, baseline: {value: 10, asOf: 2024-03-31},")
                            .append(" target: {value: 100, due: 令和8年度末}}\n");
                }
            }
        }
        return yaml.toString();
    }

    private record Result(long requests, double p50, double p95, double p99, long errors) {
    }

    /** wrk with one thread, asking for gzip as browsers do or not, (the machine's other core is the system's) and 50 connections: 3 s to warm up, then 10 s measured. */
    private static Result wrk(String url, boolean gzip) throws IOException, InterruptedException {
        Path script = Files.createTempFile("percentiles", ".lua");
        Files.writeString(script, PERCENTILES);
        String encoding = "Accept-Encoding: " + (gzip ? "gzip, deflate, br" : "identity");
        run(List.of(WRK.toString(), "-t1", "-c" + READERS, "-d3s", "-H", encoding, url));
        String out = run(List.of(WRK.toString(), "-t1", "-c" + READERS, "-d10s", "--timeout", "10s", "-H", encoding,
                "-s", script.toString(), url));
        String line = out.lines().filter(l -> l.startsWith("RESULT ")).findFirst()
                .orElseThrow(() -> new IllegalStateException("wrk said: " + out));
        String[] f = line.split(" ");
        return new Result(Long.parseLong(f[1]), Double.parseDouble(f[2]), Double.parseDouble(f[3]),
                Double.parseDouble(f[4]), Long.parseLong(f[5]));
    }

    private static String run(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException(command + " failed: " + out);
        }
        return out;
    }
}
