package jp.shinchoku.platform.kafka;

import java.util.ArrayList;
import java.util.List;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.tracing.Tracer;
import jp.shinchoku.contracts.Topic;
import jp.shinchoku.contracts.Topics;
import jp.shinchoku.platform.events.CloudEventDeserializer;
import jp.shinchoku.platform.events.EventJson;
import jp.shinchoku.platform.events.EventValueSerializer;
import jp.shinchoku.platform.events.InvalidEventException;
import jp.shinchoku.platform.store.StoreOutage;
import jp.shinchoku.platform.support.Throwables;
import jp.shinchoku.platform.tracing.Traces;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.DefaultKafkaConsumerFactoryCustomizer;
import org.springframework.boot.kafka.autoconfigure.DefaultKafkaProducerFactoryCustomizer;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.config.ContainerCustomizer;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.serializer.ErrorHandlingDeserializer;
import org.springframework.util.backoff.ExponentialBackOff;
import org.springframework.util.backoff.FixedBackOff;

/**
 * Kafka the same way in every service: CloudEvents-typed values, one error handler with retries and a
 * dead-letter topic per source topic, and the topics themselves.
 */
@AutoConfiguration(before = KafkaAutoConfiguration.class)
@EnableConfigurationProperties(ShinchokuKafkaProperties.class)
public class ShinchokuKafkaAutoConfiguration {

    private static final Logger log = LoggerFactory.getLogger(ShinchokuKafkaAutoConfiguration.class);

    @Bean
    @ConditionalOnMissingBean
    EventJson eventJson() {
        return new EventJson();
    }

    @Bean
    @SuppressWarnings({"unchecked", "rawtypes"})
    DefaultKafkaConsumerFactoryCustomizer cloudEventConsumerFactory(EventJson json) {
        return factory -> {
            ((org.springframework.kafka.core.DefaultKafkaConsumerFactory) factory)
                    .setKeyDeserializer(new ErrorHandlingDeserializer<>((Deserializer) new StringDeserializer()));
            ((org.springframework.kafka.core.DefaultKafkaConsumerFactory) factory)
                    .setValueDeserializer(new ErrorHandlingDeserializer<>(new CloudEventDeserializer(json)));
        };
    }

    @Bean
    @SuppressWarnings({"unchecked", "rawtypes"})
    DefaultKafkaProducerFactoryCustomizer cloudEventProducerFactory(EventJson json) {
        return factory -> {
            ((org.springframework.kafka.core.DefaultKafkaProducerFactory) factory)
                    .setKeySerializer((Serializer) new StringSerializer());
            ((org.springframework.kafka.core.DefaultKafkaProducerFactory) factory)
                    .setValueSerializer(new EventValueSerializer(json));
        };
    }

    /**
     * Each listener consumes in a group of its own under the configured prefix ({@code spring.kafka.consumer.group-id},
     * by default the service's name): {@code <prefix>.<listener id>}. Instances of one service with one prefix share
     * each listener's partitions; two environments with their own prefixes on one cluster each get every event.
     */
    @Bean
    ContainerCustomizer<Object, Object, ConcurrentMessageListenerContainer<Object, Object>> groupPerListener(
            KafkaProperties kafka) {
        String prefix = kafka.getConsumer().getGroupId();
        return container -> {
            if (prefix != null && !prefix.isBlank() && container.getListenerId() != null) {
                container.getContainerProperties().setGroupId(prefix + "." + container.getListenerId());
            }
        };
    }

    /**
     * Retries a failing record a few times, then parks it on {@code <topic>.DLT} with the exception in its
     * headers and moves on. Records that cannot be read at all are not retried. A record that failed because the store
     * is out of reach is no poison: the consumer pauses on it, retrying with a back-off that grows to
     * {@code store-outage-max-interval}, for as long as the outage lasts, and resumes where it stopped.
     */
    @Bean
    @ConditionalOnMissingBean(CommonErrorHandler.class)
    DefaultErrorHandler deadLetteringErrorHandler(KafkaOperations<?, ?> template, ShinchokuKafkaProperties properties,
            MeterRegistry meters, ObjectProvider<Traces> tracing) {
        Traces traces = tracing.getIfAvailable(() -> new Traces(Tracer.NOOP));
        var recoverer = new DeadLetterPublishingRecoverer(template,
                (record, exception) -> new TopicPartition(record.topic() + ".DLT", -1));
        // a series per topic from the start (0), so that "any dead letter in the last hour" can be asked
        for (Topic topic : Topics.all()) {
            Counter.builder("shinchoku.kafka.dead.lettered").description("Records parked on a dead-letter topic")
                    .tag("topic", topic.name()).register(meters);
        }
        // parked in the record's trace: the log line and the dead letter carry the trace id of what sent it
        var handler = new DefaultErrorHandler((record, exception) -> traces.continuing(
                CloudEventDeserializer.header(record.headers(), Traces.HEADER), record.topic() + " dead-letter", () -> {
                    log.warn("Dead-lettering record {}-{}@{} (key {}): {}", record.topic(), record.partition(),
                            record.offset(), record.key(), Throwables.rootMessage(exception));
                    Counter.builder("shinchoku.kafka.dead.lettered")
                            .description("Records parked on a dead-letter topic")
                            .tag("topic", record.topic())
                            .register(meters)
                            .increment();
                    recoverer.accept(record, exception);
                    return null;
                }), new FixedBackOff(properties.retryInterval().toMillis(), properties.retryAttempts()));
        handler.addNotRetryableExceptions(InvalidEventException.class, IllegalArgumentException.class);
        Counter outages = Counter.builder("shinchoku.kafka.store.outage.retries")
                .description("Deliveries paused and retried because the store was out of reach").register(meters);
        handler.setRetryListeners((record, exception, attempt) -> {
            if (StoreOutage.causedBy(exception)) {
                outages.increment();
                if (attempt == 1 || attempt % 10 == 0) {
                    log.warn("Store out of reach while handling {}-{}@{} (attempt {}): pausing and retrying ({})",
                            record.topic(), record.partition(), record.offset(), attempt,
                            Throwables.rootMessage(exception));
                }
            }
        });
        handler.setBackOffFunction((record, exception) -> {
            if (!StoreOutage.causedBy(exception)) {
                return null;
            }
            ExponentialBackOff backOff = new ExponentialBackOff(properties.retryInterval().toMillis(), 2.0);
            backOff.setMaxInterval(properties.storeOutageMaxInterval().toMillis());
            return backOff;
        });
        return handler;
    }

    /** Each consumer group's lag per topic, as a gauge (where the service has listeners). */
    @Bean
    ConsumerLag consumerLag(KafkaListenerEndpointRegistry listeners, KafkaAdmin admin, MeterRegistry meters,
            @Value("${shinchoku.kafka.lag-refresh:PT30S}") java.time.Duration every) {
        return new ConsumerLag(listeners, admin, meters, every);
    }

    @Bean
    KafkaAdmin.NewTopics shinchokuTopics(ShinchokuKafkaProperties properties) {
        List<NewTopic> topics = new ArrayList<>();
        for (Topic topic : Topics.all()) {
            NewTopic main = new NewTopic(topic.name(), properties.partitions(), properties.replicationFactor());
            if (topic.compacted()) {
                main.configs(java.util.Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT));
            }
            topics.add(main);
            topics.add(new NewTopic(topic.deadLetter(), properties.partitions(), properties.replicationFactor()));
        }
        return new KafkaAdmin.NewTopics(topics.toArray(NewTopic[]::new));
    }
}
