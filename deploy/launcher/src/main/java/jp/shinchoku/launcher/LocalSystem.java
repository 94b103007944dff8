package jp.shinchoku.launcher;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jp.shinchoku.measurement.MeasurementServiceApplication;
import jp.shinchoku.notification.NotificationServiceApplication;
import jp.shinchoku.plan.PlanServiceApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The three services side by side in this JVM, each its own Spring application with its own database, all on
 * one Kafka cluster and one MongoDB. The services know nothing of each other: this composition root only
 * starts them with their settings, as a deployment would.
 */
public final class LocalSystem implements AutoCloseable {

    /** A service of the system: its application class and its name. */
    public enum Service {
        PLAN(PlanServiceApplication.class, "plan-service"),
        MEASUREMENT(MeasurementServiceApplication.class, "measurement-service"),
        NOTIFICATION(NotificationServiceApplication.class, "notification-service");

        final Class<?> application;
        final String serviceName;

        Service(Class<?> application, String serviceName) {
            this.application = application;
            this.serviceName = serviceName;
        }

        public String serviceName() {
            return serviceName;
        }
    }

    /**
     * Where the services find Kafka and MongoDB, and how they run.
     *
     * @param databasePrefix each service's database is this prefix plus its name
     * @param ports          the services' ports ({@link LocalPorts}), or null for any free port (tests)
     * @param date           the simulated date the services start on, or null for today
     * @param clock          one clock all three services read time from (a simulation moves it), or null for each
     *                       service's own ({@code date} or the system clock)
     * @param properties     further settings given to every service ({@code name=value})
     */
    public record Settings(String kafkaBootstrapServers, String mongoUri, String databasePrefix, LocalPorts ports,
            LocalDate date, Clock clock, Map<String, String> properties) {

        public Settings {
            properties = properties == null ? Map.of() : Map.copyOf(properties);
        }

        public Settings(String kafkaBootstrapServers, String mongoUri, String databasePrefix, LocalPorts ports,
                LocalDate date) {
            this(kafkaBootstrapServers, mongoUri, databasePrefix, ports, date, null, Map.of());
        }

        /** The same settings and one more property for every service. */
        public Settings with(String name, String value) {
            Map<String, String> more = new java.util.HashMap<>(properties);
            more.put(name, value);
            return new Settings(kafkaBootstrapServers, mongoUri, databasePrefix, ports, date, clock, more);
        }
    }

    /** Where the services find the public key their callers' tokens are verified with (a PEM file's URI). */
    public static final String PUBLIC_KEY_PROPERTY = "spring.security.oauth2.resourceserver.jwt.public-key-location";

    /**
     * Auto-configurations on the launcher's class path that are not the services': the authorization server's (the
     * launcher runs it in a context of its own, {@link LocalAuthorizationServer}) would give each service authorization
     * server settings and a JWK source of a random key; the portal's (web pages, signing in as an OAuth2 client) are
     * its own ({@link LocalPortal}).
     */
    public static final List<String> EXCLUDED_AUTO_CONFIGURATIONS = AutoConfigurations.under(List.of(
            "org.springframework.boot.security.oauth2.server.authorization.",
            "org.springframework.boot.security.oauth2.client.", "org.springframework.boot.thymeleaf."));

    private static final String EXCLUDE_PROPERTY = "spring.autoconfigure.exclude";

    private final Map<Service, ConfigurableApplicationContext> running;

    private LocalSystem(Map<Service, ConfigurableApplicationContext> running) {
        this.running = running;
    }

    public static LocalSystem start(Settings settings) {
        return start(settings, Service.values());
    }

    /** Only some of the services (a benchmark of one of them). */
    public static LocalSystem start(Settings settings, Service... services) {
        Map<Service, ConfigurableApplicationContext> running = new LinkedHashMap<>();
        try {
            for (Service service : services) {
                SpringApplicationBuilder application = new SpringApplicationBuilder(service.application)
                        .main(service.application);
                if (settings.clock() != null) {
                    application.initializers(context -> context.getBeanFactory().registerSingleton("sharedClock",
                            settings.clock()));
                }
                running.put(service, application.run(arguments(service, settings)));
            }
        } catch (RuntimeException e) {
            new LocalSystem(running).close();
            throw e;
        }
        return new LocalSystem(running);
    }

    private static String[] arguments(Service service, Settings settings) {
        List<String> args = new ArrayList<>(List.of(
                "--server.port=" + (settings.ports() == null ? 0 : settings.ports().of(service)),
                "--spring.kafka.bootstrap-servers=" + settings.kafkaBootstrapServers(),
                "--spring.mongodb.uri=" + settings.mongoUri(),
                "--spring.mongodb.database=" + settings.databasePrefix() + service.serviceName,
                "--spring.kafka.consumer.group-id=" + settings.databasePrefix() + service.serviceName,
                // three applications share this JVM's logging: name the service in each line by its logger instead
                "--logging.include-application-name=false"));
        if (settings.date() != null) {
            args.add("--shinchoku.clock.start-date=" + settings.date());
        }
        List<String> excluded = new ArrayList<>(EXCLUDED_AUTO_CONFIGURATIONS);
        if (settings.properties().containsKey(EXCLUDE_PROPERTY)) {
            excluded.add(settings.properties().get(EXCLUDE_PROPERTY));
        }
        args.add("--" + EXCLUDE_PROPERTY + "=" + String.join(",", excluded));
        settings.properties().forEach((name, value) -> {
            if (!name.equals(EXCLUDE_PROPERTY)) {
                args.add("--" + name + "=" + value);
            }
        });
        return args.toArray(String[]::new);
    }

    public int port(Service service) {
        return running.get(service).getEnvironment().getRequiredProperty("local.server.port", Integer.class);
    }

    /** A part of a running service, for a test that drives the system (its daily runs, its dispatcher). */
    public <T> T bean(Service service, Class<T> type) {
        return running.get(service).getBean(type);
    }

    /** A running service's application context (its request mappings, for the access matrix). */
    public org.springframework.context.ApplicationContext context(Service service) {
        return running.get(service);
    }

    public String url(Service service) {
        return "http://127.0.0.1:" + port(service);
    }

    @Override
    public void close() {
        List<ConfigurableApplicationContext> reversed = new ArrayList<>(running.values());
        java.util.Collections.reverse(reversed);
        reversed.forEach(ConfigurableApplicationContext::close);
    }
}
