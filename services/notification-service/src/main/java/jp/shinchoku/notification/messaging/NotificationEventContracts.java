package jp.shinchoku.notification.messaging;

import jp.shinchoku.contracts.Events;
import jp.shinchoku.notification.alerts.AlertEvent;
import jp.shinchoku.notification.alerts.Links;
import jp.shinchoku.notification.alerts.messaging.AlertContracts;
import jp.shinchoku.notification.delivery.Delivered;
import jp.shinchoku.notification.delivery.messaging.DeliveryContracts;
import jp.shinchoku.platform.outbox.EventContracts;
import jp.shinchoku.platform.outbox.Outbox.OutboxEvent;
import org.springframework.stereotype.Component;

/** The events this service publishes, from what its domain raises. */
@Component
class NotificationEventContracts implements EventContracts {

    private final Links links;

    NotificationEventContracts(Links links) {
        this.links = links;
    }

    @Override
    public OutboxEvent<?> contractOf(Object event) {
        return switch (event) {
            case AlertEvent.Raised raised -> new OutboxEvent<>(Events.ALERT_RAISED, AlertContracts.raised(raised.alert(), links));
            case AlertEvent.Resolved resolved -> new OutboxEvent<>(Events.ALERT_RESOLVED, AlertContracts.resolved(resolved.alert()));
            case AlertEvent.Acknowledged acknowledged -> new OutboxEvent<>(Events.ALERT_ACKNOWLEDGED,
                    AlertContracts.acknowledged(acknowledged.alert()));
            case Delivered delivered -> new OutboxEvent<>(Events.ALERT_DELIVERED,
                    DeliveryContracts.delivered(delivered.delivery(), delivered.notification()));
            default -> throw new IllegalArgumentException("the notification service publishes no " + event.getClass());
        };
    }
}
