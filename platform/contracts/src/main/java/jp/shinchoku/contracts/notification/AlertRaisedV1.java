package jp.shinchoku.contracts.notification;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * {@code alert.raised.v1}: the notification service raised an alert (or saw a firing alert's condition
 * change). An alert is identified by its labels; {@code alertId} is derived from them.
 *
 * @param receiver  the first receiver the alert was routed to (kept for consumers written before {@code receivers})
 * @param receivers every receiver the routing chose ({@code promotion-hq}, {@code department:<code>}, …); absent in
 *                  events written before the field existed: read as {@code [receiver]}
 * @param severity  {@code INFO}, {@code WARNING} or {@code CRITICAL}; absent in older events
 * @param summaryEn the English variant of {@code summary} (Japanese); absent in older events
 * @param link      where a person reads about the KPI, milestone or plan concerned; absent in older events
 */
public record AlertRaisedV1(
        String alertId,
        String rule,
        String receiver,
        Map<String, String> labels,
        String summary,
        Instant raisedAt,
        List<String> receivers,
        String severity,
        String summaryEn,
        String link) {

    public AlertRaisedV1 {
        Objects.requireNonNull(alertId, "alertId");
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(receiver, "receiver");
        Objects.requireNonNull(raisedAt, "raisedAt");
        labels = labels == null ? Map.of() : Map.copyOf(labels);
        receivers = receivers == null ? List.of(receiver) : List.copyOf(receivers);
    }

    /** An event as producers before {@code receivers}, {@code severity}, {@code summaryEn} and {@code link} wrote it. */
    public AlertRaisedV1(String alertId, String rule, String receiver, Map<String, String> labels, String summary,
            Instant raisedAt) {
        this(alertId, rule, receiver, labels, summary, raisedAt, null, null, null, null);
    }
}
