package jp.shinchoku.notification.alerts;

import java.util.Map;

/** A rule's verdict that something needs attention: what, for whom, and the message to show. */
public record AlertCondition(AlertRule rule, String receiver, Map<String, String> labels, String summaryJa,
        String summaryEn) {

    public String alertId() {
        return Alert.fingerprint(labels);
    }
}
