package jp.shinchoku.measurement.progress.messaging;

import jp.shinchoku.contracts.Topics;
import jp.shinchoku.contracts.measurement.MeasurementRecordedV1;
import jp.shinchoku.contracts.plan.KpiDefinedV1;
import jp.shinchoku.measurement.kpis.KpiCatalog;
import jp.shinchoku.measurement.kpis.messaging.KpiContracts;
import jp.shinchoku.measurement.measurements.MeasurementRepository;
import jp.shinchoku.measurement.progress.ProgressService;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Keeps progress current: when the plan service defines or changes a KPI, and when a measurement was
 * recorded (this service's own event, so that a crash between storing a measurement and updating progress
 * loses nothing). Both handlers are safe to repeat.
 */
@Component
class ProgressListeners {

    private final KpiCatalog kpis;
    private final MeasurementRepository measurements;
    private final ProgressService progress;

    ProgressListeners(KpiCatalog kpis, MeasurementRepository measurements, ProgressService progress) {
        this.kpis = kpis;
        this.measurements = measurements;
        this.progress = progress;
    }

    @KafkaListener(id = "measurement-kpi-definitions", topics = Topics.Names.KPI_DEFINITIONS)
    void onKpiDefinition(ConsumerRecord<String, Object> record) {
        if (record.value() instanceof KpiDefinedV1 defined) {
            kpis.save(KpiContracts.toDefinition(defined));
            progress.recompute(defined.kpiId());
        }
    }

    @KafkaListener(id = "measurement-recorded", topics = Topics.Names.MEASUREMENT_EVENTS)
    void onMeasurementRecorded(ConsumerRecord<String, Object> record) {
        if (record.value() instanceof MeasurementRecordedV1 recorded) {
            measurements.findById(recorded.measurementId()).ifPresent(progress::record);
        }
    }
}
