package jp.shinchoku.measurement.messaging;

import jp.shinchoku.contracts.Events;
import jp.shinchoku.measurement.approvals.Approvals;
import jp.shinchoku.measurement.evaluations.Evaluations;
import jp.shinchoku.measurement.evaluations.messaging.EvaluationContracts;
import jp.shinchoku.measurement.approvals.messaging.ApprovalContracts;
import jp.shinchoku.contracts.measurement.MeasurementReportedV1;
import jp.shinchoku.measurement.measurements.Measurement;
import jp.shinchoku.measurement.measurements.ReportRejected;
import jp.shinchoku.measurement.measurements.messaging.MeasurementContracts;
import jp.shinchoku.measurement.progress.ProgressChange;
import jp.shinchoku.measurement.progress.messaging.ProgressContracts;
import jp.shinchoku.platform.outbox.EventContracts;
import jp.shinchoku.platform.outbox.Outbox.OutboxEvent;
import org.springframework.stereotype.Component;

/** The events this service publishes, from what its domain raises. */
@Component
class MeasurementEventContracts implements EventContracts {

    @Override
    public OutboxEvent<?> contractOf(Object event) {
        return switch (event) {
            case Measurement recorded -> new OutboxEvent<>(Events.MEASUREMENT_RECORDED, MeasurementContracts.recorded(recorded));
            case ProgressChange change -> new OutboxEvent<>(Events.KPI_PROGRESS_CHANGED, ProgressContracts.changed(change));
            case Approvals.MeasurementReviewed reviewed -> new OutboxEvent<>(Events.MEASUREMENT_REVIEWED,
                    ApprovalContracts.reviewed(reviewed));
            case ProgressChange.YearJudged judged -> new OutboxEvent<>(Events.KPI_YEAR_JUDGED, ProgressContracts.judged(judged));
            case Evaluations.EvaluationChanged changed -> new OutboxEvent<>(Events.MEASURE_EVALUATION_CHANGED,
                    EvaluationContracts.changed(changed));
            case ReportRejected rejected -> new OutboxEvent<>(Events.MEASUREMENT_REJECTED,
                    MeasurementContracts.rejected(rejected, (MeasurementReportedV1) rejected.received()));
            default -> throw new IllegalArgumentException("the measurement service publishes no " + event.getClass());
        };
    }
}
