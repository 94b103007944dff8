package jp.shinchoku.contracts.notification;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * {@code alert.delivered.v1}: a notification (one message about a group of alerts) reached a receiver over a
 * channel, or was given up after its last attempt. Keyed by notification id.
 *
 * @param channel  {@code inbox}, {@code email} or {@code webhook}
 * @param target   the address or URL (none for the inbox)
 * @param outcome  {@code delivered} or {@code dead-lettered} (every attempt failed, or the target is not allowed)
 * @param alertIds the alerts the message was about
 * @param error    why the last attempt failed, for a dead letter
 */
public record AlertDeliveredV1(
        String deliveryId,
        String notificationId,
        String receiver,
        String channel,
        String target,
        String outcome,
        int attempts,
        List<String> alertIds,
        String error,
        Instant at) {

    public AlertDeliveredV1 {
        Objects.requireNonNull(deliveryId, "deliveryId");
        Objects.requireNonNull(notificationId, "notificationId");
        Objects.requireNonNull(receiver, "receiver");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(at, "at");
        alertIds = alertIds == null ? List.of() : List.copyOf(alertIds);
    }
}
