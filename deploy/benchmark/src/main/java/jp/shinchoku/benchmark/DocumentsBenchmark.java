package jp.shinchoku.benchmark;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import jp.shinchoku.embedded.InProcessKafka;
import jp.shinchoku.embedded.InProcessMongo;
import jp.shinchoku.launcher.LocalSystem;
import jp.shinchoku.launcher.LocalSystem.Service;
import jp.shinchoku.launcher.LocalTokens;
import jp.shinchoku.measurement.documents.YearReport;
import jp.shinchoku.measurement.documents.YearReports;
import jp.shinchoku.measurement.documents.pdf.YearReportPdf;
import jp.shinchoku.measurement.documents.xlsx.YearReportWorkbook;
import jp.shinchoku.measurement.kpis.KpiCatalog;
import jp.shinchoku.measurement.progress.ProgressCalculator;
import jp.shinchoku.measurement.years.Publishing;
import jp.shinchoku.measurement.years.YearClosing;
import jp.shinchoku.testsupport.MovableClock;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * The year's documents and the published figures for one plan of 40 KPIs (the daily run's KPIs, values up to
 * 2024-11-01), on 20 April 2025 with 令和6年度 closed and its edition published: how long the report workbook takes
 * to make, and the open data of published figures under 50 concurrent anonymous readers for 10 s (p50/p95/p99,
 * errors). {@code --only=documents}.
 */
final class DocumentsBenchmark {

    private static final String PLAN = "pln-bench-0";
    private static final int READERS = 50;

    private DocumentsBenchmark() {
    }

    static void run() throws IOException, InterruptedException {
        System.out.println("== documents and published figures: one plan of 40 KPIs");
        Path dataDir = Files.createTempDirectory("shinchoku-documents");
        InProcessKafka kafka = InProcessKafka.startTemporary();
        InProcessMongo mongo = InProcessMongo.startPersistent(dataDir.resolve("store"), 0);
        MovableClock clock = MovableClock.at(LocalDate.of(2025, 4, 20));
        try (LocalSystem system = LocalSystem.start(new LocalSystem.Settings(kafka.bootstrapServers(),
                mongo.connectionString(), "docs-" + System.currentTimeMillis() + "-", null, null, clock,
                Map.of("logging.level.root", "WARN", LocalSystem.PUBLIC_KEY_PROPERTY,
                        LocalTokens.in(dataDir.resolve("auth")).publicKeyLocation())), Service.MEASUREMENT)) {
            DailyRunBenchmark.seed(1, system.bean(Service.MEASUREMENT, MongoTemplate.class),
                    system.bean(Service.MEASUREMENT, KpiCatalog.class),
                    system.bean(Service.MEASUREMENT, ProgressCalculator.class));
            YearClosing.Outcome closed = system.bean(Service.MEASUREMENT, YearClosing.class).close(PLAN, 2024, "bench",
                    "ベンチマーク");
            String edition = ((YearClosing.Outcome.Done) closed).years().editions().getLast().edition();
            system.bean(Service.MEASUREMENT, Publishing.class).publish(PLAN, edition, "bench");

            YearReports reports = system.bean(Service.MEASUREMENT, YearReports.class);
            List<Long> micros = new ArrayList<>();
            int size = 0;
            for (int i = 0; i < 13; i++) {
                long started = System.nanoTime();
                YearReport report = ((YearReports.Outcome.Ready) reports.of(PLAN, 2024, null)).report();
                size = YearReportWorkbook.render(report, true).length;
                if (i >= 3) {
                    micros.add((System.nanoTime() - started) / 1_000);
                }
            }
            Collections.sort(micros);
            System.out.printf("report workbook (40 KPIs, %,d bytes): median %.1f ms, slowest %.1f ms of 10 (goal ≤ 2 s)%n",
                    size, micros.get(5) / 1e3, micros.getLast() / 1e3);
            pdf(reports, system.bean(Service.MEASUREMENT, YearReportPdf.class));

            readers(URI.create("http://localhost:" + system.port(Service.MEASUREMENT) + "/api/open-data/plans/" + PLAN
                    + "/figures"));
        } finally {
            mongo.close();
            kafka.close();
        }
    }

    /** The same report as a PDF (openhtmltopdf), 10 times after 3 to warm up; skipped without its Japanese font. */
    private static void pdf(YearReports reports, YearReportPdf pdf) {
        if (!pdf.available()) {
            System.out.println("report PDF: skipped, no Japanese font at " + pdf.font().path()
                    + " (install fonts-ipaexfont-gothic)");
            return;
        }
        List<Long> micros = new ArrayList<>();
        int size = 0;
        long first = 0;
        for (int i = 0; i < 13; i++) {
            long started = System.nanoTime();
            YearReport report = ((YearReports.Outcome.Ready) reports.of(PLAN, 2024, null)).report();
            size = pdf.render(report, true).orElseThrow().length;
            long took = (System.nanoTime() - started) / 1_000;
            if (i == 0) {
                first = took;
            } else if (i >= 3) {
                micros.add(took);
            }
        }
        Collections.sort(micros);
        System.out.printf("report PDF (40 KPIs, %,d bytes): first %.1f ms, then median %.1f ms, slowest %.1f ms of 10 "
                + "(goal ≤ 2 s)%n", size, first / 1e3, micros.get(5) / 1e3, micros.getLast() / 1e3);
    }

    /** 50 anonymous readers for 10 s after a 3 s warm-up, each asking again as soon as answered. */
    private static void readers(URI figures) throws InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        HttpRequest request = HttpRequest.newBuilder(figures).timeout(Duration.ofSeconds(10)).GET().build();
        for (long until = System.nanoTime() + 3_000_000_000L; System.nanoTime() < until; ) {
            send(http, request);
        }
        ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
        AtomicInteger errors = new AtomicInteger();
        long end = System.nanoTime() + 10_000_000_000L;
        try (var executor = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int r = 0; r < READERS; r++) {
                executor.submit(() -> {
                    while (System.nanoTime() < end) {
                        long started = System.nanoTime();
                        if (send(http, request) != 200) {
                            errors.incrementAndGet();
                        }
                        latencies.add(System.nanoTime() - started);
                    }
                });
            }
        }
        List<Long> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        System.out.printf("published figures, %d concurrent anonymous readers for 10 s: %,d answers (%.0f/s), "
                + "p50 %.1f ms, p95 %.1f ms (goal ≤ 200 ms), p99 %.1f ms, %d errors%n", READERS, sorted.size(),
                sorted.size() / 10.0, percentile(sorted, 0.50), percentile(sorted, 0.95), percentile(sorted, 0.99),
                errors.get());
    }

    private static int send(HttpClient http, HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    private static double percentile(List<Long> sorted, double p) {
        return sorted.isEmpty() ? 0 : sorted.get((int) Math.min(sorted.size() - 1, Math.floor(p * sorted.size()))) / 1e6;
    }
}
