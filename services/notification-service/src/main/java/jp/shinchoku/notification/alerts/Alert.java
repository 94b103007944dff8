package jp.shinchoku.notification.alerts;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

/**
 * An alert in a receiver's inbox. It is identified by its labels (as in Prometheus Alertmanager): the same
 * condition seen again is the same alert, updated rather than raised anew; it resolves when the condition clears.
 */
public record Alert(
        String id,
        AlertRule rule,
        String receiver,
        Map<String, String> labels,
        String summaryJa,
        String summaryEn,
        State state,
        Instant firstRaisedAt,
        Instant lastSeenAt,
        Instant resolvedAt) {

    public enum State {
        FIRING, RESOLVED
    }

    public Alert {
        labels = Map.copyOf(labels);
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
