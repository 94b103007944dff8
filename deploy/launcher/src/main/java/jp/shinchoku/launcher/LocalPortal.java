package jp.shinchoku.launcher;

import java.util.ArrayList;
import java.util.List;

import jp.shinchoku.launcher.LocalSystem.Service;
import jp.shinchoku.portal.PortalApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The web portal beside the services in this JVM, signing in at the launcher's authorization server and calling the
 * services' APIs as a deployment would. The services' own machinery on the shared class path (Kafka, MongoDB, the
 * resource server, the platform's auto-configurations, the authorization server's) is kept out of its context.
 */
public final class LocalPortal implements AutoCloseable {

    public static final int DEFAULT_PORT = 8084;

    /** Auto-configurations of the services' stack, by package: none of them is the portal's. */
    private static final List<String> NOT_THE_PORTALS = List.of("jp.shinchoku.platform.", "org.springframework.boot.kafka.",
            "org.springframework.boot.mongodb.", "org.springframework.boot.data.mongodb.",
            "org.springframework.boot.security.oauth2.server.authorization.", "org.springdoc.");

    private final ConfigurableApplicationContext context;

    private LocalPortal(ConfigurableApplicationContext context) {
        this.context = context;
    }

    /**
     * @param port   its port (0: any free one)
     * @param issuer the OpenID provider it signs in at
     */
    public static LocalPortal start(LocalSystem system, String issuer, int port) {
        return start(system, issuer, port, null);
    }

    /**
     * @param sessionStore a MongoDB database the sessions are kept in ({@code mongodb://127.0.0.1:27017/shinchoku-portal}),
     *                     shared by every instance on it; null: in this instance's memory
     */
    public static LocalPortal start(LocalSystem system, String issuer, int port, String sessionStore) {
        List<String> args = new ArrayList<>(List.of(
                "--server.port=" + port,
                "--server.address=127.0.0.1",
                "--shinchoku.portal.plan-url=" + system.url(Service.PLAN),
                "--shinchoku.portal.measurement-url=" + system.url(Service.MEASUREMENT),
                "--shinchoku.portal.notification-url=" + system.url(Service.NOTIFICATION),
                "--spring.security.oauth2.client.provider.shinchoku.issuer-uri=" + issuer,
                "--spring.security.oauth2.resourceserver.jwt.issuer-uri=" + issuer,
                "--spring.autoconfigure.exclude=" + String.join(",", excluded()),
                "--logging.include-application-name=false"));
        if (sessionStore != null) {
            args.add("--shinchoku.portal.session-store=" + sessionStore);
        }
        return new LocalPortal(new SpringApplicationBuilder(PortalApplication.class).main(PortalApplication.class)
                .properties("spring.config.name=" + PortalApplication.CONFIG_NAME).run(args.toArray(String[]::new)));
    }

    private static List<String> excluded() {
        return AutoConfigurations.under(NOT_THE_PORTALS);
    }

    public int port() {
        return context.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
    }

    public String url() {
        return "http://127.0.0.1:" + port();
    }

    @Override
    public void close() {
        context.close();
    }
}
