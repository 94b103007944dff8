package jp.shinchoku.platform.events;

import java.time.Instant;

import jp.shinchoku.contracts.CloudEventHeaders;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/** The CloudEvents attributes of a consumed record. */
public record EventMetadata(String id, String type, String source, Instant time, String key) {

    public static EventMetadata of(ConsumerRecord<?, ?> record) {
        String time = CloudEventDeserializer.header(record.headers(), CloudEventHeaders.TIME);
        return new EventMetadata(
                CloudEventDeserializer.header(record.headers(), CloudEventHeaders.ID),
                CloudEventDeserializer.header(record.headers(), CloudEventHeaders.TYPE),
                CloudEventDeserializer.header(record.headers(), CloudEventHeaders.SOURCE),
                time == null ? null : Instant.parse(time),
                record.key() == null ? null : record.key().toString());
    }
}
