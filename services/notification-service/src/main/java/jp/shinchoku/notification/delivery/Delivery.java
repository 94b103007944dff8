package jp.shinchoku.notification.delivery;

import java.time.Duration;
import java.time.Instant;

/**
 * A notification's delivery over one channel to one target, retried with backoff until it succeeds or is given up
 * (a dead letter, kept with the reason).
 *
 * @param channel {@code inbox}, {@code email} or {@code webhook}
 * @param target  the address or URL; none for the inbox
 */
public record Delivery(String id, String notificationId, String receiver, String channel, String target,
        Status status, int attempts, Instant nextAttemptAt, String lastError, Instant completedAt, Instant createdAt) {

    public enum Status {
        PENDING, DELIVERED, DEAD_LETTERED
    }

    public static Delivery pending(String id, Notification notification, Endpoint endpoint, Instant now) {
        return new Delivery(id, notification.id(), notification.receiver(), endpoint.channel(), endpoint.target(),
                Status.PENDING, 0, now, null, null, now);
    }

    public Delivery delivered(Instant now) {
        return new Delivery(id, notificationId, receiver, channel, target, Status.DELIVERED, attempts + 1, null, null, now,
                createdAt);
    }

    public Delivery failed(String error, Duration retryAfter, Instant now) {
        return new Delivery(id, notificationId, receiver, channel, target, Status.PENDING, attempts + 1,
                now.plus(retryAfter), error, null, createdAt);
    }

    public Delivery deadLettered(String error, Instant now) {
        return new Delivery(id, notificationId, receiver, channel, target, Status.DEAD_LETTERED, attempts + 1, null,
                error, now, createdAt);
    }

    /** A dead letter sent again (by an operator, once the target works): one more round of attempts. */
    public Delivery retried(Instant now) {
        return new Delivery(id, notificationId, receiver, channel, target, Status.PENDING, 0, now, lastError, null,
                createdAt);
    }
}
