package jp.shinchoku.contracts.notification;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * {@code alert.resolved.v1}: a firing alert's condition cleared (a report arrived, the milestone is done, the
 * target was decided, …). Keyed by alert id, like {@link AlertRaisedV1}.
 *
 * @param firstRaisedAt when the alert started firing
 */
public record AlertResolvedV1(
        String alertId,
        String rule,
        List<String> receivers,
        Map<String, String> labels,
        String summary,
        Instant firstRaisedAt,
        Instant resolvedAt) {

    public AlertResolvedV1 {
        Objects.requireNonNull(alertId, "alertId");
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(resolvedAt, "resolvedAt");
        receivers = receivers == null ? List.of() : List.copyOf(receivers);
        labels = labels == null ? Map.of() : Map.copyOf(labels);
    }
}
