package jp.shinchoku.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jp.shinchoku.embedded.InProcessKafka;
import jp.shinchoku.embedded.InProcessMongo;
import jp.shinchoku.embedded.store.LegacyImport;
import jp.shinchoku.launcher.LocalSystem.Service;

/**
 * Brings up the whole system on one machine with nothing installed but a JDK: a real Kafka broker (KRaft)
 * and a MongoDB-wire store in this process, keeping their data in {@code .shinchoku-data/}, an OpenID Connect
 * provider with the demo users on port 9000 ({@link LocalAuthorizationServer}), the three services on ports 8081-8083,
 * and a seed plan as demo data. Ctrl-C stops everything cleanly.
 * <p>
 * Settings (environment variables): {@code SHINCHOKU_DATE} starts the system on that date (e.g.
 * {@code 2023-10-02}); {@code SHINCHOKU_DATA_DIR} moves the data folder; {@code SHINCHOKU_AUTH_PORT} (or
 * {@code -Dshinchoku.auth.port}) moves the sign-in server, {@code SHINCHOKU_AUTH_ENABLED=false} (or
 * {@code -Dshinchoku.auth.enabled=false}) leaves it out.
 */
public final class LocalLauncher {

    static final String DEMO_PLAN = "/demo-plans/setouchi.yaml";

    /** Held (and so referenced) until the JVM exits: a collected channel would release the lock. */
    private static FileLock dataDirLock;

    private LocalLauncher() {
    }

    static final String PORTAL_LINKS_PROPERTY = "shinchoku.notification.links.portal";

    public static void main(String[] args) {
        Path dataDir = Path.of(setting("SHINCHOKU_DATA_DIR", ".shinchoku-data")).toAbsolutePath();
        String date = setting("SHINCHOKU_DATE", null);
        boolean authEnabled = !"false".equalsIgnoreCase(setting("SHINCHOKU_AUTH_ENABLED",
                System.getProperty(LocalAuthorizationServer.ENABLED_PROPERTY, "true")));
        String portBase = setting("SHINCHOKU_PORT_BASE", null);
        String authPortSetting = setting("SHINCHOKU_AUTH_PORT", System.getProperty(LocalAuthorizationServer.PORT_PROPERTY,
                null));
        LocalDate startDate;
        LocalPorts ports;
        int authPort;
        try {
            startDate = date == null ? null : LocalDate.parse(date);
            ports = portBase == null ? LocalPorts.defaults() : LocalPorts.from(Integer.parseInt(portBase));
            authPort = authPortSetting == null ? ports.auth() : Integer.parseInt(authPortSetting);
            lockDataDir(dataDir);
            requireFreePorts(ports, authEnabled ? authPort : null);
        } catch (DateTimeParseException e) {
            exit("SHINCHOKU_DATE は YYYY-MM-DD で指定してください / SHINCHOKU_DATE must be YYYY-MM-DD: " + date);
            return;
        } catch (IllegalArgumentException e) {
            exit("SHINCHOKU_PORT_BASE と SHINCHOKU_AUTH_PORT はポート番号で指定してください / SHINCHOKU_PORT_BASE and "
                    + "SHINCHOKU_AUTH_PORT must be ports: " + portBase + ", " + authPortSetting + " (" + e.getMessage() + ")");
            return;
        } catch (IllegalStateException e) {
            exit(e.getMessage());
            return;
        }
        InProcessKafka kafka = InProcessKafka.start(dataDir.resolve("kafka"), ports.kafka());
        // a data folder of an earlier version keeps its store in an H2 file: brought into the durable store once
        LegacyImport.ifNeeded(dataDir.resolve("mongo/shinchoku.mv"), StoreBackup.store(dataDir));
        InProcessMongo mongo = InProcessMongo.startPersistent(StoreBackup.store(dataDir), ports.mongo());
        LocalTokens keys = LocalTokens.in(dataDir.resolve("auth"));
        LocalAuthorizationServer auth = null;
        LocalSystem system = null;
        LocalPortal portal = null;
        try {
            // before the services, which never call it: they verify its tokens with the public key file
            if (authEnabled) {
                auth = LocalAuthorizationServer.start(keys, authPort);
            }
            LocalSystem.Settings settings = new LocalSystem.Settings(kafka.bootstrapServers(), mongo.connectionString(),
                    "shinchoku-", ports, startDate, null, Map.of(LocalSystem.PUBLIC_KEY_PROPERTY,
                    keys.publicKeyLocation()));
            if (auth != null) {
                // alerts, emails and webhooks link to the portal's pages
                settings = settings.with(PORTAL_LINKS_PROPERTY, "http://localhost:" + ports.portal());
            }
            system = LocalSystem.start(settings);
            // the portal signs in at the authorization server: without it there is no portal
            if (auth != null) {
                // its sessions in the store: who is signed in stays signed in across a restart of the launcher
                portal = LocalPortal.start(system, auth.issuer(), ports.portal(), mongo.connectionString() + "/shinchoku-portal");
            }
        } catch (RuntimeException e) {
            if (system != null) {
                system.close();
            }
            if (auth != null) {
                auth.close();
            }
            mongo.close();
            kafka.close();
            exit("起動に失敗しました / Could not start: " + e);
            return;
        }
        // the pre-signed tokens name the same issuer as the server's
        LocalTokens tokens = auth == null ? keys : keys.issuedBy(auth.issuer());
        Path tokenFolder = tokens.writeDemoTokens();
        LocalAuthorizationServer signIn = auth;
        LocalSystem services = system;
        LocalPortal pages = portal;
        Runtime.getRuntime().addShutdownHook(Thread.ofPlatform().name("shinchoku-shutdown").unstarted(() -> {
            System.out.println("進捗 Shinchoku: stopping ...");
            if (pages != null) {
                pages.close();
            }
            services.close();
            if (signIn != null) {
                signIn.close();
            }
            mongo.close();
            kafka.close();
            System.out.println("進捗 Shinchoku: stopped.");
        }));
        String demo = loadDemoPlan(system.url(Service.PLAN), tokens.issue(LocalTokens.DEMO.get("admin")));
        System.out.printf("""

                ================================================================
                 進捗 Shinchoku is running%s
                   portal                %s
                   plan-service          %s/api/plans
                   measurement-service   %s/api/kpis/{kpiId}/measurements
                   notification-service  %s/api/inbox   (推進本部の受信箱)
                   metrics               %s/actuator/prometheus (each service)
                %s
                   sign-in tokens        %s/<hq|somu|kikaku|…|admin>.jwt
                                         (curl -H "Authorization: Bearer $(cat …/hq.jwt)")
                   Kafka                 %s
                   MongoDB (wire)        %s   data in %s
                 Demo data: %s
                 Ctrl-C stops everything.
                ================================================================
                """,
                date == null ? "" : " on " + date + " (SHINCHOKU_DATE)",
                portal == null ? "(off: it signs in at the authorization server)"
                        : "http://localhost:" + portal.port() + "/   (sign in as setouchi-kikaku or setouchi-hq, password demo)",
                system.url(Service.PLAN), system.url(Service.MEASUREMENT), system.url(Service.NOTIFICATION),
                system.url(Service.PLAN), signInLines(signIn), tokenFolder, kafka.bootstrapServers(),
                mongo.connectionString(), dataDir, demo);
    }

    /** Where and how to sign in, for the banner; or that the server was left out. */
    static String signInLines(LocalAuthorizationServer auth) {
        if (auth == null) {
            return "   sign-in (OIDC)        off (SHINCHOKU_AUTH_ENABLED=false): use the tokens below";
        }
        String password = LocalAuthorizationServer.DEMO_PASSWORD;
        return String.join("\n",
                "   sign-in (OIDC)        " + auth.issuer() + "   (" + auth.issuer() + "/.well-known/openid-configuration)",
                "                         users setouchi-hq (推進本部), setouchi-<fukushi|kikaku|…|zeimu> (departments),",
                "                         kagoshima-pref, ops, admin; password " + password,
                "                         clients " + LocalAuthorizationServer.CLI_CLIENT + " (PKCE), "
                        + LocalAuthorizationServer.PORTAL_CLIENT + ", setouchi-kikaku-system (client credentials)",
                "                         (TOKEN=$(deploy/launcher/sign-in.sh setouchi-kikaku " + password + "))");
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

    /** The stack's ports, and the sign-in server's and the portal's when they run ({@code null}: they do not). */
    private static void requireFreePorts(LocalPorts stack, Integer authPort) {
        List<Integer> ports = new ArrayList<>(List.of(stack.kafka(), stack.mongo(), stack.plan(), stack.measurement(),
                stack.notification()));
        if (authPort != null && authPort != 0) {
            ports.add(authPort);
            ports.add(stack.portal());
        }
        for (int port : ports) {
            try (ServerSocket probe = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
                probe.setReuseAddress(true);
            } catch (IOException e) {
                throw new IllegalStateException("ポート " + port + " は使用中です / Port " + port
                        + " is in use: the stack needs " + ports + " on 127.0.0.1 (SHINCHOKU_PORT_BASE moves them)");
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
