package jp.shinchoku.testsupport;

import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

import jp.shinchoku.contracts.CloudEventHeaders;
import jp.shinchoku.contracts.EventType;
import jp.shinchoku.contracts.Topic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Watches topics the way an outside consumer would: records from the moment the probe opens, with their
 * CloudEvents headers and raw JSON. Tests wait on it with Awaitility.
 */
public final class EventProbe implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    private final KafkaConsumer<String, byte[]> consumer;
    private final List<ConsumerRecord<String, byte[]>> records = new CopyOnWriteArrayList<>();
    private final Thread poller;
    private volatile boolean open = true;

    private EventProbe(String bootstrapServers, List<String> topics) {
        consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, "probe-" + UUID.randomUUID(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false),
                new StringDeserializer(), new ByteArrayDeserializer());
        List<TopicPartition> partitions = new ArrayList<>();
        for (String topic : topics) {
            await().atMost(Duration.ofSeconds(30)).until(() -> !consumer.partitionsFor(topic).isEmpty());
            consumer.partitionsFor(topic).forEach(info -> partitions.add(new TopicPartition(topic, info.partition())));
        }
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position);
        poller = Thread.ofPlatform().daemon().name("event-probe").start(this::poll);
    }

    public static EventProbe open(String bootstrapServers, String... topics) {
        return new EventProbe(bootstrapServers, List.of(topics));
    }

    public static EventProbe open(String bootstrapServers, Topic... topics) {
        return new EventProbe(bootstrapServers, java.util.Arrays.stream(topics).map(Topic::name).toList());
    }

    private void poll() {
        try {
            while (open) {
                consumer.poll(Duration.ofMillis(100)).forEach(records::add);
            }
        } catch (WakeupException e) {
            // closing
        } finally {
            consumer.close();
        }
    }

    public List<ConsumerRecord<String, byte[]>> records() {
        return List.copyOf(records);
    }

    public List<ConsumerRecord<String, byte[]>> on(String topic) {
        return records.stream().filter(r -> r.topic().equals(topic)).toList();
    }

    /** The records of this event type, read as its contract. */
    public <T> List<T> events(EventType<T> type) {
        return records.stream()
                .filter(r -> r.topic().equals(type.topic().name()) && type.id().equals(header(r, CloudEventHeaders.TYPE)))
                .map(r -> JSON.readValue(r.value(), type.payloadType()))
                .toList();
    }

    public <T> List<T> events(EventType<T> type, Predicate<T> matching) {
        return events(type).stream().filter(matching).toList();
    }

    /** Waits until at least one record of that type matches, and returns the first. */
    public <T> T awaitEvent(EventType<T> type, Predicate<T> matching) {
        await().atMost(Duration.ofSeconds(30)).until(() -> !events(type, matching).isEmpty());
        return events(type, matching).getFirst();
    }

    public static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        open = false;
        consumer.wakeup();
        try {
            poller.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
