package jp.shinchoku.portal.config;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the services are, as the portal calls them (server to server), and the OIDC registration it signs in with.
 *
 * @param planUrl         the plan service
 * @param measurementUrl  the measurement service
 * @param notificationUrl the notification service
 */
@ConfigurationProperties("shinchoku.portal")
public record PortalProperties(String planUrl, String measurementUrl, String notificationUrl) {

    /** The client registration of {@code spring.security.oauth2.client.registration.*}. */
    public static final String REGISTRATION = "shinchoku";
}
