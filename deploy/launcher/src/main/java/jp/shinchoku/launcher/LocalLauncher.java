package jp.shinchoku.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import java.time.format.DateTimeParseException;

import jp.shinchoku.embedded.InProcessKafka;
import jp.shinchoku.embedded.InProcessMongo;
import jp.shinchoku.launcher.LocalSystem.Service;

/**
 * Brings up the whole system on one machine with nothing installed but a JDK: a real Kafka broker (KRaft)
 * and a MongoDB-wire store in this process, keeping their data in {@code .shinchoku-data/}, the three services
 * on ports 8081-8083, and a seed plan as demo data. Ctrl-C stops everything cleanly.
 * <p>
 * Settings (environment variables): {@code SHINCHOKU_DATE} starts the system on that date (e.g.
 * {@code 2023-10-02}); {@code SHINCHOKU_DATA_DIR} moves the data folder.
 */
public final class LocalLauncher {

    static final int KAFKA_PORT = 9092;
    static final int MONGO_PORT = 27017;
    static final String DEMO_PLAN = "/demo-plans/setouchi.yaml";

    /** Held (and so referenced) until the JVM exits: a collected channel would release the lock. */
    private static FileLock dataDirLock;

    private LocalLauncher() {
    }

    public static void main(String[] args) {
        Path dataDir = Path.of(setting("SHINCHOKU_DATA_DIR", ".shinchoku-data")).toAbsolutePath();
        String date = setting("SHINCHOKU_DATE", null);
        LocalDate startDate;
        try {
            startDate = date == null ? null : LocalDate.parse(date);
            lockDataDir(dataDir);
            requireFreePorts();
        } catch (DateTimeParseException e) {
            exit("SHINCHOKU_DATE は YYYY-MM-DD で指定してください / SHINCHOKU_DATE must be YYYY-MM-DD: " + date);
            return;
        } catch (IllegalStateException e) {
            exit(e.getMessage());
            return;
        }
        InProcessKafka kafka = InProcessKafka.start(dataDir.resolve("kafka"), KAFKA_PORT);
        InProcessMongo mongo = InProcessMongo.startPersistent(dataDir.resolve("mongo/shinchoku.mv"), MONGO_PORT);
        LocalTokens tokens = LocalTokens.in(dataDir.resolve("auth"));
        Path tokenFolder = tokens.writeDemoTokens();
        LocalSystem system;
        try {
            system = LocalSystem.start(new LocalSystem.Settings(kafka.bootstrapServers(), mongo.connectionString(),
                    "shinchoku-", true, startDate, null, Map.of(LocalSystem.PUBLIC_KEY_PROPERTY,
                    tokens.publicKeyLocation())));
        } catch (RuntimeException e) {
            mongo.close();
            kafka.close();
            exit("起動に失敗しました / Could not start: " + e);
            return;
        }
        Runtime.getRuntime().addShutdownHook(Thread.ofPlatform().name("shinchoku-shutdown").unstarted(() -> {
            System.out.println("進捗 Shinchoku: stopping ...");
            system.close();
            mongo.close();
            kafka.close();
            System.out.println("進捗 Shinchoku: stopped.");
        }));
        String demo = loadDemoPlan(system.url(Service.PLAN), tokens.issue(LocalTokens.DEMO.get("admin")));
        System.out.printf("""

                ================================================================
                 進捗 Shinchoku is running%s
                   plan-service          %s/api/plans
                   measurement-service   %s/api/kpis/{kpiId}/measurements
                   notification-service  %s/api/inbox   (推進本部の受信箱)
                   metrics               %s/actuator/prometheus (each service)
                   sign-in tokens        %s/<hq|somu|kikaku|…|admin>.jwt
                                         (curl -H "Authorization: Bearer $(cat …/hq.jwt)")
                   Kafka                 %s
                   MongoDB (wire)        %s   data in %s
                 Demo data: %s
                 Ctrl-C stops everything.
                ================================================================
                """,
                date == null ? "" : " on " + date + " (SHINCHOKU_DATE)",
                system.url(Service.PLAN), system.url(Service.MEASUREMENT), system.url(Service.NOTIFICATION),
                system.url(Service.PLAN), tokenFolder, kafka.bootstrapServers(), mongo.connectionString(), dataDir, demo);
    }

    /** One launcher per data folder: a second one would corrupt the broker's and the store's files. */
    private static void lockDataDir(Path dataDir) {
        try {
            Files.createDirectories(dataDir);
            FileChannel channel = FileChannel.open(dataDir.resolve(".lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            dataDirLock = channel.tryLock();
            if (dataDirLock == null) {
                throw new IllegalStateException("別の Shinchoku が " + dataDir + " を使って起動中です / Another Shinchoku is "
                        + "already running on " + dataDir);
            }
        } catch (IOException | OverlappingFileLockException e) {
            throw new IllegalStateException("Cannot lock the data folder " + dataDir + ": " + e.getMessage(), e);
        }
    }

    private static void requireFreePorts() {
        int[] ports = {KAFKA_PORT, MONGO_PORT, Service.PLAN.defaultPort, Service.MEASUREMENT.defaultPort,
                Service.NOTIFICATION.defaultPort};
        for (int port : ports) {
            try (ServerSocket probe = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
                probe.setReuseAddress(true);
            } catch (IOException e) {
                throw new IllegalStateException("ポート " + port + " は使用中です / Port " + port
                        + " is in use: the stack needs 9092, 27017 and 8081-8083 on 127.0.0.1");
            }
        }
    }

    private static void exit(String message) {
        System.err.println("進捗 Shinchoku: " + message);
        System.exit(1);
    }

    /** Publishes the demo plan once: not again when the data folder already holds plans. */
    static String loadDemoPlan(String planServiceUrl, String adminToken) {
        HttpClient http = HttpClient.newHttpClient();
        try {
            HttpResponse<String> existing = http.send(HttpRequest.newBuilder(URI.create(planServiceUrl + "/api/plans?size=1"))
                            .header("Authorization", "Bearer " + adminToken).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            if (existing.statusCode() == 200 && !existing.body().replace(" ", "").contains("\"totalItems\":0")) {
                return "plans already loaded (" + planServiceUrl + "/api/plans)";
            }
            HttpResponse<String> created = http.send(HttpRequest.newBuilder(URI.create(planServiceUrl + "/api/plans"))
                            .header("Content-Type", "application/yaml")
                            .header("Authorization", "Bearer " + adminToken)
                            .timeout(Duration.ofSeconds(30))
                            .POST(HttpRequest.BodyPublishers.ofString(resource(DEMO_PLAN), StandardCharsets.UTF_8))
                            .build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            if (created.statusCode() != 201) {
                return "the demo plan was not accepted: " + created.statusCode() + " " + created.body();
            }
            return "瀬戸内町官民データ活用推進計画 loaded as " + planServiceUrl + created.headers().firstValue("Location").orElse("");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static String resource(String name) throws IOException {
        try (InputStream in = LocalLauncher.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static String setting(String name, String fallback) {
        String value = System.getenv(name);
        if (value == null || value.isBlank()) {
            value = System.getProperty(name);
        }
        return value == null || value.isBlank() ? fallback : value;
    }
}
