package jp.shinchoku.contracts;

import java.util.List;

/** The topics the services exchange events over. */
public final class Topics {

    /** Plan lifecycle: published, revised. Keyed by plan id. Produced by the plan service. */
    public static final Topic PLAN_EVENTS = new Topic("shinchoku.plan.events", "planId", false);

    /**
     * The full current definition of every KPI, keyed by KPI id and compacted, so that a new consumer can
     * rebuild its view of all KPIs from the beginning of the topic. Produced by the plan service.
     */
    public static final Topic KPI_DEFINITIONS = new Topic("shinchoku.plan.kpi-definitions", "kpiId", true);

    /** Accepted measured values. Keyed by KPI id. Produced by the measurement service. */
    public static final Topic MEASUREMENT_EVENTS = new Topic("shinchoku.measurement.events", "kpiId", false);

    /** Changes in a KPI's progress (status, achievement). Keyed by KPI id. Produced by the measurement service. */
    public static final Topic KPI_PROGRESS = new Topic("shinchoku.measurement.kpi-progress", "kpiId", false);

    /** Alert lifecycle. Keyed by alert id. Produced by the notification service. */
    public static final Topic ALERT_EVENTS = new Topic("shinchoku.notification.alerts", "alertId", false);

    private Topics() {
    }

    public static List<Topic> all() {
        return List.of(PLAN_EVENTS, KPI_DEFINITIONS, MEASUREMENT_EVENTS, KPI_PROGRESS, ALERT_EVENTS);
    }
}
