package jp.shinchoku.contracts.measurement;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/** {@code measurement.recorded.v1}: a department's measured value for a KPI was accepted. */
public record MeasurementRecordedV1(
        String measurementId,
        String kpiId,
        String planId,
        String departmentCode,
        BigDecimal value,
        LocalDate measuredOn,
        String reportedBy,
        Instant recordedAt) {

    public MeasurementRecordedV1 {
        Objects.requireNonNull(measurementId, "measurementId");
        Objects.requireNonNull(kpiId, "kpiId");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(measuredOn, "measuredOn");
        Objects.requireNonNull(recordedAt, "recordedAt");
    }
}
