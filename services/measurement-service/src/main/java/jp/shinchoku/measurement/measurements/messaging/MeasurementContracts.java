package jp.shinchoku.measurement.measurements.messaging;

import jp.shinchoku.contracts.measurement.MeasurementRecordedV1;
import jp.shinchoku.measurement.measurements.Measurement;

/** Maps accepted measurements to their wire contract. */
public final class MeasurementContracts {

    private MeasurementContracts() {
    }

    public static MeasurementRecordedV1 recorded(Measurement measurement) {
        return new MeasurementRecordedV1(measurement.id(), measurement.kpiId(), measurement.planId(),
                measurement.departmentCode(), measurement.value(), measurement.measuredOn(), measurement.reportedBy(),
                measurement.recordedAt());
    }
}
