package jp.shinchoku.notification.alerts;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * An alert. It is identified by its labels (as in Prometheus Alertmanager): the same condition seen again is the same
 * alert, updated rather than raised anew; it resolves when the condition clears. Routing decides its receivers; the
 * 推進本部 may acknowledge it with a comment, and an alert left unacknowledged is escalated (what Alertmanager lacks).
 *
 * @param link           where to read about the KPI, milestone or plan (see {@link Links})
 * @param acknowledgement who acknowledged it, when, and their comment; null while unacknowledged
 * @param escalatedAt    when it was escalated for want of an acknowledgement; null if it was not
 */
public record Alert(
        String id,
        AlertRule rule,
        List<String> receivers,
        Map<String, String> labels,
        String summaryJa,
        String summaryEn,
        String link,
        State state,
        Instant firstRaisedAt,
        Instant lastSeenAt,
        Instant resolvedAt,
        Acknowledgement acknowledgement,
        Instant escalatedAt) {

    public enum State {
        FIRING, RESOLVED
    }

    /** 確認: the 推進本部 has seen the alert and says what is being done. */
    public record Acknowledgement(String by, String comment, Instant at) {
    }

    public Alert {
        receivers = receivers == null ? List.of() : List.copyOf(receivers);
        labels = Map.copyOf(labels);
    }

    /** A new alert for a condition, firing from now. */
    public static Alert raised(AlertCondition condition, List<String> receivers, Instant now) {
        return new Alert(condition.alertId(), condition.rule(), receivers, condition.labels(), condition.summaryJa(),
                condition.summaryEn(), condition.link(), State.FIRING, now, now, null, null, null);
    }

    /** The firing alert with what its condition says now: where it sits, its text and receivers (keeping any escalation). */
    public Alert seenAgain(AlertCondition condition, List<String> routed, Instant now) {
        List<String> all = new ArrayList<>(routed);
        receivers.stream().filter(r -> !all.contains(r) && escalatedAt != null).forEach(all::add);
        return new Alert(id, rule, all, condition.labels(), condition.summaryJa(), condition.summaryEn(),
                condition.link(), state, firstRaisedAt, now, resolvedAt, acknowledgement, escalatedAt);
    }

    public Alert resolved(Instant now) {
        return new Alert(id, rule, receivers, labels, summaryJa, summaryEn, link, State.RESOLVED, firstRaisedAt,
                lastSeenAt, now, acknowledgement, escalatedAt);
    }

    public Alert acknowledged(Acknowledgement ack) {
        return new Alert(id, rule, receivers, labels, summaryJa, summaryEn, link, state, firstRaisedAt, lastSeenAt,
                resolvedAt, ack, escalatedAt);
    }

    public Alert escalatedTo(String receiver, Instant now) {
        List<String> all = new ArrayList<>(receivers);
        if (!all.contains(receiver)) {
            all.add(receiver);
        }
        return new Alert(id, rule, all, labels, summaryJa, summaryEn, link, state, firstRaisedAt, lastSeenAt,
                resolvedAt, acknowledgement, now);
    }

    public boolean isFiring() {
        return state == State.FIRING;
    }

    public boolean isAcknowledged() {
        return acknowledgement != null;
    }

    public AlertRule.Severity severity() {
        return rule.severity();
    }

    /** The first receiver (the one older consumers know). */
    public String receiver() {
        return receivers.isEmpty() ? Receiver.PROMOTION_HQ : receivers.getFirst();
    }

    /** The id that a set of labels stands for: the same labels, the same alert. */
    public static String fingerprint(Map<String, String> labels) {
        StringBuilder canonical = new StringBuilder();
        new TreeMap<>(labels).forEach((key, value) -> canonical.append(key).append('=').append(value).append('\n'));
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(canonical.toString().getBytes(StandardCharsets.UTF_8));
            return "alr-" + HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
