package jp.shinchoku.measurement.progress;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;

/**
 * A KPI's progress on a date.
 *
 * @param achievement         0 at the baseline, 1 at the target (may exceed 1); null without data or target
 * @param expectedAchievement where the linear trajectory from baseline to target is on {@code asOf}
 * @param revision            how many changes came before this one (0 for the first progress of a KPI)
 */
public record Progress(
        String kpiId,
        long revision,
        LocalDate asOf,
        BigDecimal latestValue,
        BigDecimal achievement,
        BigDecimal expectedAchievement,
        ProgressStatus status,
        Grade grade) {

    /** This progress as the next revision after {@code previous}. */
    public Progress after(Progress previous) {
        return withRevision(previous == null ? 0 : previous.revision + 1);
    }

    /** This progress under another revision number. */
    public Progress withRevision(long revision) {
        return new Progress(kpiId, revision, asOf, latestValue, achievement, expectedAchievement, status, grade);
    }

    /** Whether this differs from {@code other} in what users act on (not merely in date or trajectory). */
    public boolean changedFrom(Progress other) {
        return other == null || status != other.status || grade != other.grade
                || !sameNumber(latestValue, other.latestValue)
                || !sameNumber(achievement, other.achievement);
    }

    private static boolean sameNumber(BigDecimal a, BigDecimal b) {
        return Objects.equals(a, b) || (a != null && b != null && a.compareTo(b) == 0);
    }
}
