package jp.shinchoku.platform.config;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a service's application class and names the service. Its settings live in {@code <name>.yml} on
 * the classpath instead of {@code application.yml}, so that several services can share one classpath (the
 * local launcher and the cross-service tests run them side by side in one JVM).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface ShinchokuService {

    /** The service name: {@code spring.application.name} and the name of its settings file. */
    String value();
}
