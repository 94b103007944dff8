package jp.shinchoku.testsupport;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import jp.shinchoku.contracts.CloudEventHeaders;
import jp.shinchoku.contracts.EventType;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import tools.jackson.databind.json.JsonMapper;

/** Publishes contract events as another service would: CloudEvents headers, keyed by the aggregate id. */
public final class TestEvents {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private TestEvents() {
    }

    /** @return the event's {@code ce_id} */
    public static <T> String publish(String bootstrapServers, EventType<T> type, T payload) {
        return publish(bootstrapServers, type, payload, UUID.randomUUID().toString());
    }

    /**
     * Sends with the administrator's token in the {@code Authorization} header, as a trusted system would (the report
     * ingress checks it; other consumers ignore it).
     */
    public static <T> String publish(String bootstrapServers, EventType<T> type, T payload, String eventId) {
        send(bootstrapServers, type.topic().name(), type.keyOf(payload), type.id(), eventId, JSON.writeValueAsBytes(payload),
                TestTokens.admin());
        return eventId;
    }

    /**
     * Sends to a broker that wants client settings (SASL, TLS): {@code client} holds them with
     * {@code bootstrap.servers}. @return the event's {@code ce_id}
     */
    public static <T> String publishWith(Map<String, Object> client, EventType<T> type, T payload) {
        String eventId = UUID.randomUUID().toString();
        send(client, type.topic().name(), type.keyOf(payload), type.id(), eventId, JSON.writeValueAsBytes(payload),
                TestTokens.admin(), Map.of());
        return eventId;
    }

    /** Sends with this bearer token, or none when null. */
    public static <T> String publishAs(String bootstrapServers, String token, EventType<T> type, T payload) {
        return publishAs(bootstrapServers, token, type, payload, UUID.randomUUID().toString());
    }

    public static <T> String publishAs(String bootstrapServers, String token, EventType<T> type, T payload,
            String eventId) {
        send(bootstrapServers, type.topic().name(), type.keyOf(payload), type.id(), eventId, JSON.writeValueAsBytes(payload),
                token);
        return eventId;
    }

    /**
     * Sends as a department's system would inside a trace of its own: with the administrator's token and this W3C
     * {@code traceparent} header. @return the event's {@code ce_id}
     */
    public static <T> String publishInTrace(String bootstrapServers, String traceparent, EventType<T> type, T payload) {
        String eventId = UUID.randomUUID().toString();
        send(bootstrapServers, type.topic().name(), type.keyOf(payload), type.id(), eventId,
                JSON.writeValueAsBytes(payload), TestTokens.admin(), Map.of("traceparent", traceparent));
        return eventId;
    }

    /** Publishes an event on another topic than its own (a dead-letter topic, say). */
    public static <T> String publishOn(String bootstrapServers, String topic, EventType<T> type, T payload) {
        String eventId = UUID.randomUUID().toString();
        send(bootstrapServers, topic, type.keyOf(payload), type.id(), eventId, JSON.writeValueAsBytes(payload),
                TestTokens.admin());
        return eventId;
    }

    /** Sends one record with the CloudEvents headers of an event of {@code type}, whatever its value. */
    static void send(String bootstrapServers, String topic, String key, String type, String eventId, byte[] value) {
        send(bootstrapServers, topic, key, type, eventId, value, null);
    }

    static void send(String bootstrapServers, String topic, String key, String type, String eventId, byte[] value,
            String token) {
        send(bootstrapServers, topic, key, type, eventId, value, token, Map.of());
    }

    static void send(String bootstrapServers, String topic, String key, String type, String eventId, byte[] value,
            String token, Map<String, String> headers) {
        send(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers), topic, key, type, eventId, value, token,
                headers);
    }

    private static void send(Map<String, Object> client, String topic, String key, String type, String eventId,
            byte[] value, String token, Map<String, String> headers) {
        var record = new ProducerRecord<String, byte[]>(topic, key, value);
        headers.forEach((name, header) -> record.headers().add(header(name, header)));
        if (token != null) {
            record.headers().add(header("Authorization", "Bearer " + token));
        }
        record.headers()
                .add(header(CloudEventHeaders.ID, eventId))
                .add(header(CloudEventHeaders.TYPE, type))
                .add(header(CloudEventHeaders.SOURCE, "/test"))
                .add(header(CloudEventHeaders.TIME, Instant.now().toString()))
                .add(header(CloudEventHeaders.SPECVERSION, CloudEventHeaders.SPECVERSION_1_0))
                .add(header(CloudEventHeaders.CONTENT_TYPE, CloudEventHeaders.APPLICATION_JSON));
        try (var producer = new KafkaProducer<>(client, new StringSerializer(), new ByteArraySerializer())) {
            producer.send(record).get();
        } catch (Exception e) {
            throw new IllegalStateException("could not send " + type + " to " + topic, e);
        }
    }

    /** The golden sample of a contract, read as its record: a valid event to vary in tests. */
    public static <T> T sample(EventType<T> type) {
        return JSON.readValue(GoldenSamples.json(type), type.payloadType());
    }

    private static RecordHeader header(String name, String value) {
        return new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
