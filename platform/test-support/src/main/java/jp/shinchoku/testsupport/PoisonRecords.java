package jp.shinchoku.testsupport;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;

import jp.shinchoku.contracts.CloudEventHeaders;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Writes records straight to a topic, as a misbehaving producer would. */
public final class PoisonRecords {

    private PoisonRecords() {
    }

    /** A record announcing {@code type} whose value is not JSON of that contract. */
    public static void send(String bootstrapServers, String topic, String key, String type, String value) {
        var record = new ProducerRecord<String, byte[]>(topic, key, value.getBytes(StandardCharsets.UTF_8));
        record.headers()
                .add(new RecordHeader(CloudEventHeaders.ID, UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8)))
                .add(new RecordHeader(CloudEventHeaders.TYPE, type.getBytes(StandardCharsets.UTF_8)))
                .add(new RecordHeader(CloudEventHeaders.SOURCE, "/test/poison".getBytes(StandardCharsets.UTF_8)))
                .add(new RecordHeader(CloudEventHeaders.SPECVERSION, "1.0".getBytes(StandardCharsets.UTF_8)));
        try (var producer = new KafkaProducer<>(Map.<String, Object>of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers),
                new StringSerializer(), new ByteArraySerializer())) {
            producer.send(record).get();
        } catch (Exception e) {
            throw new IllegalStateException("could not send the poison record", e);
        }
    }
}
