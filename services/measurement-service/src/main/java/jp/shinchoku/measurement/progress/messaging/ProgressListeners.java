package jp.shinchoku.measurement.progress.messaging;

import java.util.List;

import jp.shinchoku.contracts.Topics;
import jp.shinchoku.contracts.plan.KpiDefinedV1;
import jp.shinchoku.measurement.kpis.KpiCatalog;
import jp.shinchoku.measurement.kpis.KpiDefinition;
import jp.shinchoku.measurement.kpis.messaging.KpiContracts;
import jp.shinchoku.measurement.progress.ProgressService;
import jp.shinchoku.platform.kafka.RecordBatches;
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

    /** A poll's definitions at once: one bulk write of the definitions, one of their progress. */
    @KafkaListener(id = "measurement-kpi-definitions", topics = Topics.Names.KPI_DEFINITIONS, batch = "true")
    void onKpiDefinitions(List<ConsumerRecord<String, Object>> records) {
        RecordBatches.handle(records, batch -> {
            List<KpiDefinition> definitions = batch.stream().map(ConsumerRecord::value)
                    .filter(KpiDefinedV1.class::isInstance).map(KpiDefinedV1.class::cast)
                    .map(KpiContracts::toDefinition).toList();
            kpis.saveAll(definitions);
            progress.recomputeAll(definitions.stream().map(KpiDefinition::id).distinct().toList());
        });
    }
}
