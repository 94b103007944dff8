package jp.shinchoku.benchmark;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import jp.shinchoku.embedded.InProcessKafka;
import jp.shinchoku.embedded.InProcessMongo;

/**
 * The benchmarks, printing figures (never timed tests): the report pipeline end to end, then the daily run.
 * {@code ./mvnw -q -pl deploy/benchmark -am spring-boot:run -Dlauncher.skip=true}; arguments (after
 * {@code -Dspring-boot.run.arguments=}): {@code --only=pipeline|daily|alerts|faults|documents|public-page} ({@code faults}: the fault suite, {@code --short} for the version the tests run), {@code --governments=1788},
 * {@code --reports=15000} per full-rate phase (the fixed-rate phases send 4/3, 1/15 and 2/15 of it; all five fewer
 * together when the governments' KPIs are fewer, each KPI being reported once), {@code --stored=1000000},
 * {@code --store=memory|file}; any size from one government up. On the in-process
 * broker and MongoDB-wire store unless {@code KAFKA_BOOTSTRAP_SERVERS} / {@code MONGODB_URI} name real ones.
 */
public final class Benchmarks {

    private Benchmarks() {
    }

    public static void main(String[] args) throws Exception {
        System.exit(run(args));
    }

    /** The benchmarks the arguments name, in this JVM; the exit status (0, or 1 when the fault suite lost a report). */
    static int run(String[] args) throws Exception {
        String only = text(args, "--only=", "all");
        if (!List.of("all", "pipeline", "daily", "alerts", "faults", "documents", "public-page").contains(only)) {
            throw new IllegalArgumentException("--only=" + only + ": pipeline, daily, alerts, faults, documents or public-page");
        }
        int governments = number(args, "--governments=", 1_788);
        int reports = number(args, "--reports=", 15_000);
        int stored = number(args, "--stored=", 1_000_000);
        String store = text(args, "--store=", "file");
        if (governments < 1 || reports < 1 || stored < 0 || !List.of("file", "memory").contains(store)) {
            throw new IllegalArgumentException("--governments and --reports at least 1, --stored at least 0, "
                    + "--store=file or memory");
        }
        if (only.equals("faults")) {
            List<FaultSuite.Row> rows = FaultSuite.run(!hasFlag(args, "--short"), FaultSuite.workFolder());
            return rows.stream().allMatch(row -> row.lost() == 0 && row.duplicated() == 0) ? 0 : 1;
        }
        if (only.equals("documents")) {
            DocumentsBenchmark.run();
            PublicPageBenchmark.run();
            return 0;
        }
        if (only.equals("public-page")) {
            PublicPageBenchmark.run();
            return 0;
        }
        if (!only.equals("daily") && !only.equals("alerts")) {
            Path dataDir = Files.createTempDirectory("shinchoku-pipeline");
            String kafkaServers = System.getenv("KAFKA_BOOTSTRAP_SERVERS");
            String mongoUri = System.getenv("MONGODB_URI");
            InProcessKafka kafka = kafkaServers == null ? InProcessKafka.startTemporary() : null;
            // the durable store the launcher runs on (every write forced before it is answered); --store=memory for
            // the same store without its journal, to see what durability costs
            InProcessMongo mongo = mongoUri != null ? null : store.equals("memory")
                    ? InProcessMongo.startInMemory() : InProcessMongo.startPersistent(dataDir.resolve("store"), 0);
            PipelineBenchmark pipeline = new PipelineBenchmark(kafka == null ? kafkaServers : kafka.bootstrapServers(),
                    mongo == null ? mongoUri : mongo.connectionString());
            try {
                pipeline.run(governments, reports, stored, dataDir.resolve("logs"));
            } finally {
                pipeline.close();
                if (mongo != null) {
                    mongo.close();
                }
                if (kafka != null) {
                    kafka.close();
                }
            }
        }
        if (!only.equals("pipeline")) {
            DailyRunBenchmark.run(governments, only.equals("alerts"));
        }
        return 0;
    }

    private static boolean hasFlag(String[] args, String flag) {
        return java.util.Arrays.asList(args).contains(flag);
    }

    static int number(String[] args, String prefix, int otherwise) {
        return Integer.parseInt(text(args, prefix, String.valueOf(otherwise)));
    }

    private static String text(String[] args, String prefix, String otherwise) {
        for (String arg : args) {
            if (arg.startsWith(prefix)) {
                return arg.substring(prefix.length());
            }
        }
        return otherwise;
    }
}
