package jp.shinchoku.platform.store;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How long a service waits for its store before it says the store is out of reach, where the connection string does
 * not say ({@code serverSelectionTimeoutMS}, {@code connectTimeoutMS}, {@code socketTimeoutMS}): a request is then
 * answered 503 with {@code Retry-After} instead of hanging, and consumers pause.
 *
 * @param serverSelectionTimeout how long to wait for a store to answer at all
 * @param connectTimeout         how long to wait for a connection
 * @param socketTimeout          how long to wait for the answer to one command
 * @param retryAfter             what a 503 asks the client to wait before sending the same request again
 */
@ConfigurationProperties("shinchoku.store")
public record StoreProperties(
        @DefaultValue("5s") Duration serverSelectionTimeout,
        @DefaultValue("5s") Duration connectTimeout,
        @DefaultValue("30s") Duration socketTimeout,
        @DefaultValue("30s") Duration retryAfter) {
}
