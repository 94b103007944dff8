package jp.shinchoku.measurement.measurements;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/**
 * A value a department measured for a KPI (実績値), as accepted.
 *
 * @param idempotencyKey the key the department sent with it; the same key is accepted once
 */
public record Measurement(
        String id,
        String kpiId,
        String planId,
        String departmentCode,
        BigDecimal value,
        LocalDate measuredOn,
        String comment,
        String reportedBy,
        String idempotencyKey,
        Instant recordedAt) {

    public Measurement {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kpiId, "kpiId");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(measuredOn, "measuredOn");
        Objects.requireNonNull(idempotencyKey, "idempotencyKey");
    }

    /** Whether another submission under the same idempotency key asked for the same thing. */
    public boolean sameRequestAs(Measurement other) {
        return kpiId.equals(other.kpiId) && value.compareTo(other.value) == 0 && measuredOn.equals(other.measuredOn)
                && Objects.equals(comment, other.comment);
    }
}
