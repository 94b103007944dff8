package jp.shinchoku.platform.config;

import java.io.IOException;
import java.io.UncheckedIOException;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;

/**
 * Adds {@code shinchoku/platform-defaults.yml} as the lowest-precedence property source of every service:
 * the settings all services share (Kafka and Mongo from {@code KAFKA_BOOTSTRAP_SERVERS} and
 * {@code MONGODB_URI}, actuator, metrics tags, logging), written once. A service's own configuration and the
 * environment override them.
 */
public class PlatformDefaults implements EnvironmentPostProcessor {

    static final String RESOURCE = "shinchoku/platform-defaults.yml";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        try {
            for (PropertySource<?> source : new YamlPropertySourceLoader()
                    .load("shinchoku-platform-defaults", new ClassPathResource(RESOURCE))) {
                environment.getPropertySources().addLast(source);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
