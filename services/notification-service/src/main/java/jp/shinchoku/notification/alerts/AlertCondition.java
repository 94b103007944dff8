package jp.shinchoku.notification.alerts;

import java.util.Map;

/**
 * A rule's verdict that something needs attention: what (the labels identify it), the message to show, and where
 * to read more ({@code link}, as {@link Links} reads it).
 */
public record AlertCondition(AlertRule rule, Map<String, String> labels, String summaryJa, String summaryEn,
        String link) {

    public AlertCondition {
        labels = Map.copyOf(labels);
    }

    public String alertId() {
        return Alert.fingerprint(labels);
    }

    /** The link to a KPI's progress. */
    static String kpiLink(String kpiId) {
        return Links.measurement("/api/kpis/" + kpiId + "/progress");
    }
}
