package jp.shinchoku.notification.alerts.messaging;

import jp.shinchoku.contracts.Topics;
import jp.shinchoku.contracts.measurement.KpiProgressChangedV1;
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
 * Evaluates the alert rules whenever a KPI's definition or progress changes. Each event is handled once per
 * {@code ce_id}; handling it twice (after a crash between the two steps) still raises one alert.
 */
@Component
class AlertTriggers {

    private static final String DEFINITIONS = "notification-kpi-definitions";
    private static final String PROGRESS = "notification-kpi-progress";

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
            once(DEFINITIONS, record, () -> alerts.evaluate(kpis.saveDefinition(defined.kpiId(), defined.planId(),
                    defined.measureCode(), defined.departmentCode(), defined.name(),
                    defined.target() == null ? null : defined.target().due(), Boolean.TRUE.equals(defined.retired()))));
        }
    }

    @KafkaListener(id = PROGRESS, topics = Topics.Names.KPI_PROGRESS)
    void onKpiProgress(ConsumerRecord<String, Object> record) {
        if (record.value() instanceof KpiProgressChangedV1 changed) {
            once(PROGRESS, record, () -> {
                KpiWatch watch = kpis.saveProgress(changed.kpiId(), changed.planId(), changed.departmentCode(),
                        changed.deadline(), changed.status(), changed.achievement(), changed.expectedAchievement(),
                        changed.asOf());
                alerts.evaluate(watch);
            });
        }
    }

    private void once(String consumer, ConsumerRecord<String, Object> record, Runnable handling) {
        String eventId = EventMetadata.of(record).id();
        if (processed.alreadyHandled(consumer, eventId)) {
            return;
        }
        handling.run();
        processed.handled(consumer, eventId);
    }
}
