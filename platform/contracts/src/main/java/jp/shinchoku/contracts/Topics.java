package jp.shinchoku.contracts;

import java.util.List;

/** The topics the services exchange events over. */
public final class Topics {

    /** Plan lifecycle: published, revised, milestone status changed. Keyed by plan id. Produced by the plan service. */
    public static final Topic PLAN_EVENTS = new Topic(Names.PLAN_EVENTS, "planId", false);

    /**
     * The full current definition of every KPI, keyed by KPI id and compacted, so that a new consumer can
     * rebuild its view of all KPIs from the beginning of the topic. Produced by the plan service.
     */
    public static final Topic KPI_DEFINITIONS = new Topic(Names.KPI_DEFINITIONS, "kpiId", true);

    /**
     * The municipalities' department registries (担当部署): the current entry of each department, keyed by
     * {@code municipality/departmentCode} and compacted. Produced by the plan service.
     */
    public static final Topic DEPARTMENTS = new Topic(Names.DEPARTMENTS, "municipality/departmentCode", true);

    /** Accepted measured values. Keyed by KPI id. Produced by the measurement service. */
    public static final Topic MEASUREMENT_EVENTS = new Topic(Names.MEASUREMENT_EVENTS, "kpiId", false);

    /**
     * Departments' own systems report measured values here ({@code measurement.reported.v1}), keyed by KPI id.
     * Consumed by the measurement service.
     */
    public static final Topic MEASUREMENT_REPORTS = new Topic(Names.MEASUREMENT_REPORTS, "kpiId", false);

    /**
     * Reports from {@link #MEASUREMENT_REPORTS} that could not be accepted, with the reason
     * ({@code measurement.rejected.v1}), keyed by KPI id. Produced by the measurement service.
     */
    public static final Topic MEASUREMENT_REJECTIONS = new Topic(Names.MEASUREMENT_REJECTIONS, "kpiId", false);

    /** Changes in a KPI's progress (status, achievement). Keyed by KPI id. Produced by the measurement service. */
    public static final Topic KPI_PROGRESS = new Topic(Names.KPI_PROGRESS, "kpiId", false);

    /** Alert lifecycle: raised, resolved, acknowledged. Keyed by alert id. Produced by the notification service. */
    public static final Topic ALERT_EVENTS = new Topic(Names.ALERT_EVENTS, "alertId", false);

    /**
     * Who was told what: each notification's delivery (or dead letter) per channel. Keyed by notification id.
     * Produced by the notification service.
     */
    public static final Topic ALERT_DELIVERIES = new Topic(Names.ALERT_DELIVERIES, "notificationId", false);

    private Topics() {
    }

    /** The topic names as compile-time constants, for {@code @KafkaListener(topics = ...)}. */
    public static final class Names {
        public static final String PLAN_EVENTS = "shinchoku.plan.events";
        public static final String KPI_DEFINITIONS = "shinchoku.plan.kpi-definitions";
        public static final String DEPARTMENTS = "shinchoku.plan.departments";
        public static final String MEASUREMENT_EVENTS = "shinchoku.measurement.events";
        public static final String MEASUREMENT_REPORTS = "shinchoku.measurement.reports";
        public static final String MEASUREMENT_REJECTIONS = "shinchoku.measurement.rejections";
        public static final String KPI_PROGRESS = "shinchoku.measurement.kpi-progress";
        public static final String ALERT_EVENTS = "shinchoku.notification.alerts";
        public static final String ALERT_DELIVERIES = "shinchoku.notification.deliveries";

        private Names() {
        }
    }

    public static List<Topic> all() {
        return List.of(PLAN_EVENTS, KPI_DEFINITIONS, DEPARTMENTS, MEASUREMENT_EVENTS, MEASUREMENT_REPORTS,
                MEASUREMENT_REJECTIONS, KPI_PROGRESS, ALERT_EVENTS, ALERT_DELIVERIES);
    }
}
