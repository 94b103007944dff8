package jp.shinchoku.portal;

import static org.assertj.core.api.Assertions.assertThat;

import jp.shinchoku.portal.api.Api;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;

/** The portal starts whole with its real API client (the page tests replace it with fixtures). */
@SpringBootTest(properties = {
        "spring.config.name=portal",
        "spring.security.oauth2.client.registration.shinchoku.provider=test",
        "spring.security.oauth2.client.provider.test.authorization-uri=http://auth.test/oauth2/authorize",
        "spring.security.oauth2.client.provider.test.token-uri=http://auth.test/oauth2/token",
        "spring.security.oauth2.client.provider.test.jwk-set-uri=http://auth.test/oauth2/jwks",
        "spring.security.oauth2.client.provider.test.user-name-attribute=sub"})
class PortalContextTest {

    @Autowired
    ApplicationContext context;

    @Test
    void startsWithItsApiClientAndItsSettings() {
        assertThat(context.getBean(Api.class)).isNotNull();
        assertThat(context.getEnvironment().getProperty("shinchoku.portal.plan-url")).isEqualTo("http://localhost:8081");
        assertThat(context.getEnvironment().getProperty("server.servlet.session.cookie.name")).isEqualTo("SHINCHOKU_PORTAL");
    }
}
