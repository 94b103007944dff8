package jp.shinchoku.contracts.measurement;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;

/**
 * {@code kpi.progress-changed.v1}: a KPI's progress changed.
 *
 * @param achievement         how far from baseline to target the latest value is (0 = baseline, 1 = target)
 * @param expectedAchievement where the trajectory from baseline to target says it should be on {@code asOf}
 * @param status              {@code ACHIEVED}, {@code ON_TRACK}, {@code AT_RISK}, {@code BEHIND}, {@code MISSED},
 *                            {@code NO_DATA}, {@code TARGET_UNDEFINED} or {@code NOT_MEASURABLE}
 * @param previousStatus      the status before this change; null for the first
 * @param grade               {@code S} (above the target), {@code A} (above the baseline), {@code B} (within ±10% of
 *                            the baseline), {@code C} (below it) or {@code −} (not measurable); absent in events written
 *                            before the field existed
 * @param previousGrade       the grade before this change; null for the first
 */
public record KpiProgressChangedV1(
        String kpiId,
        String planId,
        String departmentCode,
        LocalDate asOf,
        BigDecimal latestValue,
        BigDecimal achievement,
        BigDecimal expectedAchievement,
        String previousStatus,
        String status,
        LocalDate deadline,
        String grade,
        String previousGrade) {

    public KpiProgressChangedV1 {
        Objects.requireNonNull(kpiId, "kpiId");
        Objects.requireNonNull(planId, "planId");
        Objects.requireNonNull(asOf, "asOf");
        Objects.requireNonNull(status, "status");
    }
}
