package jp.shinchoku.benchmark;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import jp.shinchoku.contracts.CloudEventHeaders;
import jp.shinchoku.contracts.Topics;
import jp.shinchoku.launcher.LocalSystem;
import jp.shinchoku.launcher.LocalTokens;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Reports end to end across the three services, each in its own JVM with a 512 MB heap, on one broker and one store:
 * a national set of plans imported through the plan service; reports through the Kafka ingress and the REST API, at
 * full rate and at fixed rates; with an empty store and with a million stored measurements. Prints throughput (report
 * in → {@code kpi.progress-changed} out), latency to the progress event and to the alert, heap and resident memory per
 * service, the raw ceilings of the broker and the store measured in the same run and the ratio, and a count check.
 */
final class PipelineBenchmark {

    private static final String TODAY = "2024-11-25";
    /** The services verify callers' tokens against this issuer's key; the benchmark calls as the administrator. */
    private static final LocalTokens TOKENS = LocalTokens.in(tempFolder());
    private static final String ADMIN = TOKENS.admin();

    private static java.nio.file.Path tempFolder() {
        try {
            return java.nio.file.Files.createTempDirectory("shinchoku-bench-auth");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** A KPI to report on: its id, its ordinal in its plan (its kind, whether it is due soon). */
    record Target(String kpiId, int ordinal) {
    }

    private final String kafka;
    private final String mongoUri;
    private final String prefix = "bench" + Long.toString(System.currentTimeMillis(), 36) + "-";
    private final List<ServiceProcess> services = new ArrayList<>();
    private final Map<String, Long> sentAt = new ConcurrentHashMap<>();
    private final Map<String, Long> progressAt = new ConcurrentHashMap<>();
    private final Map<String, Long> alertAt = new ConcurrentHashMap<>();
    private final Map<String, Integer> alertsRaised = new ConcurrentHashMap<>();
    private final Set<String> progressEventIds = ConcurrentHashMap.newKeySet();
    private final AtomicInteger progressDuplicates = new AtomicInteger();
    private final Set<String> recordedIds = ConcurrentHashMap.newKeySet();
    private final AtomicInteger recordedDuplicates = new AtomicInteger();
    private final AtomicInteger sent = new AtomicInteger();
    private final AtomicInteger restAccepted = new AtomicInteger();
    private final AtomicInteger restRefused = new AtomicInteger();
    private final List<String> goals = new CopyOnWriteArrayList<>();
    private volatile boolean listening = true;

    PipelineBenchmark(String kafka, String mongoUri) {
        this.kafka = kafka;
        this.mongoUri = mongoUri;
    }

    void run(int governments, int reportsPerPhase, int stored, Path logs) throws Exception {
        System.out.printf("== pipeline: %,d governments × %d KPIs, reports through the ingress and REST%n", governments,
                NationalPlans.KPIS_PER_PLAN);
        // 200,000 records and 50,000 documents at the national size, fewer (down to a tenth) for a smaller run
        double kafkaCeiling = Ceilings.kafka(kafka, clamp(reportsPerPhase * 40L / 3, 20_000, 200_000));
        double storeCeiling = Ceilings.store(mongoUri, clamp(reportsPerPhase * 10L / 3, 5_000, 50_000));
        double lower = Math.min(kafkaCeiling, storeCeiling);
        System.out.printf("raw ceilings: Kafka consume→parse→produce %,.0f records/s; store bulk insert %,.0f docs/s%n",
                kafkaCeiling, storeCeiling);

        startServices(logs);
        Thread sampler = Thread.ofPlatform().daemon().start(() -> {
            while (listening) {
                services.forEach(ServiceProcess::sample);
                LockSupport.parkNanos(Duration.ofSeconds(2).toNanos());
            }
        });
        List<Target> kpis = importPlans(governments);
        KafkaConsumer<String, byte[]> consumer = listen();
        Thread listener = Thread.ofPlatform().daemon().start(() -> consume(consumer));

        int[] sizes = phaseSizes(kpis.size(), reportsPerPhase);
        if (sizes[0] < reportsPerPhase) {
            System.out.printf("%,d KPIs, each reported once: the phases send %,d, %,d, %,d, %,d and %,d reports "
                    + "(asked: %,d per full-rate phase)%n", kpis.size(), sizes[0], sizes[1], sizes[2], sizes[3], sizes[4],
                    reportsPerPhase);
        }
        int offset = 0;
        Phase empty = drive("ingress, full rate, empty store", kpis.subList(offset, offset += sizes[0]), 0, false);
        seedStored(stored, kpis.size());
        Phase full = drive("ingress, full rate, " + String.format("%,d", stored) + " measurements stored",
                kpis.subList(offset, offset += sizes[1]), 0, false);
        Phase fixed = drive("ingress at 1,000 reports/s", kpis.subList(offset, offset += sizes[2]), 1_000, false);
        Phase restFixed = drive("REST at 100 reports/s", kpis.subList(offset, offset += sizes[3]), 100, true);
        Phase restFull = drive("REST, full rate (16 in flight)", kpis.subList(offset, offset += sizes[4]), 0, true);

        Thread.sleep(5_000); // late duplicates, if any, arrive
        listening = false;
        listener.join();
        sampler.join();

        System.out.println();
        System.out.println("== results");
        for (Phase phase : List.of(empty, full, fixed, restFixed, restFull)) {
            System.out.println(phase);
        }
        services.forEach(service -> System.out.printf("%-22s heap used ≤ %,d MB (of 512), resident ≤ %,d MB%n",
                service.name, service.maxHeapMb(), service.maxRssMb()));
        double ratio = empty.throughput() == 0 ? 0 : full.throughput() / empty.throughput();
        goal(ratio >= 0.8, "throughput with %,d stored / empty store = %.2f (goal ≥ 0.80)", stored, ratio);
        double share = Math.max(empty.throughput(), full.throughput()) / lower;
        goal(share >= 0.5, "end-to-end throughput / lower raw ceiling = %,.0f / %,.0f = %.1f%% (goal ≥ 50%%)",
                Math.max(empty.throughput(), full.throughput()), lower, share * 100);
        goal(fixed.progress().count() > 0 && fixed.progress().p99() <= 50, "at 1,000 reports/s p99 to the progress event %d ms (goal ≤ 50 ms)",
                fixed.progress().p99());
        goal(fixed.alert().count() > 0 && fixed.alert().p99() <= 1_000,
                "at 1,000 reports/s p99 to the alert %d ms over %,d alerts (goal ≤ 1,000 ms)", fixed.alert().p99(),
                fixed.alert().count());
        countCheck();
        goal(services.stream().allMatch(s -> s.maxHeapMb() <= 512), "each service within a 512 MB heap");
        goals.forEach(System.out::println);
        consumer.close();
    }

    /**
     * How many reports each phase sends: the two full-rate phases {@code reportsPerPhase} each, the fixed-rate ones
     * 4/3 of it (20 s at 1,000/s at the national 15,000), 1/15 (10 s at 100/s) and 2/15; every KPI is reported once, so
     * when the governments' KPIs are fewer than the five phases ask, all five are made fewer in proportion, each at
     * least one report (a run needs five KPIs, one government has forty).
     */
    static int[] phaseSizes(int kpis, int reportsPerPhase) {
        long[] asked = {reportsPerPhase, reportsPerPhase, reportsPerPhase * 4L / 3, reportsPerPhase / 15,
                reportsPerPhase * 2L / 15};
        long total = 0;
        for (int i = 0; i < asked.length; i++) {
            asked[i] = Math.max(1, asked[i]);
            total += asked[i];
        }
        if (kpis < asked.length) {
            throw new IllegalArgumentException(kpis + " KPIs: the five phases need at least five");
        }
        int[] sizes = new int[asked.length];
        int given = 0;
        for (int i = 0; i < asked.length; i++) {
            sizes[i] = (int) Math.max(1, total <= kpis ? asked[i] : asked[i] * kpis / total);
            given += sizes[i];
        }
        for (int i = 0; given > kpis; i = (i + 1) % sizes.length) { // rounding up to one each can overshoot
            if (sizes[i] > 1) {
                sizes[i]--;
                given--;
            }
        }
        return sizes;
    }

    private static int clamp(long value, int min, int max) {
        return (int) Math.max(min, Math.min(max, value));
    }

    private void goal(boolean met, String format, Object... args) {
        goals.add((met ? "MET     " : "MISSED  ") + String.format(format, args));
    }

    private void startServices(Path logs) throws InterruptedException {
        List<String> common = List.of("--spring.kafka.bootstrap-servers=" + kafka, "--spring.mongodb.uri=" + mongoUri,
                "--shinchoku.clock.start-date=" + TODAY, "--" + LocalSystem.PUBLIC_KEY_PROPERTY + "=" + TOKENS.publicKeyLocation(),
                // the benchmark's class path is the launcher's: the authorization server's auto-configuration is on it
                "--spring.autoconfigure.exclude=" + String.join(",", LocalSystem.EXCLUDED_AUTO_CONFIGURATIONS));
        String[][] all = {
                {"plan-service", "jp.shinchoku.plan.PlanServiceApplication", "18181"},
                {"measurement-service", "jp.shinchoku.measurement.MeasurementServiceApplication", "18182"},
                {"notification-service", "jp.shinchoku.notification.NotificationServiceApplication", "18183"}};
        for (String[] service : all) {
            List<String> arguments = new ArrayList<>(common);
            arguments.add("--spring.mongodb.database=" + prefix + service[0]);
            arguments.add("--spring.kafka.consumer.group-id=" + prefix + service[0]);
            services.add(ServiceProcess.start(service[0], service[1], Integer.parseInt(service[2]), arguments, logs, ADMIN));
        }
        for (ServiceProcess service : services) {
            service.awaitReady(Duration.ofMinutes(3));
        }
        System.out.printf("services started, each in its own JVM (-Xmx512m); logs in %s%n", logs);
    }

    private ServiceProcess service(String name) {
        return services.stream().filter(s -> s.name.equals(name)).findFirst().orElseThrow();
    }

    /** Every government's plan through the plan service's import, four at a time; then until both services know every KPI. */
    private List<Target> importPlans(int governments) throws Exception {
        long start = System.nanoTime();
        List<Target> kpis = Collections.synchronizedList(new ArrayList<>());
        ServiceProcess plans = service("plan-service");
        List<java.util.concurrent.Future<?>> imports = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(4)) {
            for (int g = 0; g < governments; g++) {
                int government = g;
                imports.add(pool.submit(() -> {
                    HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(
                                    URI.create("http://127.0.0.1:" + plans.port + "/api/plans"))
                            .header("Content-Type", "application/json")
                            .header("Authorization", "Bearer " + ADMIN)
                            .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(NationalPlans.plan(government))))
                            .build(), HttpResponse.BodyHandlers.ofString());
                    if (response.statusCode() != 201) {
                        throw new IllegalStateException("import refused: " + response.body());
                    }
                    int ordinal = 0;
                    for (JsonNode measure : JSON.readTree(response.body()).at("/pillars/0/measures")) {
                        for (JsonNode kpi : measure.get("kpis")) {
                            kpis.add(new Target(kpi.get("id").asString(), ordinal++));
                        }
                    }
                    return null;
                }));
            }
        }
        for (var plan : imports) {
            plan.get(); // a refused import ends the run here, not in a wait for KPIs that will never come
        }
        double imported = (System.nanoTime() - start) / 1e9;
        try (MongoClient client = MongoClients.create(mongoUri)) {
            MongoDatabase measurement = client.getDatabase(prefix + "measurement-service");
            MongoDatabase notification = client.getDatabase(prefix + "notification-service");
            long expected = kpis.size();
            while (measurement.getCollection("kpi_progress").countDocuments() < expected
                    || notification.getCollection("kpi_watch").countDocuments() < expected) {
                Thread.sleep(2_000);
            }
        }
        System.out.printf("imported %,d plans (%,d KPIs, %,d milestones) in %.1f s; both services knew every KPI after %.1f s%n",
                governments, kpis.size(), governments * NationalPlans.MEASURES * 2, imported,
                (System.nanoTime() - start) / 1e9);
        List<Target> shuffled = new ArrayList<>(kpis);
        Collections.shuffle(shuffled, new java.util.Random(7));
        return shuffled;
    }

    private KafkaConsumer<String, byte[]> listen() {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, prefix + "probe");
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
        var consumer = new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer());
        consumer.subscribe(List.of(Topics.KPI_PROGRESS.name(), Topics.ALERT_EVENTS.name(), Topics.MEASUREMENT_EVENTS.name()));
        while (consumer.assignment().isEmpty()) {
            consumer.poll(Duration.ofMillis(200));
        }
        consumer.seekToEnd(consumer.assignment());
        consumer.assignment().forEach(consumer::position);
        return consumer;
    }

    private void consume(KafkaConsumer<String, byte[]> consumer) {
        while (listening) {
            for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(100))) {
                long now = System.nanoTime();
                String id = header(record, CloudEventHeaders.ID);
                String type = header(record, CloudEventHeaders.TYPE);
                if (record.topic().equals(Topics.KPI_PROGRESS.name()) && sentAt.containsKey(record.key())) {
                    progressAt.putIfAbsent(record.key(), now);
                    if (!progressEventIds.add(id)) {
                        progressDuplicates.incrementAndGet();
                    }
                } else if ("alert.raised.v1".equals(type)) {
                    JsonNode alert = JSON.readTree(record.value());
                    String kpiId = alert.at("/labels/kpiId").asString(null);
                    if (kpiId != null && sentAt.containsKey(kpiId)) {
                        alertAt.putIfAbsent(kpiId, now);
                        alertsRaised.merge(id, 1, Integer::sum);
                    }
                } else if (record.topic().equals(Topics.MEASUREMENT_EVENTS.name()) && sentAt.containsKey(record.key())) {
                    if (!recordedIds.add(JSON.readTree(record.value()).get("measurementId").asString())) {
                        recordedDuplicates.incrementAndGet();
                    }
                }
            }
        }
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    /** A stored history: measurements of the governments' previous plans (retired), inserted in bulk. */
    private void seedStored(int stored, int activeKpis) {
        long start = System.nanoTime();
        try (MongoClient client = MongoClients.create(mongoUri)) {
            var measurements = client.getDatabase(prefix + "measurement-service").getCollection("measurements");
            long already = measurements.countDocuments();
            List<Document> batch = new ArrayList<>();
            for (long i = already; i < stored; i++) {
                String kpiId = "pln-previous-" + (i % activeKpis / NationalPlans.KPIS_PER_PLAN) + ".1-1." + (i % NationalPlans.KPIS_PER_PLAN);
                String id = "msr-previous-" + i;
                batch.add(new Document("_id", id).append("kpiId", kpiId).append("idempotencyKey", "previous-" + i)
                        .append("measurement", new Document("_id", id).append("kpiId", kpiId)
                                .append("value", new org.bson.types.Decimal128(i % 100))
                                .append("measuredOn", "2019-" + String.format("%02d", 1 + i % 12) + "-01")
                                .append("reportedBy", "dept" + i % 6).append("idempotencyKey", "previous-" + i)
                                .append("recordedAt", java.util.Date.from(Instant.parse("2020-04-01T00:00:00Z"))))
                        .append("outbox", List.of()));
                if (batch.size() == 5_000) {
                    measurements.insertMany(batch);
                    batch.clear();
                }
            }
            if (!batch.isEmpty()) {
                measurements.insertMany(batch);
            }
        }
        System.out.printf("stored measurements brought to %,d in %.1f s%n", stored, (System.nanoTime() - start) / 1e9);
    }

    /** Latencies in ms at the 50th, 95th and 99th percentile. */
    record Latencies(int count, long p50, long p95, long p99) {
        static Latencies of(List<Long> nanos) {
            if (nanos.isEmpty()) {
                return new Latencies(0, -1, -1, -1);
            }
            List<Long> sorted = nanos.stream().sorted().toList();
            return new Latencies(sorted.size(), ms(sorted, 0.50), ms(sorted, 0.95), ms(sorted, 0.99));
        }

        private static long ms(List<Long> sorted, double quantile) {
            return sorted.get((int) Math.min(sorted.size() - 1, Math.ceil(quantile * sorted.size()) - 1)) / 1_000_000;
        }

        @Override
        public String toString() {
            return count == 0 ? "none" : String.format("p50 %,d ms, p95 %,d ms, p99 %,d ms (%,d)", p50, p95, p99, count);
        }
    }

    record Phase(String name, int reports, double throughput, Latencies progress, Latencies alert, Latencies http,
            int missing) {
        @Override
        public String toString() {
            return String.format("%-50s %,7d reports  %,8.0f reports/s  → progress event: %s  → alert: %s%s%s", name,
                    reports, throughput, progress, alert, http == null ? "" : "  HTTP: " + http,
                    missing == 0 ? "" : String.format("  MISSING %,d", missing));
        }
    }

    /** Sends one report per KPI (rate 0: as fast as they go), then waits for every KPI's progress event. */
    private Phase drive(String name, List<Target> targets, int rate, boolean rest) throws Exception {
        List<Long> httpNanos = new CopyOnWriteArrayList<>();
        List<ServiceCosts.Snapshot> before = services.stream().map(ServiceCosts::read).toList();
        long start = System.nanoTime();
        if (rest) {
            Semaphore inFlight = new Semaphore(16);
            for (int i = 0; i < targets.size(); i++) {
                pace(start, i, rate);
                inFlight.acquire();
                Target target = targets.get(i);
                long sentNanos = System.nanoTime();
                sentAt.put(target.kpiId(), sentNanos);
                sent.incrementAndGet();
                HTTP.sendAsync(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + service("measurement-service").port
                                        + "/api/kpis/" + target.kpiId() + "/measurements"))
                                .header("Content-Type", "application/json")
                                .header("Idempotency-Key", "bench-" + target.kpiId())
                                .header("Authorization", "Bearer " + ADMIN)
                                .POST(HttpRequest.BodyPublishers.ofString("{\"value\": " + value(target)
                                        + ", \"measuredOn\": \"2024-11-01\"}")).build(),
                        HttpResponse.BodyHandlers.discarding())
                        .whenComplete((response, failure) -> {
                            inFlight.release();
                            httpNanos.add(System.nanoTime() - sentNanos);
                            if (response != null && response.statusCode() == 201) {
                                restAccepted.incrementAndGet();
                            } else {
                                restRefused.incrementAndGet();
                            }
                        });
            }
        } else {
            Properties config = new Properties();
            config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka);
            config.put(ProducerConfig.LINGER_MS_CONFIG, rate == 0 ? 5 : 0);
            try (var producer = new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer())) {
                for (int i = 0; i < targets.size(); i++) {
                    pace(start, i, rate);
                    Target target = targets.get(i);
                    var record = new ProducerRecord<>(Topics.MEASUREMENT_REPORTS.name(), target.kpiId(),
                            ("{\"kpiId\":\"" + target.kpiId() + "\",\"value\":\"" + value(target)
                                    + "\",\"measuredOn\":\"2024-11-01\",\"idempotencyKey\":\"bench-" + target.kpiId() + "\"}")
                                    .getBytes(StandardCharsets.UTF_8));
                    record.headers().add(h(CloudEventHeaders.ID, UUID.randomUUID().toString()))
                            .add(h(CloudEventHeaders.TYPE, "measurement.reported.v1"))
                            .add(h(CloudEventHeaders.SOURCE, "/bench/" + target.kpiId().substring(0, 8)))
                            .add(h(CloudEventHeaders.TIME, Instant.now().toString()))
                            .add(h(CloudEventHeaders.SPECVERSION, CloudEventHeaders.SPECVERSION_1_0))
                            .add(h(CloudEventHeaders.CONTENT_TYPE, CloudEventHeaders.APPLICATION_JSON))
                            .add(h("Authorization", "Bearer " + ADMIN));
                    sentAt.put(target.kpiId(), System.nanoTime());
                    sent.incrementAndGet();
                    producer.send(record);
                }
                producer.flush();
            }
        }
        long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
        while (System.nanoTime() < deadline && targets.stream().anyMatch(t -> !progressAt.containsKey(t.kpiId()))) {
            Thread.sleep(100);
        }
        Thread.sleep(1_500); // the alerts of the last reports
        List<Long> progress = new ArrayList<>();
        List<Long> alerts = new ArrayList<>();
        long last = start;
        int missing = 0;
        for (Target target : targets) {
            Long at = progressAt.get(target.kpiId());
            if (at == null) {
                missing++;
                continue;
            }
            last = Math.max(last, at);
            progress.add(at - sentAt.get(target.kpiId()));
            Long alerted = alertAt.get(target.kpiId());
            if (alerted != null) {
                alerts.add(alerted - sentAt.get(target.kpiId()));
            }
        }
        Phase phase = new Phase(name, targets.size(), last == start ? 0 : (targets.size() - missing) / ((last - start) / 1e9),
                Latencies.of(progress), Latencies.of(alerts), rest ? Latencies.of(httpNanos) : null, missing);
        System.out.println(phase);
        System.out.println("  where a report's time goes, per report sent (summed over each service's threads; a listener's "
                + "or request's time holds its store commands):");
        for (int i = 0; i < services.size(); i++) {
            ServiceCosts.perReport(services.get(i).name, before.get(i), ServiceCosts.read(services.get(i)), targets.size(),
                    8).forEach(System.out::println);
        }
        return phase;
    }

    private static void pace(long start, int i, int rate) {
        if (rate > 0) {
            long due = start + (long) (i * 1e9 / rate);
            long wait = due - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
        }
    }

    /** A first report that always changes progress; a KPI due soon is reported far behind (期限接近・遅れ). */
    private static String value(Target target) {
        return switch (NationalPlans.kind(target.ordinal())) {
            case "percentage" -> "50";
            case "boolean" -> target.ordinal() % 2 == 0 ? "1" : "0";
            case "recurring" -> "1";
            case "relative" -> "120";
            default -> NationalPlans.dueSoon(target.ordinal()) ? "20" : "600";
        };
    }

    private static RecordHeader h(String name, String value) {
        return new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8));
    }

    private void countCheck() {
        try (MongoClient client = MongoClients.create(mongoUri)) {
            countCheck(client);
        } catch (RuntimeException e) {
            goal(false, "count check could not be made: %s", e);
        }
    }

    private void countCheck(MongoClient client) {
        {
            MongoDatabase measurement = client.getDatabase(prefix + "measurement-service");
            long stored = measurement.getCollection("measurements").countDocuments(Filters.regex("idempotencyKey", "^bench-"));
            long rejected = measurement.getCollection("rejected_reports").countDocuments();
            long accepted = stored;
            int duplicatedAlerts = alertsRaised.values().stream().mapToInt(n -> n - 1).sum();
            long lost = sent.get() - stored - rejected;
            System.out.printf("count check: sent %,d; accepted %,d (REST 201 %,d, refused %,d; ingress rejections %,d); "
                            + "stored %,d; duplicated %,d (measurement events %,d, progress events %,d, alerts %,d); lost %,d%n",
                    sent.get(), accepted, restAccepted.get(), restRefused.get(), rejected, stored,
                    recordedDuplicates.get() + progressDuplicates.get() + duplicatedAlerts, recordedDuplicates.get(),
                    progressDuplicates.get(), duplicatedAlerts, lost);
            System.out.printf("             progress events for %,d of %,d KPIs reported; %,d alerts raised, each once: %s%n",
                    progressAt.size(), sentAt.size(), alertAt.size(), duplicatedAlerts == 0);
            goal(lost == 0 && recordedDuplicates.get() == 0 && progressDuplicates.get() == 0 && duplicatedAlerts == 0,
                    "count check: nothing lost, nothing duplicated");
        }
    }

    @Override
    public String toString() {
        return "pipeline benchmark " + prefix;
    }

    void close() {
        services.forEach(ServiceProcess::close);
    }
}
