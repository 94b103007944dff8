package jp.shinchoku.measurement.measurements.messaging;

import jp.shinchoku.contracts.measurement.MeasurementRecordedV1;
import jp.shinchoku.contracts.measurement.MeasurementRejectedV1;
import jp.shinchoku.contracts.measurement.MeasurementReportedV1;
import jp.shinchoku.measurement.measurements.Measurement;
import jp.shinchoku.measurement.measurements.MeasurementRejectedException;
import jp.shinchoku.measurement.measurements.ReportRejected;

/** Maps accepted measurements to their wire contract. */
public final class MeasurementContracts {

    private MeasurementContracts() {
    }

    public static MeasurementRecordedV1 recorded(Measurement measurement) {
        return new MeasurementRecordedV1(measurement.id(), measurement.kpiId(), measurement.planId(),
                measurement.departmentCode(), measurement.value(), measurement.measuredOn(), measurement.reportedBy(),
                measurement.recordedAt(), measurement.text(), measurement.period().code(), measurement.comment(),
                measurement.supersedes(), measurement.correctionReason(), measurement.numerator(),
                measurement.denominator(), measurement.awaitingApproval());
    }

    /** The answer to a report from Kafka that could not be accepted. */
    public static MeasurementRejectedV1 rejected(ReportRejected rejected, MeasurementReportedV1 report) {
        MeasurementRejectedException e = rejected.reason();
        return new MeasurementRejectedV1(rejected.eventId(), rejected.source(), report.kpiId(), e.reason().name(),
                e.messageJa(), e.messageEn(), rejected.at(), report);
    }
}
