package jp.shinchoku.benchmark;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import jp.shinchoku.calendar.FiscalYear;
import jp.shinchoku.calendar.ReportingCadence;
import jp.shinchoku.calendar.ReportingPeriod;
import jp.shinchoku.embedded.ChildJvm;
import jp.shinchoku.embedded.InProcessKafka;
import jp.shinchoku.embedded.StoreServer;
import jp.shinchoku.launcher.LocalSystem;
import jp.shinchoku.launcher.LocalTokens;
import jp.shinchoku.launcher.LocalSystem.Service;
import jp.shinchoku.measurement.kpis.Direction;
import jp.shinchoku.measurement.kpis.KpiCatalog;
import jp.shinchoku.measurement.kpis.KpiDefinition;
import jp.shinchoku.measurement.kpis.KpiKind;
import jp.shinchoku.measurement.measurements.Measurement;
import jp.shinchoku.measurement.progress.Progress;
import jp.shinchoku.measurement.progress.ProgressCalculator;
import jp.shinchoku.measurement.progress.config.DailyProgress;
import jp.shinchoku.measurement.years.YearClosing;
import jp.shinchoku.testsupport.MovableClock;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * The daily progress run over a national number of KPIs: 1,788 governments × 40 KPIs of mixed kinds (count,
 * percentage, boolean, recurring, relative), each with one to three reported values, kept by the measurement service
 * on the in-process broker and the file-backed MongoDB-wire store in a process of its own (or real ones: {@code KAFKA_BOOTSTRAP_SERVERS},
 * {@code MONGODB_URI}). Prints how long each run took: the first (every KPI, each one's next day planned), the next
 * days (only the KPIs planned for them), three months on (statuses drift) and the first day of a fiscal year
 * (recurring and relative KPIs judged for the year that ended, and started again), with the heap used; then every
 * plan's year closed (年度締め), each freezing its edition.
 * Run by {@link Benchmarks}.
 */
final class DailyRunBenchmark {

    static final int KPIS_PER_GOVERNMENT = 40;
    static final LocalDate SEEDED = LocalDate.of(2024, 11, 1);

    private DailyRunBenchmark() {
    }

    /**
     * @param alertsOnly only the notification service's alert evaluation (the first in full, then by schedule), on
     *                   watches written for it
     */
    static void run(int governments, boolean alertsOnly) throws IOException {
        System.out.printf("== daily run: %,d governments × %d KPIs%n", governments, KPIS_PER_GOVERNMENT);
        Path dataDir = Files.createTempDirectory("shinchoku-bench");
        String kafkaServers = System.getenv("KAFKA_BOOTSTRAP_SERVERS");
        String mongoUri = System.getenv("MONGODB_URI");
        InProcessKafka kafka = kafkaServers == null ? InProcessKafka.startTemporary() : null;
        // the store in a process of its own, as deployed: the heap printed is the two services' (one JVM), not the store's
        ChildJvm mongo = mongoUri == null ? ChildJvm.start(StoreServer.class.getName(), List.of("-Xmx6g"),
                List.of(dataDir.resolve("store").toString(), "0"), Map.of(), dataDir.resolve("store.log"), "READY ",
                Duration.ofMinutes(1)) : null;
        MovableClock clock = MovableClock.at(SEEDED);
        try (LocalSystem system = LocalSystem.start(new LocalSystem.Settings(
                kafka == null ? kafkaServers : kafka.bootstrapServers(), mongo == null ? mongoUri : mongo.readyValue("READY"),
                "bench-" + System.currentTimeMillis() + "-", null, null, clock,
                Map.of("shinchoku.progress.daily.check", "P3650D", "logging.level.root", "WARN",
                        "shinchoku.notification.delivery.interval", "P3650D",
                        LocalSystem.PUBLIC_KEY_PROPERTY, LocalTokens.in(dataDir.resolve("auth")).publicKeyLocation())),
                Service.MEASUREMENT, Service.NOTIFICATION)) {
            if (alertsOnly) {
                AlertEvaluationBenchmark.run(system, governments, clock);
                return;
            }
            DailyProgress.Run daily = system.bean(Service.MEASUREMENT, DailyProgress.Run.class);

            long seeding = System.nanoTime();
            int kpis = seed(governments, system.bean(Service.MEASUREMENT, MongoTemplate.class),
                    system.bean(Service.MEASUREMENT, KpiCatalog.class),
                    system.bean(Service.MEASUREMENT, ProgressCalculator.class));
            System.out.printf("seeded %,d KPIs of %,d governments with their values in %.1f s%n", kpis, governments,
                    (System.nanoTime() - seeding) / 1e9);
            // the data was written around the service: its first run is one over every KPI, as after an upgrade
            system.bean(Service.MEASUREMENT, MongoTemplate.class).getCollection("progress_runs").deleteMany(new Document());

            run(daily, clock, SEEDED.plusDays(1), "the first run (every KPI, each planned)");
            run(daily, clock, SEEDED.plusDays(2), "the next day (the KPIs planned for it)");
            run(daily, clock, SEEDED.plusDays(3), "another day");
            run(daily, clock, SEEDED.plusMonths(3), "three months on (statuses drift)");
            run(daily, clock, FiscalYear.containing(SEEDED).next().firstDay(),
                    "a new fiscal year (recurring and relative judged for the year and restarted)");
            printVerdicts(system.bean(Service.MEASUREMENT, MongoTemplate.class), FiscalYear.containing(SEEDED));
            closeEveryPlan(system.bean(Service.MEASUREMENT, YearClosing.class), governments,
                    FiscalYear.containing(SEEDED));
            AlertEvaluationBenchmark.run(system, governments, clock);
        } finally {
            if (mongo != null) {
                mongo.stop();
            }
            if (kafka != null) {
                kafka.close();
            }
        }
    }

    /** How many KPIs the year's rollover judged, and how many of them missed the year. */
    private static void printVerdicts(MongoTemplate mongo, FiscalYear year) {
        long judged = mongo.getCollection("kpi_progress").countDocuments(
                new Document("progress.years.fiscalYear", year.startYear()));
        long missed = mongo.getCollection("kpi_progress").countDocuments(new Document("progress.years",
                new Document("$elemMatch", new Document("fiscalYear", year.startYear()).append("verdict", "MISSED"))));
        System.out.printf("%s verdicts kept by the rollover: %,d KPIs judged, %,d 未達%n", year.labelEn(), judged, missed);
    }

    /** Every plan's year closed (with a reason: some KPIs were not reported), each freezing its edition. */
    private static void closeEveryPlan(YearClosing closing, int governments, FiscalYear year) {
        long started = System.nanoTime();
        int closed = 0;
        for (int g = 0; g < governments; g++) {
            if (closing.close("pln-bench-" + g, year.startYear(), "bench", "年度締め（ベンチマーク）")
                    instanceof YearClosing.Outcome.Done) {
                closed++;
            }
        }
        long millis = (System.nanoTime() - started) / 1_000_000;
        System.gc();
        System.out.printf("closed %s of %,d plans (each freezing its edition) in %,d ms (%.1f ms a plan); heap used %d MB%n",
                year.labelEn(), closed, millis, millis / (double) Math.max(1, closed),
                ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / (1 << 20));
    }

    private static void run(DailyProgress.Run daily, MovableClock clock, LocalDate day, String what) {
        clock.moveTo(day);
        DailyProgress.Outcome outcome = daily.run();
        System.gc();
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        System.out.printf("daily run %s, %s: %,d KPIs in %,d ms (%,.0f KPIs/s), %,d changed; heap used %d MB%n", day, what,
                outcome.kpis(), outcome.took().toMillis(), outcome.kpis() / Math.max(0.001, outcome.took().toMillis() / 1000.0),
                outcome.changed(), memory.getHeapMemoryUsage().getUsed() / (1 << 20));
    }

    /**
     * Each government's KPIs: a mix of kinds, targets due by the end of 令和7年度, and one to three values. Written
     * in bulk, each KPI's progress document as the service keeps it (progress computed by its engine, with its values),
     * so that setting up seventy thousand KPIs takes seconds, not the pipeline's time.
     */
    static int seed(int governments, MongoTemplate mongo, KpiCatalog catalog, ProgressCalculator calculator) {
        Random random = new Random(42);
        int count = 0;
        List<KpiDefinition> definitions = new ArrayList<>();
        List<Document> states = new ArrayList<>();
        for (int g = 0; g < governments; g++) {
            String municipality = String.valueOf(100_000 + g);
            String planId = "pln-bench-" + g;
            for (int k = 0; k < KPIS_PER_GOVERNMENT; k++) {
                KpiDefinition kpi = kpi(planId, municipality, k);
                List<Measurement> values = values(kpi, random);
                Progress progress = calculator.compute(kpi, values, SEEDED);
                definitions.add(kpi);
                states.add(new Document("_id", kpi.id())
                        .append("progress", mongo.getConverter().convertToMongoType(progress))
                        .append("values", values.stream().map(v -> mongo.getConverter().convertToMongoType(v)).toList())
                        .append("outbox", List.of()));
                count++;
                if (definitions.size() == 1_000) {
                    write(mongo, catalog, definitions, states);
                }
            }
        }
        write(mongo, catalog, definitions, states);
        return count;
    }

    /** The definitions as the service keeps them (with its index of a plan's KPIs); the progress written around it. */
    private static void write(MongoTemplate mongo, KpiCatalog catalog, List<KpiDefinition> definitions,
            List<Document> states) {
        if (!definitions.isEmpty()) {
            catalog.saveAll(List.copyOf(definitions));
            mongo.getCollection("kpi_progress").insertMany(states);
        }
        definitions.clear();
        states.clear();
    }

    private static KpiDefinition kpi(String planId, String municipality, int k) {
        KpiKind kind = List.of(KpiKind.COUNT, KpiKind.PERCENTAGE, KpiKind.BOOLEAN, KpiKind.RECURRING, KpiKind.RELATIVE)
                .get(k % 5);
        return new KpiDefinition(planId + ".1-" + k + ".1", planId, "dept" + (k % 6), "指標" + k, "件", kind,
                kind == KpiKind.BOOLEAN ? Direction.ACHIEVE : Direction.INCREASE,
                kind == KpiKind.BOOLEAN ? null : BigDecimal.TEN, LocalDate.of(2021, 4, 1),
                kind == KpiKind.PERCENTAGE ? BigDecimal.valueOf(90) : BigDecimal.valueOf(100), LocalDate.of(2026, 3, 31), 1,
                false, municipality, List.of(),
                kind == KpiKind.RECURRING ? new KpiDefinition.Recurrence(4, "fiscal-year") : null,
                kind == KpiKind.RELATIVE ? new BigDecimal("1.1") : null,
                null, null, ReportingCadence.QUARTERLY, FiscalYear.of(2021), FiscalYear.of(2025));
    }

    private static List<Measurement> values(KpiDefinition kpi, Random random) {
        List<Measurement> values = new ArrayList<>();
        int n = 1 + random.nextInt(3);
        for (int i = 0; i < n; i++) {
            LocalDate on = SEEDED.minusMonths(3L * (n - i));
            BigDecimal value = switch (kpi.kind()) {
                case BOOLEAN -> BigDecimal.valueOf(random.nextInt(4) == 0 ? 1 : 0);
                case PERCENTAGE -> BigDecimal.valueOf(10 + random.nextInt(70));
                case RECURRING -> BigDecimal.ONE;
                default -> BigDecimal.valueOf(10 + random.nextInt(80));
            };
            values.add(new Measurement("msr-" + kpi.id() + "-" + i, kpi.id(), kpi.planId(), kpi.departmentCode(), value,
                    null, on, ReportingPeriod.containing(ReportingCadence.QUARTERLY, on), null, null, kpi.id() + "-" + i,
                    Instant.parse("2024-10-01T00:00:00Z"), null, null));
        }
        return values;
    }
}
