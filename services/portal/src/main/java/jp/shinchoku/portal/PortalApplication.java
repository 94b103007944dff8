package jp.shinchoku.portal;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * ポータル: the web pages departments and the 推進本部 use. It keeps no data of its own: every page reads and every
 * form writes through the plan, measurement and notification services' APIs, with the signed-in user's token.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class PortalApplication {

    /** Its settings are {@code portal.yml}, so that it can share a class path with the services (the launcher). */
    public static final String CONFIG_NAME = "portal";

    /**
     * The cookie that keeps the reader's language ({@code ?lang=en}, {@code ?lang=ja}; Japanese without it). Cookies
     * are per host, not per port: the launcher's sign-in page on the same host reads and sets it too.
     */
    public static final String LANGUAGE_COOKIE = "shinchoku-lang";

    public static void main(String[] args) {
        new SpringApplicationBuilder(PortalApplication.class).properties("spring.config.name=" + CONFIG_NAME).run(args);
    }
}
