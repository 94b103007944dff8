package jp.shinchoku.contracts;

import java.util.Objects;
import java.util.function.Function;

/**
 * A versioned event contract: its logical type id (the {@code ce_type} header), the record that is its
 * payload, the topic it travels on, and how to get the record key (the aggregate id) from a payload.
 * <p>
 * Within a version, fields are only ever added; a breaking change is a new type id ({@code .v2}).
 *
 * @param <T> the payload record
 */
public final class EventType<T> {

    private final String id;
    private final Class<T> payloadType;
    private final Topic topic;
    private final Function<T, String> key;

    EventType(String id, Class<T> payloadType, Topic topic, Function<T, String> key) {
        this.id = Objects.requireNonNull(id, "id");
        this.payloadType = Objects.requireNonNull(payloadType, "payloadType");
        this.topic = Objects.requireNonNull(topic, "topic");
        this.key = Objects.requireNonNull(key, "key");
    }

    public String id() {
        return id;
    }

    public Class<T> payloadType() {
        return payloadType;
    }

    public Topic topic() {
        return topic;
    }

    public String keyOf(T payload) {
        return key.apply(payload);
    }

    /** Where the golden JSON sample of this event lives on the classpath. */
    public String sampleResource() {
        return "/jp/shinchoku/contracts/samples/" + id + ".json";
    }

    @Override
    public String toString() {
        return id;
    }
}
