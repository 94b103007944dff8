package jp.shinchoku.contracts.notification;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * {@code alert.raised.v1}: the notification service raised an alert (or saw a firing alert's condition
 * change). An alert is identified by its labels; {@code alertId} is derived from them.
 */
public record AlertRaisedV1(
        String alertId,
        String rule,
        String receiver,
        Map<String, String> labels,
        String summary,
        Instant raisedAt) {

    public AlertRaisedV1 {
        Objects.requireNonNull(alertId, "alertId");
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(receiver, "receiver");
        Objects.requireNonNull(raisedAt, "raisedAt");
        labels = labels == null ? Map.of() : Map.copyOf(labels);
    }
}
