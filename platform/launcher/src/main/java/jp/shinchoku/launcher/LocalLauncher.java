package jp.shinchoku.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;

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
    static final String DEMO_PLAN = "/demo/setouchi-plan.json";

    private LocalLauncher() {
    }

    public static void main(String[] args) {
        Path dataDir = Path.of(setting("SHINCHOKU_DATA_DIR", ".shinchoku-data")).toAbsolutePath();
        String date = setting("SHINCHOKU_DATE", null);
        InProcessKafka kafka = InProcessKafka.start(dataDir.resolve("kafka"), KAFKA_PORT);
        InProcessMongo mongo = InProcessMongo.startPersistent(dataDir.resolve("mongo/shinchoku.mv"), MONGO_PORT);
        LocalSystem system;
        try {
            system = LocalSystem.start(new LocalSystem.Settings(kafka.bootstrapServers(), mongo.connectionString(),
                    "shinchoku-", true, date == null ? null : LocalDate.parse(date)));
        } catch (RuntimeException e) {
            mongo.close();
            kafka.close();
            throw e;
        }
        Runtime.getRuntime().addShutdownHook(Thread.ofPlatform().name("shinchoku-shutdown").unstarted(() -> {
            System.out.println("進捗 Shinchoku: stopping ...");
            system.close();
            mongo.close();
            kafka.close();
            System.out.println("進捗 Shinchoku: stopped.");
        }));
        String demo = loadDemoPlan(system.url(Service.PLAN));
        System.out.printf("""

                ================================================================
                 進捗 Shinchoku is running%s
                   plan-service          %s/api/plans
                   measurement-service   %s/api/kpis/{kpiId}/measurements
                   notification-service  %s/api/inbox   (推進本部の受信箱)
                   metrics               %s/actuator/prometheus (each service)
                   Kafka                 %s
                   MongoDB (wire)        %s   data in %s
                 Demo data: %s
                 Ctrl-C stops everything.
                ================================================================
                """,
                date == null ? "" : " on " + date + " (SHINCHOKU_DATE)",
                system.url(Service.PLAN), system.url(Service.MEASUREMENT), system.url(Service.NOTIFICATION),
                system.url(Service.PLAN), kafka.bootstrapServers(), mongo.connectionString(), dataDir, demo);
    }

    /** Publishes the demo plan once: not again when the data folder already holds plans. */
    static String loadDemoPlan(String planServiceUrl) {
        HttpClient http = HttpClient.newHttpClient();
        try {
            HttpResponse<String> existing = http.send(HttpRequest.newBuilder(URI.create(planServiceUrl + "/api/plans")).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            if (existing.statusCode() == 200 && !existing.body().strip().equals("[]")) {
                return "plans already loaded (" + planServiceUrl + "/api/plans)";
            }
            HttpResponse<String> created = http.send(HttpRequest.newBuilder(URI.create(planServiceUrl + "/api/plans"))
                            .header("Content-Type", "application/json")
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
