package jp.shinchoku.notification.alerts;

/** What happened to an alert, raised by the alert's writes and published as the alert's events. */
public sealed interface AlertEvent {

    Alert alert();

    record Raised(Alert alert) implements AlertEvent {
    }

    record Resolved(Alert alert) implements AlertEvent {
    }

    record Acknowledged(Alert alert) implements AlertEvent {
    }
}
