package jp.shinchoku.notification.alerts.messaging;

import jp.shinchoku.contracts.notification.AlertAcknowledgedV1;
import jp.shinchoku.contracts.notification.AlertRaisedV1;
import jp.shinchoku.contracts.notification.AlertResolvedV1;
import jp.shinchoku.notification.alerts.Alert;
import jp.shinchoku.notification.alerts.Links;

/** Maps alerts to their wire contracts. */
public final class AlertContracts {

    private AlertContracts() {
    }

    /** Consumers get the alert's link whole. */
    public static AlertRaisedV1 raised(Alert alert, Links links) {
        return new AlertRaisedV1(alert.id(), alert.rule().name(), alert.receiver(), alert.labels(), alert.summaryJa(),
                alert.lastSeenAt(), alert.receivers(), alert.severity().name(), alert.summaryEn(),
                links.resolve(alert.link()));
    }

    public static AlertResolvedV1 resolved(Alert alert) {
        return new AlertResolvedV1(alert.id(), alert.rule().name(), alert.receivers(), alert.labels(),
                alert.summaryJa(), alert.firstRaisedAt(), alert.resolvedAt());
    }

    public static AlertAcknowledgedV1 acknowledged(Alert alert) {
        Alert.Acknowledgement ack = alert.acknowledgement();
        return new AlertAcknowledgedV1(alert.id(), alert.rule().name(), alert.labels(), ack.by(), ack.comment(),
                ack.at());
    }
}
