package jp.shinchoku.platform.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;

/**
 * Adds two low-precedence property sources to a service's environment, below its {@code application.*}
 * files, system properties and environment variables:
 * <ol>
 * <li>the service's own {@code <name>.yml}, named by {@link ShinchokuService} on its application class;</li>
 * <li>{@code shinchoku/platform-defaults.yml}: what all services share (Kafka and Mongo from
 * {@code KAFKA_BOOTSTRAP_SERVERS} and {@code MONGODB_URI}, actuator, metrics tags, logging), written once.</li>
 * </ol>
 */
public class PlatformDefaults implements EnvironmentPostProcessor {

    static final String PLATFORM_DEFAULTS = "shinchoku/platform-defaults.yml";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        for (Object source : application.getAllSources()) {
            if (source instanceof Class<?> type) {
                ShinchokuService service = AnnotatedElementUtils.findMergedAnnotation(type, ShinchokuService.class);
                if (service != null) {
                    environment.getPropertySources().addLast(new MapPropertySource("shinchoku-service-name",
                            Map.of("spring.application.name", service.value())));
                    load(environment, service.value() + ".yml");
                }
            }
        }
        load(environment, PLATFORM_DEFAULTS);
    }

    private static void load(ConfigurableEnvironment environment, String resource) {
        ClassPathResource file = new ClassPathResource(resource);
        if (!file.exists()) {
            return;
        }
        try {
            for (PropertySource<?> source : new YamlPropertySourceLoader().load("shinchoku:" + resource, file)) {
                environment.getPropertySources().addLast(source);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
