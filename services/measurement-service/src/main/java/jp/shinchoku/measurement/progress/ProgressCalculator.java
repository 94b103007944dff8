package jp.shinchoku.measurement.progress;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;

import jp.shinchoku.measurement.kpis.KpiDefinition;
import jp.shinchoku.measurement.kpis.KpiKind;
import jp.shinchoku.measurement.measurements.Measurement;

/**
 * Computes a KPI's progress from its definition and measurements: achievement against a linear trajectory
 * from the baseline (value and date) to the target (value and deadline). A missing baseline value counts as 0
 * (the plans leave it blank for initiatives that start from nothing); a boolean KPI runs from 0 to 1.
 */
public final class ProgressCalculator {

    private static final int SCALE = 4;

    private final ProgressThresholds thresholds;

    public ProgressCalculator(ProgressThresholds thresholds) {
        this.thresholds = thresholds;
    }

    public Progress compute(KpiDefinition kpi, List<Measurement> measurements, LocalDate today) {
        if (kpi.kind() == KpiKind.QUALITATIVE) {
            return new Progress(kpi.id(), 0, today, null, null, null, ProgressStatus.NOT_MEASURABLE);
        }
        BigDecimal target = kpi.kind() == KpiKind.BOOLEAN ? BigDecimal.ONE : kpi.targetValue();
        if (kpi.kind() == KpiKind.UNDEFINED || target == null || kpi.due() == null) {
            return new Progress(kpi.id(), 0, today, latest(measurements), null, null, ProgressStatus.TARGET_UNDEFINED);
        }
        BigDecimal expected = expectedAchievement(kpi, today);
        BigDecimal latest = latest(measurements);
        if (latest == null) {
            ProgressStatus status = today.isAfter(kpi.due()) ? ProgressStatus.MISSED : ProgressStatus.NO_DATA;
            return new Progress(kpi.id(), 0, today, null, null, expected, status);
        }
        BigDecimal baseline = kpi.kind() == KpiKind.BOOLEAN || kpi.baselineValue() == null ? BigDecimal.ZERO : kpi.baselineValue();
        BigDecimal achievement = achievement(baseline, target, latest);
        return new Progress(kpi.id(), 0, today, latest, achievement, expected, status(achievement, expected, today, kpi.due()));
    }

    private ProgressStatus status(BigDecimal achievement, BigDecimal expected, LocalDate today, LocalDate due) {
        if (achievement.compareTo(BigDecimal.ONE) >= 0) {
            return ProgressStatus.ACHIEVED;
        }
        if (today.isAfter(due)) {
            return ProgressStatus.MISSED;
        }
        if (expected == null || expected.signum() == 0) {
            return ProgressStatus.ON_TRACK;
        }
        BigDecimal share = achievement.divide(expected, SCALE, RoundingMode.HALF_UP);
        if (share.compareTo(thresholds.behindBelow()) < 0) {
            return ProgressStatus.BEHIND;
        }
        if (share.compareTo(thresholds.atRiskBelow()) < 0) {
            return ProgressStatus.AT_RISK;
        }
        return ProgressStatus.ON_TRACK;
    }

    /** (latest − baseline) / (target − baseline); for a decrease both differences are negative. */
    static BigDecimal achievement(BigDecimal baseline, BigDecimal target, BigDecimal latest) {
        BigDecimal span = target.subtract(baseline);
        if (span.signum() == 0) {
            return latest.compareTo(target) == 0 ? BigDecimal.ONE.setScale(SCALE) : BigDecimal.ZERO.setScale(SCALE);
        }
        return latest.subtract(baseline).divide(span, SCALE, RoundingMode.HALF_UP);
    }

    /** The share of the time from the baseline's date to the deadline that has passed; null without a baseline date. */
    static BigDecimal expectedAchievement(KpiDefinition kpi, LocalDate today) {
        LocalDate start = kpi.baselineAsOf();
        if (start == null || !kpi.due().isAfter(start)) {
            return null;
        }
        long total = ChronoUnit.DAYS.between(start, kpi.due());
        long elapsed = Math.clamp(ChronoUnit.DAYS.between(start, today), 0, total);
        return BigDecimal.valueOf(elapsed).divide(BigDecimal.valueOf(total), SCALE, RoundingMode.HALF_UP);
    }

    /** The value measured last (by measurement date, then by when it was recorded). */
    private static BigDecimal latest(List<Measurement> measurements) {
        return measurements.stream()
                .max(Comparator.comparing(Measurement::measuredOn).thenComparing(Measurement::recordedAt))
                .map(Measurement::value)
                .orElse(null);
    }
}
