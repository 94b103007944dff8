package jp.shinchoku.notification.alerts;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * A rule's verdict that something needs attention: what (the labels identify it), the message to show, and where
 * to read more ({@code link}, as {@link Links} reads it).
 */
public record AlertCondition(AlertRule rule, Map<String, String> labels, String summaryJa, String summaryEn,
        String link) {

    public AlertCondition {
        labels = Map.copyOf(labels);
    }

    /**
     * Labels that say where a KPI or a milestone sits. They come from its definition, which may arrive after a report
     * about it, and change when a measure moves to another department; they describe an alert, never make it another.
     */
    private static final Set<String> PLACE = Set.of("municipality", "planId", "measure", "departmentCode");

    /** The alert this condition stands for: the same rule about the same thing, however it is placed now. */
    public String alertId() {
        return Alert.fingerprint(identity(labels));
    }

    static Map<String, String> identity(Map<String, String> labels) {
        if (!labels.containsKey("kpiId") && !labels.containsKey("milestoneId")) {
            return labels;
        }
        Map<String, String> identity = new HashMap<>(labels);
        // a KPI's id names its plan; a milestone's is read with its plan's
        identity.keySet().removeAll(labels.containsKey("kpiId") ? PLACE : Set.of("measure", "departmentCode"));
        return identity;
    }

    /** The link to a KPI's progress. */
    static String kpiLink(String kpiId) {
        return Links.measurement("/api/kpis/" + kpiId + "/progress");
    }
}
