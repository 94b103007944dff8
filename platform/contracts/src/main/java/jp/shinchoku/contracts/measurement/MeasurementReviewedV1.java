package jp.shinchoku.contracts.measurement;

import java.time.Instant;
import java.util.Objects;

/**
 * {@code measurement.reviewed.v1}: the 推進本部 approved (承認) a submitted report, or returned it (差戻し) to its
 * department with a reason; the department answers a return with a correction of the report. Keyed by KPI id, after the
 * report's {@code measurement.recorded.v1}.
 *
 * @param period     the report's reporting period ({@code FY2024-Q2})
 * @param decision   {@code APPROVED} or {@code RETURNED}
 * @param reason     why it was returned (required then); an optional remark on an approval
 * @param reviewedBy who decided (the token's subject)
 */
public record MeasurementReviewedV1(
        String measurementId,
        String kpiId,
        String planId,
        String municipalityCode,
        String departmentCode,
        String period,
        String decision,
        String reason,
        String reviewedBy,
        Instant reviewedAt) {

    public MeasurementReviewedV1 {
        Objects.requireNonNull(measurementId, "measurementId");
        Objects.requireNonNull(kpiId, "kpiId");
        Objects.requireNonNull(decision, "decision");
        Objects.requireNonNull(reviewedAt, "reviewedAt");
    }
}
