package jp.shinchoku.contracts.measurement;

/**
 * {@code measurement.reported.v1}: a department's own system reports a measured value, the same report as the REST
 * API takes, on {@code shinchoku.measurement.reports}. Its JSON Schema is published as
 * {@code measurement.reported.v1.schema.json}. Every field is text or a JSON scalar as sent: the measurement service
 * checks them and answers a report it cannot accept with {@code measurement.rejected.v1}, never by losing it.
 *
 * @param value          a number, {@code true}/{@code false} for a boolean KPI, or text for a qualitative one
 * @param measuredOn     {@code 2024-09-30}, {@code 2024/9/30} or {@code 令和6年9月30日}
 * @param period         the reporting period ({@code FY2024-Q2}, {@code 2024-07}, {@code 令和6年度上期}); absent = the
 *                       period of the plan's cadence that contains {@code measuredOn}
 * @param idempotencyKey absent = the CloudEvent's {@code ce_source} and {@code ce_id}, so a redelivered event is
 *                       recorded once
 * @param supersedes     to correct an earlier value: its measurement id (then {@code reason} is required)
 * @param numerator      a percentage reported as numerator / denominator (記載した業務数 / 業務数): the numerator;
 *                       {@code value} may then be left out (the rate is derived) or must agree
 * @param denominator    the denominator, with {@code numerator}
 */
public record MeasurementReportedV1(
        String kpiId,
        String value,
        String measuredOn,
        String period,
        String comment,
        String reportedBy,
        String idempotencyKey,
        String supersedes,
        String reason,
        String numerator,
        String denominator) {

    /** A report of a value alone, as producers before {@code numerator} and {@code denominator} wrote it. */
    public MeasurementReportedV1(String kpiId, String value, String measuredOn, String period, String comment,
            String reportedBy, String idempotencyKey, String supersedes, String reason) {
        this(kpiId, value, measuredOn, period, comment, reportedBy, idempotencyKey, supersedes, reason, null, null);
    }
}
