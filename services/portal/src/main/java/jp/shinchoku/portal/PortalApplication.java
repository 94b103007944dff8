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

    public static void main(String[] args) {
        new SpringApplicationBuilder(PortalApplication.class).properties("spring.config.name=" + CONFIG_NAME).run(args);
    }
}
