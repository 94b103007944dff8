package jp.shinchoku.notification.delivery;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The notification log: every message, and its delivery over each channel with the attempts made. A delivery's
 * outcome is stored with its {@code alert.delivered} event.
 */
public interface NotificationLog {

    /** Records a message and its deliveries (pending, or done for the inbox). */
    void record(Notification notification, List<Delivery> deliveries);

    /** Stores a delivery's new state; a delivered or dead-lettered one with its event. */
    void update(Delivery delivery);

    /** Pending deliveries whose next attempt is due. */
    List<Delivery> due(Instant now);

    Optional<Notification> notification(String id);

    Optional<Delivery> delivery(String id);

    /** Messages to a receiver (any, when null) since a time (any, when null), the latest first. */
    List<Notification> notifications(String receiver, Instant since, int limit);

    List<Delivery> deliveries(String notificationId);

    /** Deliveries of a status (any, when null), the latest first. */
    List<Delivery> deliveries(Delivery.Status status, int limit);
}
