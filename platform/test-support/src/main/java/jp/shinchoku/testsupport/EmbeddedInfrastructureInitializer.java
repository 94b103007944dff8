package jp.shinchoku.testsupport;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * Points a {@code @SpringBootTest} service at the {@link SharedInfrastructure}: the real in-process broker
 * and the MongoDB-wire store, with a database and consumer group of its own.
 */
public class EmbeddedInfrastructureInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        String name = context.getEnvironment().getProperty("spring.application.name", "service");
        context.getEnvironment().getPropertySources().addFirst(
                new MapPropertySource("shinchoku-embedded-infrastructure", SharedInfrastructure.get().serviceProperties(name)));
    }
}
