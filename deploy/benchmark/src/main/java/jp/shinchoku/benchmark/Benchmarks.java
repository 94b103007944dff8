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
 * {@code --reports=15000} per full-rate phase, {@code --stored=1000000}, {@code --store=memory|file}. On the in-process
 * broker and MongoDB-wire store unless {@code KAFKA_BOOTSTRAP_SERVERS} / {@code MONGODB_URI} name real ones.
 */
public final class Benchmarks {

    private Benchmarks() {
    }

    public static void main(String[] args) throws Exception {
        String only = text(args, "--only=", "all");
        int governments = number(args, "--governments=", 1_788);
        if (only.equals("faults")) {
            List<FaultSuite.Row> rows = FaultSuite.run(!hasFlag(args, "--short"), FaultSuite.workFolder());
            System.exit(rows.stream().allMatch(row -> row.lost() == 0 && row.duplicated() == 0) ? 0 : 1);
        }
        if (only.equals("documents")) {
            DocumentsBenchmark.run();
            PublicPageBenchmark.run();
            System.exit(0);
        }
        if (only.equals("public-page")) {
            PublicPageBenchmark.run();
            System.exit(0);
        }
        if (!only.equals("daily") && !only.equals("alerts")) {
            Path dataDir = Files.createTempDirectory("shinchoku-pipeline");
            String kafkaServers = System.getenv("KAFKA_BOOTSTRAP_SERVERS");
            String mongoUri = System.getenv("MONGODB_URI");
            InProcessKafka kafka = kafkaServers == null ? InProcessKafka.startTemporary() : null;
            // the durable store the launcher runs on (every write forced before it is answered); --store=memory for
            // the same store without its journal, to see what durability costs
            InProcessMongo mongo = mongoUri != null ? null : text(args, "--store=", "file").equals("memory")
                    ? InProcessMongo.startInMemory() : InProcessMongo.startPersistent(dataDir.resolve("store"), 0);
            PipelineBenchmark pipeline = new PipelineBenchmark(kafka == null ? kafkaServers : kafka.bootstrapServers(),
                    mongo == null ? mongoUri : mongo.connectionString());
            try {
                pipeline.run(governments, number(args, "--reports=", 15_000), number(args, "--stored=", 1_000_000),
                        dataDir.resolve("logs"));
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
        System.exit(0);
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
