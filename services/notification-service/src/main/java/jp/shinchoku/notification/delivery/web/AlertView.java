package jp.shinchoku.notification.delivery.web;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import jp.shinchoku.notification.alerts.Alert;
import jp.shinchoku.notification.alerts.Links;
import jp.shinchoku.notification.delivery.Dispatcher;

/** An alert as the inbox shows it: with its rule in Japanese, a whole link, and why it is muted if it is. */
record AlertView(String id, String rule, String ruleJa, String severity, String state, List<String> receivers,
        Map<String, String> labels, String summaryJa, String summaryEn, String link, Instant firstRaisedAt,
        Instant lastSeenAt, Instant resolvedAt, Alert.Acknowledgement acknowledgement, Instant escalatedAt,
        List<String> silencedBy, List<String> inhibitedBy) {

    static AlertView of(Alert alert, Dispatcher.Muting muting, Links links) {
        return new AlertView(alert.id(), alert.rule().name(), alert.rule().label(), alert.severity().name(),
                alert.state().name(), alert.receivers(), alert.labels(), alert.summaryJa(), alert.summaryEn(),
                links.resolve(alert.link()), alert.firstRaisedAt(), alert.lastSeenAt(),
                alert.resolvedAt(), alert.acknowledgement(), alert.escalatedAt(), muting.silencedBy(),
                muting.inhibitedBy());
    }
}
