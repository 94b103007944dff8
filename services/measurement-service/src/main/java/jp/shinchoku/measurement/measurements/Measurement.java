package jp.shinchoku.measurement.measurements;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import jp.shinchoku.calendar.ReportingPeriod;

/**
 * A value a department measured for a KPI (実績値), as accepted. Never changed once kept: a correction is a new
 * measurement that {@code supersedes} this one, with its reason; both stay in the history.
 *
 * @param value            the number (a boolean KPI's is 1 for realized, 0 for not yet); null for a qualitative KPI
 * @param text             a qualitative KPI's reported text; null otherwise
 * @param period           the reporting period the value belongs to
 * @param idempotencyKey   the key the department sent with it; the same key is accepted once
 * @param supersedes       for a correction: the id of the measurement it replaces
 * @param correctionReason for a correction: why
 * @param numerator        for a percentage reported as numerator / denominator: the numerator ({@code value} is the
 *                         rate derived from both); null otherwise
 * @param denominator      the denominator, with {@code numerator}
 * @param origin           how it came (REST, CSV, ingress, portal); null where not known
 * @param awaitingApproval whether it was submitted (提出済) to a 推進本部 that approves reports: it then counts at
 *                         once, as provisional, until approved (承認) or returned (差戻し)
 */
public record Measurement(
        String id,
        String kpiId,
        String planId,
        String departmentCode,
        BigDecimal value,
        String text,
        LocalDate measuredOn,
        ReportingPeriod period,
        String comment,
        String reportedBy,
        String idempotencyKey,
        Instant recordedAt,
        String supersedes,
        String correctionReason,
        BigDecimal numerator,
        BigDecimal denominator,
        String origin,
        boolean awaitingApproval) {

    public Measurement {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kpiId, "kpiId");
        Objects.requireNonNull(measuredOn, "measuredOn");
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(idempotencyKey, "idempotencyKey");
        if (value == null && text == null) {
            throw new IllegalArgumentException("a measurement has a value or a text");
        }
    }

    /** A measurement taken without approval (kept before approval was, or where the 推進本部 does not approve). */
    public Measurement(String id, String kpiId, String planId, String departmentCode, BigDecimal value, String text,
            LocalDate measuredOn, ReportingPeriod period, String comment, String reportedBy, String idempotencyKey,
            Instant recordedAt, String supersedes, String correctionReason, BigDecimal numerator, BigDecimal denominator,
            String origin) {
        this(id, kpiId, planId, departmentCode, value, text, measuredOn, period, comment, reportedBy, idempotencyKey,
                recordedAt, supersedes, correctionReason, numerator, denominator, origin, false);
    }

    /** A measurement whose origin is not known (kept before origins were). */
    public Measurement(String id, String kpiId, String planId, String departmentCode, BigDecimal value, String text,
            LocalDate measuredOn, ReportingPeriod period, String comment, String reportedBy, String idempotencyKey,
            Instant recordedAt, String supersedes, String correctionReason, BigDecimal numerator, BigDecimal denominator) {
        this(id, kpiId, planId, departmentCode, value, text, measuredOn, period, comment, reportedBy, idempotencyKey,
                recordedAt, supersedes, correctionReason, numerator, denominator, null);
    }

    /** A measurement of a value alone (no numerator and denominator). */
    public Measurement(String id, String kpiId, String planId, String departmentCode, BigDecimal value, String text,
            LocalDate measuredOn, ReportingPeriod period, String comment, String reportedBy, String idempotencyKey,
            Instant recordedAt, String supersedes, String correctionReason) {
        this(id, kpiId, planId, departmentCode, value, text, measuredOn, period, comment, reportedBy, idempotencyKey,
                recordedAt, supersedes, correctionReason, null, null);
    }

    /** Whether another submission under the same idempotency key asked for the same thing. */
    public boolean sameRequestAs(Measurement other) {
        return kpiId.equals(other.kpiId) && sameNumber(value, other.value) && Objects.equals(text, other.text)
                && measuredOn.equals(other.measuredOn) && period.equals(other.period)
                && Objects.equals(comment, other.comment) && Objects.equals(supersedes, other.supersedes)
                && sameNumber(numerator, other.numerator) && sameNumber(denominator, other.denominator);
    }

    /** This measurement as progress needs it: without the comment, who reported it, how it came and its approval. */
    public Measurement forProgress() {
        return comment == null && reportedBy == null && origin == null && !awaitingApproval ? this
                : new Measurement(id, kpiId, planId, departmentCode, value, text, measuredOn, period, null, null,
                        idempotencyKey, recordedAt, supersedes, correctionReason, numerator, denominator);
    }

    public boolean isCorrection() {
        return supersedes != null;
    }

    /** The measurements of a history that no correction replaced: the ones progress is computed from. */
    public static List<Measurement> current(List<Measurement> history) {
        Set<String> superseded = history.stream().map(Measurement::supersedes).filter(Objects::nonNull)
                .collect(Collectors.toSet());
        return history.stream().filter(m -> !superseded.contains(m.id())).toList();
    }

    private static boolean sameNumber(BigDecimal a, BigDecimal b) {
        return Objects.equals(a, b) || (a != null && b != null && a.compareTo(b) == 0);
    }
}
