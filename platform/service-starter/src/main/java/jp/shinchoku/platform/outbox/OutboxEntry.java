package jp.shinchoku.platform.outbox;

import java.time.Instant;

/**
 * An event waiting to be published, kept inside the document of the aggregate that raised it, so that the
 * state change and the event are written in one single-document (atomic) write. The payload is the
 * event's JSON, serialized when the event was raised; the event's time and the trace context it was raised in
 * ({@code traceparent}, null outside any) travel with it to the record's headers.
 */
public record OutboxEntry(
        String eventId,
        String type,
        String topic,
        String key,
        String source,
        Instant occurredAt,
        String payload,
        String traceparent) {

    /** The field of an aggregate document that holds its pending entries. */
    public static final String FIELD = "outbox";
}
