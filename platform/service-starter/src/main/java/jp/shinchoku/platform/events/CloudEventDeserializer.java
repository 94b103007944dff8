package jp.shinchoku.platform.events;

import java.nio.charset.StandardCharsets;

import jp.shinchoku.contracts.CloudEventHeaders;
import jp.shinchoku.contracts.Events;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Reads a record's value as the contract named by its {@code ce_type} header (never by a Java class name).
 * A record without the CloudEvents headers or whose JSON does not fit the contract is a poison record
 * ({@link InvalidEventException}); wrapped in spring-kafka's {@code ErrorHandlingDeserializer} it goes to the
 * dead-letter topic without retries. A well-formed record of an unknown type becomes {@link UnknownEvent}.
 */
public final class CloudEventDeserializer implements Deserializer<Object> {

    private final EventJson json;

    public CloudEventDeserializer(EventJson json) {
        this.json = json;
    }

    @Override
    public Object deserialize(String topic, byte[] data) {
        throw new InvalidEventException("record on " + topic + " has no CloudEvents headers");
    }

    @Override
    public Object deserialize(String topic, Headers headers, byte[] data) {
        String type = header(headers, CloudEventHeaders.TYPE);
        if (type == null || header(headers, CloudEventHeaders.ID) == null) {
            throw new InvalidEventException("record on " + topic + " lacks the ce_type or ce_id header");
        }
        if (data == null) {
            throw new InvalidEventException("record " + type + " on " + topic + " has no value");
        }
        return Events.byId(type)
                .<Object>map(eventType -> json.read(data, eventType.payloadType()))
                .orElseGet(() -> new UnknownEvent(type));
    }

    public static String header(Headers headers, String name) {
        Header header = headers.lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
