package jp.shinchoku.measurement.progress.messaging;

import jp.shinchoku.contracts.Topics;
import jp.shinchoku.contracts.plan.KpiDefinedV1;
import jp.shinchoku.measurement.kpis.KpiCatalog;
import jp.shinchoku.measurement.kpis.messaging.KpiContracts;
import jp.shinchoku.measurement.progress.ProgressService;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Keeps progress current when the plan service defines or changes a KPI (safe to repeat). A recorded value updates
 * progress on the path that records it ({@code AfterRecording}), not through this service's own topic.
 */
@Component
class ProgressListeners {

    private final KpiCatalog kpis;
    private final ProgressService progress;

    ProgressListeners(KpiCatalog kpis, ProgressService progress) {
        this.kpis = kpis;
        this.progress = progress;
    }

    @KafkaListener(id = "measurement-kpi-definitions", topics = Topics.Names.KPI_DEFINITIONS)
    void onKpiDefinition(ConsumerRecord<String, Object> record) {
        if (record.value() instanceof KpiDefinedV1 defined) {
            kpis.save(KpiContracts.toDefinition(defined));
            progress.recompute(defined.kpiId());
        }
    }
}
