package jp.shinchoku.notification.delivery;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A receiver's group of alerts (those with the same values of the group-by labels) and what it was last told.
 *
 * @param createdAt      when the group first had a firing alert (the group wait counts from here)
 * @param lastNotifiedAt when its last message went out; null before the first
 * @param notified       the firing alerts the last message told of
 */
public record NotificationGroup(String key, String receiver, Map<String, String> labels, Instant createdAt,
        Instant lastNotifiedAt, List<String> notified) {

    public NotificationGroup {
        labels = Map.copyOf(labels);
        notified = notified == null ? List.of() : List.copyOf(notified);
    }

    public NotificationGroup told(List<String> firing, Instant now) {
        return new NotificationGroup(key, receiver, labels, createdAt, now, firing);
    }

    public NotificationGroup withNotified(List<String> firing) {
        return new NotificationGroup(key, receiver, labels, createdAt, lastNotifiedAt, firing);
    }
}
