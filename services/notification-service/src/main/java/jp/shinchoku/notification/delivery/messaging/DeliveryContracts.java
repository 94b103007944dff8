package jp.shinchoku.notification.delivery.messaging;

import jp.shinchoku.contracts.notification.AlertDeliveredV1;
import jp.shinchoku.notification.delivery.Delivery;
import jp.shinchoku.notification.delivery.Notification;

/** Maps deliveries to their wire contract. */
public final class DeliveryContracts {

    private DeliveryContracts() {
    }

    /** A delivery that is done: delivered, or dead-lettered with the reason. */
    public static AlertDeliveredV1 delivered(Delivery delivery, Notification notification) {
        return new AlertDeliveredV1(delivery.id(), delivery.notificationId(), delivery.receiver(), delivery.channel(),
                delivery.target(), delivery.status() == Delivery.Status.DELIVERED ? "delivered" : "dead-lettered",
                delivery.attempts(), notification.alertIds(), delivery.lastError(), delivery.completedAt());
    }
}
