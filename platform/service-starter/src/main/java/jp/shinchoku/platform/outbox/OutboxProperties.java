package jp.shinchoku.platform.outbox;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param relayEnabled  whether this instance relays pending events to Kafka
 * @param pollInterval  how often the relay looks for pending events it was not woken for
 * @param lease         how long one relay instance owns a document's entries while sending them
 * @param sendTimeout   how long the relay waits for the broker to acknowledge one event
 * @param sweepInterval how often the relay looks for documents with pending events that no write told it of (what a
 *                      crashed instance left); also at start-up
 */
@ConfigurationProperties("shinchoku.outbox")
public record OutboxProperties(
        @DefaultValue("true") boolean relayEnabled,
        @DefaultValue("1s") Duration pollInterval,
        @DefaultValue("30s") Duration lease,
        @DefaultValue("10s") Duration sendTimeout,
        @DefaultValue("2m") Duration sweepInterval) {
}
