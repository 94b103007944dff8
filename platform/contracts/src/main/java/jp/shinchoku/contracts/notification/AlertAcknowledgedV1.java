package jp.shinchoku.contracts.notification;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * {@code alert.acknowledged.v1}: someone at the 推進本部 acknowledged a firing alert, with a comment. An acknowledged
 * alert is no longer repeated nor escalated. Keyed by alert id.
 */
public record AlertAcknowledgedV1(
        String alertId,
        String rule,
        Map<String, String> labels,
        String acknowledgedBy,
        String comment,
        Instant acknowledgedAt) {

    public AlertAcknowledgedV1 {
        Objects.requireNonNull(alertId, "alertId");
        Objects.requireNonNull(acknowledgedBy, "acknowledgedBy");
        Objects.requireNonNull(acknowledgedAt, "acknowledgedAt");
        labels = labels == null ? Map.of() : Map.copyOf(labels);
    }
}
