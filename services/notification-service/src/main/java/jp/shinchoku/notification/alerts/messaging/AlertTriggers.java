package jp.shinchoku.notification.alerts.messaging;

import jp.shinchoku.contracts.Topics;
import jp.shinchoku.contracts.measurement.KpiProgressChangedV1;
import jp.shinchoku.contracts.measurement.MeasurementRecordedV1;
import jp.shinchoku.contracts.plan.KpiDefinedV1;
import jp.shinchoku.notification.alerts.AlertService;
import jp.shinchoku.notification.kpis.KpiWatch;
import jp.shinchoku.notification.kpis.KpiWatchRepository;
import jp.shinchoku.platform.events.EventMetadata;
import jp.shinchoku.platform.inbox.ProcessedEvents;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Evaluates the alert rules whenever a KPI's definition or progress changes, and the missing-report rules when a
 * department reports. Each event is handled once per
 * {@code ce_id}; handling it twice (after a crash between the two steps) still raises one alert.
 */
@Component
class AlertTriggers {

    private static final String DEFINITIONS = "notification-kpi-definitions";
    private static final String PROGRESS = "notification-kpi-progress";
    private static final String REPORTS = "notification-measurements";

    private final KpiWatchRepository kpis;
    private final AlertService alerts;
    private final ProcessedEvents processed;

    AlertTriggers(KpiWatchRepository kpis, AlertService alerts, ProcessedEvents processed) {
        this.kpis = kpis;
        this.alerts = alerts;
        this.processed = processed;
    }

    @KafkaListener(id = DEFINITIONS, topics = Topics.Names.KPI_DEFINITIONS)
    void onKpiDefinition(ConsumerRecord<String, Object> record) {
        if (record.value() instanceof KpiDefinedV1 defined) {
            once(DEFINITIONS, record, () -> alerts.evaluate(kpis.saveDefinition(new KpiWatchRepository.Definition(
                    defined.kpiId(), defined.planId(), defined.municipalityCode(), defined.measureCode(),
                    defined.departmentCode(), defined.name(), defined.target() == null ? null : defined.target().due(),
                    Boolean.TRUE.equals(defined.retired()), defined.reportingCadence(),
                    defined.planPeriod() == null ? null : defined.planPeriod().fromFiscalYear(),
                    defined.planPeriod() == null ? null : defined.planPeriod().toFiscalYear(), defined.kind()))));
        }
    }

    @KafkaListener(id = PROGRESS, topics = Topics.Names.KPI_PROGRESS)
    void onKpiProgress(ConsumerRecord<String, Object> record) {
        if (record.value() instanceof KpiProgressChangedV1 changed) {
            once(PROGRESS, record, () -> {
                KpiWatch watch = kpis.saveProgress(changed.kpiId(), changed.planId(), changed.departmentCode(),
                        changed.deadline(), changed.status(), changed.previousStatus(), changed.achievement(),
                        changed.expectedAchievement(), changed.asOf());
                alerts.evaluate(watch);
            });
        }
    }

    /** A department reported: its missing-report digest shrinks or resolves. */
    @KafkaListener(id = REPORTS, topics = Topics.Names.MEASUREMENT_EVENTS)
    void onMeasurementRecorded(ConsumerRecord<String, Object> record) {
        if (record.value() instanceof MeasurementRecordedV1 recorded && recorded.period() != null) {
            once(REPORTS, record, () -> {
                KpiWatch watch = kpis.reported(recorded.kpiId(), recorded.period());
                if (watch.departmentCode() != null && watch.planId() != null) {
                    alerts.evaluateReports(kpis.findByPlan(watch.planId()), watch.departmentCode());
                }
            });
        }
    }

    private void once(String consumer, ConsumerRecord<String, Object> record, Runnable handling) {
        processed.once(consumer, EventMetadata.of(record).id(), handling);
    }
}
