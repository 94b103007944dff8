package jp.shinchoku.contracts.measurement;

import java.time.Instant;
import java.util.Objects;

/**
 * {@code measurement.rejected.v1}: a report that came in on {@code shinchoku.measurement.reports} could not be
 * accepted, and why, so the department's system can correct and resend it. Its id is derived from the report's, so
 * a redelivered report's rejection can be recognized as the same.
 *
 * @param reportId     the rejected report's CloudEvent id
 * @param reportSource the rejected report's CloudEvent source (the department's system)
 * @param reason       a code: {@code UNKNOWN_KPI}, {@code RETIRED_KPI}, {@code MISSING_VALUE}, {@code INVALID_VALUE},
 *                     {@code OUT_OF_RANGE}, {@code INVALID_DATE}, {@code FUTURE_DATE}, {@code OUTSIDE_PLAN_PERIOD},
 *                     {@code INVALID_PERIOD}, {@code MISSING_REASON}, {@code MEASUREMENT_NOT_FOUND},
 *                     {@code ALREADY_SUPERSEDED}, {@code IDEMPOTENCY_KEY_REUSED} or {@code PERIOD_CLOSED} (a fiscal year its
 *                     plan has closed)
 * @param report       the report as it was received
 */
public record MeasurementRejectedV1(
        String reportId,
        String reportSource,
        String kpiId,
        String reason,
        String messageJa,
        String messageEn,
        Instant rejectedAt,
        MeasurementReportedV1 report) {

    public MeasurementRejectedV1 {
        Objects.requireNonNull(reportId, "reportId");
        Objects.requireNonNull(reason, "reason");
    }

    /** The record key: the KPI, or the report's id when the report did not name one. */
    public String key() {
        return kpiId == null || kpiId.isBlank() ? reportId : kpiId;
    }
}
