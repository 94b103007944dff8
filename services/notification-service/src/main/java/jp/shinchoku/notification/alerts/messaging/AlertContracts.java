package jp.shinchoku.notification.alerts.messaging;

import jp.shinchoku.contracts.notification.AlertRaisedV1;
import jp.shinchoku.notification.alerts.Alert;

/** Maps alerts to their wire contract. */
public final class AlertContracts {

    private AlertContracts() {
    }

    public static AlertRaisedV1 raised(Alert alert) {
        return new AlertRaisedV1(alert.id(), alert.rule().name(), alert.receiver(), alert.labels(), alert.summaryJa(),
                alert.lastSeenAt());
    }
}
