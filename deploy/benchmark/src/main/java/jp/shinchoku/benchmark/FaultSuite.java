package jp.shinchoku.benchmark;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import jp.shinchoku.contracts.CloudEventHeaders;
import jp.shinchoku.contracts.Topics;
import jp.shinchoku.embedded.BrokerServer;
import jp.shinchoku.embedded.ChildJvm;
import jp.shinchoku.embedded.StoreServer;
import jp.shinchoku.launcher.LocalSystem;
import jp.shinchoku.launcher.LocalTokens;
import jp.shinchoku.testsupport.StoreLink;
import org.apache.kafka.clients.consumer.ConsumerConfig;
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
 * Faults, each in the middle of a stream of reports (REST with Idempotency-Keys, and the Kafka ingress), with the
 * broker, the store and each service in a process of its own: a service killed with {@code kill -9} and started
 * again, the broker stopped and started again, the store out of reach, poison records among good ones, the same
 * CloudEvent delivered several times and out of order. A client does what a department's system does: it sends a
 * report again with the same key until it is answered (a 503, a refused connection, a time-out). For each fault it
 * counts what was sent, accepted (answered 2xx, or acknowledged by the broker), stored, stored twice and lost
 * (accepted and not stored); lost and duplicated must be 0. The short version runs in {@code ./mvnw verify}
 * ({@code FaultSuiteTest}); {@code --only=faults} runs the full one.
 */
final class FaultSuite implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TODAY = "2024-11-25";

    /** One fault's counts. */
    record Row(String fault, int sent, int accepted, long stored, long duplicated, long lost, String note) {
        @Override
        public String toString() {
            return String.format("| %-52s | %5d | %8d | %6d | %10d | %4d | %s |", fault, sent, accepted, stored, duplicated,
                    lost, note);
        }

        static String header() {
            return String.format("| %-52s | %5s | %8s | %6s | %10s | %4s | %s |%n|%s|%s|%s|%s|%s|%s|%s|", "fault", "sent",
                    "accepted", "stored", "duplicated", "lost", "notes", "-".repeat(54), "-".repeat(7), "-".repeat(10),
                    "-".repeat(8), "-".repeat(12), "-".repeat(6), "---");
        }
    }

    private final boolean full;
    private final Path work;
    private final LocalTokens tokens;
    private final String admin;
    private final String prefix = "faults" + Long.toString(System.currentTimeMillis(), 36) + "-";
    private final int brokerPort = freePort();
    private final String kafka = "127.0.0.1:" + brokerPort;
    private final Map<String, ServiceProcess> services = new ConcurrentHashMap<>();
    private ChildJvm broker;
    private ChildJvm store;
    private String storeUri;
    private StoreLink link;
    private List<String> kpis;
    private int faultNumber;

    private FaultSuite(boolean full, Path work) {
        this.full = full;
        this.work = work;
        this.tokens = LocalTokens.in(work.resolve("auth"));
        this.admin = tokens.admin();
    }

    /** Runs every fault (the short version: shorter streams and outages) and prints the table. */
    static List<Row> run(boolean full, Path work) throws Exception {
        try (FaultSuite suite = new FaultSuite(full, work)) {
            return suite.runAll();
        }
    }

    private List<Row> runAll() throws Exception {
        System.out.printf("== faults (%s): broker, store and services each in a process of its own; logs in %s%n",
                full ? "full" : "short", work);
        startBroker();
        store = ChildJvm.start(StoreServer.class.getName(), List.of("-Xmx1g"),
                List.of(work.resolve("store").toString(), "0"), Map.of(), work.resolve("logs/store.log"), "READY ",
                Duration.ofMinutes(1));
        storeUri = store.readyValue("READY");
        link = StoreLink.to(storeUri);
        for (String service : List.of("plan-service", "measurement-service", "notification-service")) {
            startService(service);
        }
        for (ServiceProcess service : services.values()) {
            service.awaitReady(Duration.ofMinutes(3));
        }
        kpis = importPlan();

        List<Row> rows = new ArrayList<>();
        Duration outage = full ? Duration.ofSeconds(30) : Duration.ofSeconds(10);
        rows.add(stream("kill -9 of the measurement service, started again", () -> restart("measurement-service")));
        if (full) {
            rows.add(stream("kill -9 of the notification service, started again", () -> restart("notification-service")));
            rows.add(stream("kill -9 of the plan service, started again", () -> restart("plan-service")));
        }
        rows.add(stream("the broker stopped and started again", () -> {
            broker.stop();
            pause(Duration.ofSeconds(full ? 10 : 3));
            startBroker();
        }));
        rows.add(stream("the store out of reach for " + outage.toSeconds() + " s", () -> {
            link.cut();
            pause(outage);
            link.restore();
        }));
        rows.add(poison(full ? 200 : 40, full ? 50 : 10));
        rows.add(duplicates(full ? 100 : 20));
        System.out.println(Row.header());
        rows.forEach(System.out::println);
        return rows;
    }

    private void startBroker() {
        broker = ChildJvm.start(BrokerServer.class.getName(), List.of("-Xmx768m"),
                List.of(work.resolve("kafka").toString(), String.valueOf(brokerPort)), Map.of(),
                work.resolve("logs/broker.log"), "READY ", Duration.ofMinutes(1));
    }

    private void startService(String name) {
        String application = switch (name) {
            case "plan-service" -> "jp.shinchoku.plan.PlanServiceApplication";
            case "measurement-service" -> "jp.shinchoku.measurement.MeasurementServiceApplication";
            default -> "jp.shinchoku.notification.NotificationServiceApplication";
        };
        List<String> arguments = List.of("--spring.kafka.bootstrap-servers=" + kafka,
                "--spring.mongodb.uri=" + link.mongoUri(), "--spring.mongodb.database=" + prefix + name,
                "--spring.kafka.consumer.group-id=" + prefix + name, "--shinchoku.clock.start-date=" + TODAY,
                "--" + LocalSystem.PUBLIC_KEY_PROPERTY + "=" + tokens.publicKeyLocation(),
                "--shinchoku.outbox.sweep-interval=5s", "--shinchoku.kafka.store-outage-max-interval=2s",
                "--spring.autoconfigure.exclude=" + String.join(",", LocalSystem.EXCLUDED_AUTO_CONFIGURATIONS));
        services.put(name, ServiceProcess.start(name, application, freePort(), arguments, work.resolve("logs"), admin));
    }

    /** {@code kill -9} of a service, started again at once on its port. */
    private void restart(String name) throws InterruptedException {
        ServiceProcess killed = services.get(name);
        killed.kill();
        ServiceProcess again = killed.startAgain();
        services.put(name, again);
        again.awaitReady(Duration.ofMinutes(3));
    }

    /** One government's plan; its KPIs that take a plain number (a probe report is kept for each). */
    private List<String> importPlan() throws Exception {
        HttpResponse<String> plan = post("plan-service", "/api/plans", JSON.writeValueAsString(NationalPlans.plan(0)), null);
        if (plan.statusCode() != 201) {
            throw new IllegalStateException("import refused: " + plan.body());
        }
        List<String> ids = new ArrayList<>();
        for (JsonNode measure : JSON.readTree(plan.body()).at("/pillars/0/measures")) {
            for (JsonNode kpi : measure.get("kpis")) {
                ids.add(kpi.get("id").asString());
            }
        }
        List<String> numeric = new ArrayList<>();
        for (String id : ids) {
            long until = System.nanoTime() + Duration.ofMinutes(2).toNanos();
            int status;
            do {
                status = post("measurement-service", "/api/kpis/" + id + "/measurements",
                        "{\"value\": 5, \"measuredOn\": \"2024-10-31\"}", "probe-" + id).statusCode();
                if (status == 404) {
                    pause(Duration.ofMillis(500));
                }
            } while (status == 404 && System.nanoTime() < until);
            if (status / 100 == 2) {
                numeric.add(id);
            }
        }
        System.out.printf("one plan imported: %d KPIs, %d taking a number%n", ids.size(), numeric.size());
        return numeric;
    }

    @FunctionalInterface
    interface Fault {
        void inject() throws Exception;
    }

    /** Reports over REST (two clients) and the ingress while {@code fault} happens in the middle; then counts. */
    private Row stream(String name, Fault fault) throws Exception {
        String keys = prefix + "f" + ++faultNumber + "-";
        Set<String> sent = ConcurrentHashMap.newKeySet();
        Set<String> accepted = ConcurrentHashMap.newKeySet();
        AtomicBoolean stop = new AtomicBoolean();
        AtomicInteger unavailable = new AtomicInteger();
        List<Thread> clients = new ArrayList<>();
        for (int c = 0; c < 2; c++) {
            String client = keys + "rest" + c + "-";
            clients.add(Thread.ofPlatform().start(() -> restClient(client, stop, sent, accepted, unavailable)));
        }
        clients.add(Thread.ofPlatform().start(() -> ingressClient(keys + "kafka-", stop, sent, accepted)));
        Duration around = full ? Duration.ofSeconds(10) : Duration.ofSeconds(4);
        pause(around);
        long started = System.nanoTime();
        fault.inject();
        double took = (System.nanoTime() - started) / 1e9;
        pause(around);
        stop.set(true);
        for (Thread client : clients) {
            client.join();
        }
        return count(name, keys, sent, accepted, String.format("fault took %.1f s; %d answers 503 with Retry-After",
                took, unavailable.get()));
    }

    /** Sends reports one after another, each again with its key until it is answered 2xx (or two minutes pass). */
    private void restClient(String keys, AtomicBoolean stop, Set<String> sent, Set<String> accepted,
            AtomicInteger unavailable) {
        Random random = new Random(keys.hashCode());
        for (int i = 0; !stop.get(); i++) {
            String kpi = kpis.get(random.nextInt(kpis.size()));
            String key = keys + i;
            String body = "{\"value\": " + (i % 90 + 1) + ", \"measuredOn\": \"" + LocalDate.parse("2024-04-01")
                    .plusDays(i % 200) + "\"}";
            sent.add(key);
            long until = System.nanoTime() + Duration.ofMinutes(2).toNanos();
            while (System.nanoTime() < until) {
                try {
                    HttpResponse<String> answer = post("measurement-service", "/api/kpis/" + kpi + "/measurements", body,
                            key);
                    int status = answer.statusCode();
                    if (status == 503 && answer.headers().firstValue("Retry-After").isPresent()) {
                        unavailable.incrementAndGet();
                    }
                    if (status / 100 == 2) {
                        accepted.add(key);
                        break;
                    }
                    if (status / 100 == 4) {
                        break;
                    }
                } catch (Exception unreachable) {
                    // killed, restarting: sent again below
                }
                pause(Duration.ofMillis(300));
            }
        }
    }

    /** Produces reports on the ingress at about 50 a second; accepted once the broker acknowledges each. */
    private void ingressClient(String keys, AtomicBoolean stop, Set<String> sent, Set<String> accepted) {
        try (KafkaProducer<String, byte[]> producer = producer()) {
            for (int i = 0; !stop.get(); i++) {
                String key = keys + i;
                sent.add(key);
                producer.send(report(kpis.get(i % kpis.size()), key, UUID.randomUUID().toString(), i), (metadata, e) -> {
                    if (e == null) {
                        accepted.add(key);
                    }
                });
                pause(Duration.ofMillis(20));
            }
            producer.flush();
        }
    }

    private KafkaProducer<String, byte[]> producer() {
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        // long enough to outlast a broker restart: a send is tried again until then, never given up early
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 180_000);
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
        return new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer());
    }

    private ProducerRecord<String, byte[]> report(String kpi, String key, String eventId, int i) {
        return ingress(kpi, ("{\"kpiId\":\"" + kpi + "\",\"value\":\"" + (i % 90 + 1) + "\",\"measuredOn\":\""
                + LocalDate.parse("2024-04-01").plusDays(i % 200) + "\",\"idempotencyKey\":\"" + key + "\"}")
                .getBytes(StandardCharsets.UTF_8), eventId, true);
    }

    private ProducerRecord<String, byte[]> ingress(String key, byte[] value, String eventId, boolean withType) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(Topics.MEASUREMENT_REPORTS.name(), key, value);
        record.headers().add(header(CloudEventHeaders.ID, eventId))
                .add(header(CloudEventHeaders.SOURCE, "/faults/" + prefix))
                .add(header(CloudEventHeaders.TIME, Instant.now().toString()))
                .add(header(CloudEventHeaders.SPECVERSION, CloudEventHeaders.SPECVERSION_1_0))
                .add(header(CloudEventHeaders.CONTENT_TYPE, CloudEventHeaders.APPLICATION_JSON))
                .add(header("Authorization", "Bearer " + admin));
        if (withType) {
            record.headers().add(header(CloudEventHeaders.TYPE, "measurement.reported.v1"));
        }
        return record;
    }

    /** Good reports with malformed records among them: every good one stored once, the bad ones dead-lettered. */
    private Row poison(int good, int bad) throws Exception {
        String keys = prefix + "f" + ++faultNumber + "-";
        Set<String> sent = ConcurrentHashMap.newKeySet();
        Set<String> accepted = ConcurrentHashMap.newKeySet();
        List<ProducerRecord<String, byte[]>> records = new ArrayList<>();
        for (int i = 0; i < good; i++) {
            sent.add(keys + i);
            records.add(report(kpis.get(i % kpis.size()), keys + i, UUID.randomUUID().toString(), i));
        }
        for (int i = 0; i < bad; i++) {
            String key = keys + "bad-" + i;
            records.add(switch (i % 3) {
                case 0 -> ingress(key, "{\"kpiId\": \"unterminated".getBytes(StandardCharsets.UTF_8),
                        UUID.randomUUID().toString(), true);
                case 1 -> ingress(key, new byte[] {(byte) 0xff, 0x00, (byte) 0xfe, 0x12}, UUID.randomUUID().toString(), true);
                default -> ingress(key, ("{\"kpiId\":\"" + kpis.getFirst() + "\",\"value\":\"1\"}")
                        .getBytes(StandardCharsets.UTF_8), UUID.randomUUID().toString(), false);
            });
        }
        Collections.shuffle(records, new Random(7));
        try (KafkaProducer<String, byte[]> producer = producer()) {
            for (ProducerRecord<String, byte[]> record : records) {
                producer.send(record, (metadata, e) -> {
                    if (e == null && !record.key().startsWith(keys + "bad-")) {
                        accepted.add(keyOf(record));
                    }
                });
            }
        }
        long deadLetters = deadLetters(keys + "bad-", bad);
        Row row = count("poison and malformed records among " + good + " good ones", keys, sent, accepted,
                deadLetters + " of " + bad + " bad records dead-lettered");
        if (deadLetters != bad) {
            return new Row(row.fault(), row.sent(), row.accepted(), row.stored(), row.duplicated(),
                    row.lost() + bad - deadLetters, row.note() + " (MISSING DEAD LETTERS)");
        }
        return row;
    }

    /** The idempotency key a good report record carries (its body names it; the record's key is its KPI). */
    private static String keyOf(ProducerRecord<String, byte[]> record) {
        String body = new String(record.value(), StandardCharsets.UTF_8);
        int at = body.indexOf("\"idempotencyKey\":\"") + "\"idempotencyKey\":\"".length();
        return body.substring(at, body.indexOf('"', at));
    }

    /** Reports each delivered three times with the same CloudEvent id, in shuffled order, and over REST twice. */
    private Row duplicates(int reports) throws Exception {
        String keys = prefix + "f" + ++faultNumber + "-";
        Set<String> sent = ConcurrentHashMap.newKeySet();
        Set<String> accepted = ConcurrentHashMap.newKeySet();
        List<ProducerRecord<String, byte[]>> records = new ArrayList<>();
        for (int i = 0; i < reports; i++) {
            String key = keys + i;
            String eventId = UUID.randomUUID().toString();
            sent.add(key);
            for (int copy = 0; copy < 3; copy++) {
                records.add(report(kpis.get(i % kpis.size()), key, eventId, i));
            }
        }
        Collections.shuffle(records, new Random(11));
        try (KafkaProducer<String, byte[]> producer = producer()) {
            for (ProducerRecord<String, byte[]> record : records) {
                producer.send(record, (metadata, e) -> {
                    if (e == null) {
                        accepted.add(keyOf(record));
                    }
                });
            }
        }
        for (int i = 0; i < reports / 2; i++) {
            String key = keys + "rest-" + i;
            String body = "{\"value\": 3, \"measuredOn\": \"2024-10-31\"}";
            sent.add(key);
            for (int copy = 0; copy < 2; copy++) {
                if (post("measurement-service", "/api/kpis/" + kpis.get(i % kpis.size()) + "/measurements", body, key)
                        .statusCode() / 100 == 2) {
                    accepted.add(key);
                }
            }
        }
        return count("the same CloudEvent three times, out of order; REST twice", keys, sent, accepted,
                records.size() + reports / 2 * 2 + " deliveries");
    }

    /** Waits until what was accepted is stored (or three minutes pass), then counts what the store holds. */
    private Row count(String fault, String keys, Set<String> sent, Set<String> accepted, String note) {
        try (MongoClient client = MongoClients.create(storeUri)) {
            var measurements = client.getDatabase(prefix + "measurement-service").getCollection("measurements");
            long until = System.nanoTime() + Duration.ofMinutes(3).toNanos();
            List<String> stored = List.of();
            int stable = 0;
            int last = -1;
            while (System.nanoTime() < until && stable < 3) {
                stored = measurements.find(Filters.regex("idempotencyKey", "^" + keys))
                        .projection(Projections.include("idempotencyKey"))
                        .map(document -> document.getString("idempotencyKey")).into(new ArrayList<>());
                boolean complete = new HashSet<>(stored).containsAll(accepted);
                stable = complete && stored.size() == last ? stable + 1 : 0;
                last = stored.size();
                pause(Duration.ofSeconds(1));
            }
            Set<String> distinct = new HashSet<>(stored);
            Set<String> lost = new HashSet<>(accepted);
            lost.removeAll(distinct);
            Row row = new Row(fault, sent.size(), accepted.size(), distinct.size(), stored.size() - distinct.size(),
                    lost.size(), note);
            System.out.println(row);
            return row;
        }
    }

    /** Dead letters of the report ingress whose key starts with {@code keys}, once {@code expected} are there. */
    private long deadLetters(String keys, int expected) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, prefix + "dead-letters-" + UUID.randomUUID());
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        Set<String> seen = new HashSet<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
                new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(Topics.MEASUREMENT_REPORTS.deadLetter()));
            long until = System.nanoTime() + Duration.ofMinutes(2).toNanos();
            while (System.nanoTime() < until && seen.size() < expected) {
                consumer.poll(Duration.ofMillis(500)).forEach(record -> {
                    if (record.key() != null && record.key().startsWith(keys)) {
                        seen.add(record.key());
                    }
                });
            }
        }
        return seen.size();
    }

    private HttpResponse<String> post(String service, String path, String body, String idempotencyKey) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + services.get(service).port
                        + path)).timeout(Duration.ofSeconds(20))
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + admin)
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static RecordHeader header(String name, String value) {
        return new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8));
    }

    private static void pause(Duration duration) {
        LockSupport.parkNanos(duration.toNanos());
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        services.values().forEach(ServiceProcess::close);
        if (link != null) {
            link.close();
        }
        if (store != null) {
            store.close();
        }
        if (broker != null) {
            broker.close();
        }
    }

    static Path workFolder() throws java.io.IOException {
        return Files.createTempDirectory("shinchoku-faults");
    }
}
