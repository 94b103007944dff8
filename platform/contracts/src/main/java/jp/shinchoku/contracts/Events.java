package jp.shinchoku.contracts;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import jp.shinchoku.contracts.measurement.KpiProgressChangedV1;
import jp.shinchoku.contracts.measurement.KpiYearJudgedV1;
import jp.shinchoku.contracts.measurement.MeasureEvaluationChangedV1;
import jp.shinchoku.contracts.measurement.MeasurementRecordedV1;
import jp.shinchoku.contracts.measurement.MeasurementRejectedV1;
import jp.shinchoku.contracts.measurement.MeasurementReportedV1;
import jp.shinchoku.contracts.measurement.MeasurementReviewedV1;
import jp.shinchoku.contracts.notification.AlertAcknowledgedV1;
import jp.shinchoku.contracts.notification.AlertDeliveredV1;
import jp.shinchoku.contracts.notification.AlertRaisedV1;
import jp.shinchoku.contracts.notification.AlertResolvedV1;
import jp.shinchoku.contracts.plan.DepartmentChangedV1;
import jp.shinchoku.contracts.plan.KpiDefinedV1;
import jp.shinchoku.contracts.plan.MilestoneStatusChangedV1;
import jp.shinchoku.contracts.plan.PlanPublishedV1;
import jp.shinchoku.contracts.plan.PlanReviewedV1;
import jp.shinchoku.contracts.plan.PlanRevisedV1;

/** The registry of every event contract, by logical type id. */
public final class Events {

    public static final EventType<PlanPublishedV1> PLAN_PUBLISHED = new EventType<>(
            "plan.published.v1", PlanPublishedV1.class, Topics.PLAN_EVENTS, PlanPublishedV1::planId);

    public static final EventType<PlanRevisedV1> PLAN_REVISED = new EventType<>(
            "plan.revised.v1", PlanRevisedV1.class, Topics.PLAN_EVENTS, PlanRevisedV1::planId);

    public static final EventType<PlanReviewedV1> PLAN_REVIEWED = new EventType<>(
            "plan.reviewed.v1", PlanReviewedV1.class, Topics.PLAN_EVENTS, PlanReviewedV1::planId);

    public static final EventType<DepartmentChangedV1> DEPARTMENT_CHANGED = new EventType<>(
            "department.changed.v1", DepartmentChangedV1.class, Topics.DEPARTMENTS, DepartmentChangedV1::key);

    public static final EventType<KpiDefinedV1> KPI_DEFINED = new EventType<>(
            "kpi.defined.v1", KpiDefinedV1.class, Topics.KPI_DEFINITIONS, KpiDefinedV1::kpiId);

    public static final EventType<MilestoneStatusChangedV1> MILESTONE_STATUS_CHANGED = new EventType<>(
            "milestone.status-changed.v1", MilestoneStatusChangedV1.class, Topics.PLAN_EVENTS,
            MilestoneStatusChangedV1::planId);

    public static final EventType<MeasurementRecordedV1> MEASUREMENT_RECORDED = new EventType<>(
            "measurement.recorded.v1", MeasurementRecordedV1.class, Topics.MEASUREMENT_EVENTS,
            MeasurementRecordedV1::kpiId);

    public static final EventType<MeasurementReviewedV1> MEASUREMENT_REVIEWED = new EventType<>(
            "measurement.reviewed.v1", MeasurementReviewedV1.class, Topics.MEASUREMENT_EVENTS,
            MeasurementReviewedV1::kpiId);

    public static final EventType<MeasurementReportedV1> MEASUREMENT_REPORTED = new EventType<>(
            "measurement.reported.v1", MeasurementReportedV1.class, Topics.MEASUREMENT_REPORTS,
            MeasurementReportedV1::kpiId);

    public static final EventType<MeasurementRejectedV1> MEASUREMENT_REJECTED = new EventType<>(
            "measurement.rejected.v1", MeasurementRejectedV1.class, Topics.MEASUREMENT_REJECTIONS,
            MeasurementRejectedV1::key);

    public static final EventType<KpiProgressChangedV1> KPI_PROGRESS_CHANGED = new EventType<>(
            "kpi.progress-changed.v1", KpiProgressChangedV1.class, Topics.KPI_PROGRESS,
            KpiProgressChangedV1::kpiId);

    public static final EventType<KpiYearJudgedV1> KPI_YEAR_JUDGED = new EventType<>(
            "kpi.year-judged.v1", KpiYearJudgedV1.class, Topics.KPI_PROGRESS, KpiYearJudgedV1::kpiId);

    public static final EventType<MeasureEvaluationChangedV1> MEASURE_EVALUATION_CHANGED = new EventType<>(
            "measure.evaluation-changed.v1", MeasureEvaluationChangedV1.class, Topics.MEASUREMENT_EVENTS,
            MeasureEvaluationChangedV1::planId);

    public static final EventType<AlertRaisedV1> ALERT_RAISED = new EventType<>(
            "alert.raised.v1", AlertRaisedV1.class, Topics.ALERT_EVENTS, AlertRaisedV1::alertId);

    public static final EventType<AlertResolvedV1> ALERT_RESOLVED = new EventType<>(
            "alert.resolved.v1", AlertResolvedV1.class, Topics.ALERT_EVENTS, AlertResolvedV1::alertId);

    public static final EventType<AlertAcknowledgedV1> ALERT_ACKNOWLEDGED = new EventType<>(
            "alert.acknowledged.v1", AlertAcknowledgedV1.class, Topics.ALERT_EVENTS, AlertAcknowledgedV1::alertId);

    public static final EventType<AlertDeliveredV1> ALERT_DELIVERED = new EventType<>(
            "alert.delivered.v1", AlertDeliveredV1.class, Topics.ALERT_DELIVERIES, AlertDeliveredV1::notificationId);

    private static final List<EventType<?>> ALL = List.of(
            PLAN_PUBLISHED, PLAN_REVISED, PLAN_REVIEWED, KPI_DEFINED, MILESTONE_STATUS_CHANGED, DEPARTMENT_CHANGED,
            MEASUREMENT_RECORDED, MEASUREMENT_REVIEWED, MEASUREMENT_REPORTED, MEASUREMENT_REJECTED, KPI_PROGRESS_CHANGED,
            KPI_YEAR_JUDGED, MEASURE_EVALUATION_CHANGED, ALERT_RAISED, ALERT_RESOLVED, ALERT_ACKNOWLEDGED, ALERT_DELIVERED);

    private static final Map<String, EventType<?>> BY_ID = ALL.stream()
            .collect(Collectors.toUnmodifiableMap(EventType::id, Function.identity()));

    private Events() {
    }

    public static List<EventType<?>> all() {
        return ALL;
    }

    public static Optional<EventType<?>> byId(String typeId) {
        return Optional.ofNullable(typeId).map(BY_ID::get);
    }

    /** The event type whose payload is this record class. */
    @SuppressWarnings("unchecked")
    public static <T> EventType<T> ofPayload(Class<T> payloadType) {
        return (EventType<T>) ALL.stream()
                .filter(type -> type.payloadType().equals(payloadType))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("not an event contract: " + payloadType.getName()));
    }
}
