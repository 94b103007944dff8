package jp.shinchoku.platform.events;

import java.nio.charset.StandardCharsets;

import org.apache.kafka.common.serialization.Serializer;

/**
 * Writes record values: bytes as they are (the outbox stores events already serialized, and dead-lettered
 * records keep their original bytes), strings as UTF-8, and contract records as their JSON.
 */
public final class EventValueSerializer implements Serializer<Object> {

    private final EventJson json;

    public EventValueSerializer(EventJson json) {
        this.json = json;
    }

    @Override
    public byte[] serialize(String topic, Object value) {
        return switch (value) {
            case null -> null;
            case byte[] bytes -> bytes;
            case String text -> text.getBytes(StandardCharsets.UTF_8);
            default -> json.write(value);
        };
    }
}
