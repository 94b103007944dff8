package jp.shinchoku.contracts.measurement;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/**
 * {@code measurement.recorded.v1}: a department's measured value for a KPI was accepted.
 *
 * @param value            the number (a boolean KPI's is 1 for realized, 0 for not yet); null for a qualitative KPI
 * @param text             a qualitative KPI's reported text; null otherwise
 * @param period           the reporting period the value belongs to: {@code FY2024}, {@code FY2024-H1},
 *                         {@code FY2024-Q2} or a month {@code 2024-07}; absent in events written before the field existed
 * @param supersedes       for a correction: the measurement it replaces (which stays in the history)
 * @param correctionReason for a correction: why
 * @param numerator        for a percentage reported as numerator / denominator: the numerator ({@code value} is the
 *                         rate derived); absent otherwise and in events written before the field existed
 * @param denominator      the denominator, with {@code numerator}
 * @param awaitingApproval true when the municipality's 推進本部 approves reports and this one awaits it (提出済);
 *                         absent (false) where reports are taken without approval, and in events written before
 */
public record MeasurementRecordedV1(
        String measurementId,
        String kpiId,
        String planId,
        String departmentCode,
        BigDecimal value,
        LocalDate measuredOn,
        String reportedBy,
        Instant recordedAt,
        String text,
        String period,
        String comment,
        String supersedes,
        String correctionReason,
        BigDecimal numerator,
        BigDecimal denominator,
        Boolean awaitingApproval) {

    /** A measurement as producers before {@code awaitingApproval} wrote it. */
    public MeasurementRecordedV1(String measurementId, String kpiId, String planId, String departmentCode,
            BigDecimal value, LocalDate measuredOn, String reportedBy, Instant recordedAt, String text, String period,
            String comment, String supersedes, String correctionReason, BigDecimal numerator, BigDecimal denominator) {
        this(measurementId, kpiId, planId, departmentCode, value, measuredOn, reportedBy, recordedAt, text, period,
                comment, supersedes, correctionReason, numerator, denominator, null);
    }

    /** A value alone, as producers before {@code numerator} and {@code denominator} wrote it. */
    public MeasurementRecordedV1(String measurementId, String kpiId, String planId, String departmentCode,
            BigDecimal value, LocalDate measuredOn, String reportedBy, Instant recordedAt, String text, String period,
            String comment, String supersedes, String correctionReason) {
        this(measurementId, kpiId, planId, departmentCode, value, measuredOn, reportedBy, recordedAt, text, period,
                comment, supersedes, correctionReason, null, null);
    }

    public MeasurementRecordedV1 {
        Objects.requireNonNull(measurementId, "measurementId");
        Objects.requireNonNull(kpiId, "kpiId");
        Objects.requireNonNull(measuredOn, "measuredOn");
        Objects.requireNonNull(recordedAt, "recordedAt");
        awaitingApproval = Boolean.TRUE.equals(awaitingApproval);
    }
}
