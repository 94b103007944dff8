package jp.shinchoku.platform.outbox;

import java.util.Objects;

/** Declares a collection whose documents keep pending events in {@link OutboxEntry#FIELD}; the relay scans it. */
public record OutboxCollection(String name) {
    public OutboxCollection {
        Objects.requireNonNull(name, "name");
    }
}
