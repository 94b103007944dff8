package jp.shinchoku.portal;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.TestPropertySource;

/**
 * A test of the portal's pages through MockMvc: the whole portal on its own settings, with a sign-in provider that
 * needs no discovery ({@code offline-sign-in.properties}); the services' answers are the test's fixtures.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(properties = "spring.config.name=portal")
@TestPropertySource(locations = "classpath:offline-sign-in.properties")
@AutoConfigureMockMvc
public @interface PortalPageTest {
}
