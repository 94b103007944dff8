package jp.shinchoku.platform.kafka;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the services use Kafka.
 *
 * @param partitions        partitions of each topic the services create
 * @param replicationFactor replicas of each topic (1 on the embedded broker; 3 on a production cluster)
 * @param retryAttempts     how often a failed record is retried before it goes to the dead-letter topic
 * @param retryInterval     the wait between those retries (and the first wait while the store is out of reach)
 * @param storeOutageMaxInterval the longest wait between retries while the store is out of reach (consumption pauses
 *                          until it is back)
 */
@ConfigurationProperties("shinchoku.kafka")
public record ShinchokuKafkaProperties(
        @DefaultValue("3") int partitions,
        @DefaultValue("1") short replicationFactor,
        @DefaultValue("2") int retryAttempts,
        @DefaultValue("200ms") Duration retryInterval,
        @DefaultValue("30s") Duration storeOutageMaxInterval) {
}
