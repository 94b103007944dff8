package jp.shinchoku.measurement.progress;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A KPI's progress on a date.
 *
 * @param achievement         0 at the baseline, 1 at the target (may exceed 1); null without data or target
 * @param expectedAchievement where the linear trajectory from baseline to target is on {@code asOf}
 * @param revision            how many changes came before this one (0 for the first progress of a KPI)
 * @param years               the verdicts of the fiscal years that have ended, for a KPI judged year by year
 *                            ({@link YearJudge}); empty for others
 */
public record Progress(
        String kpiId,
        long revision,
        LocalDate asOf,
        BigDecimal latestValue,
        BigDecimal achievement,
        BigDecimal expectedAchievement,
        ProgressStatus status,
        Grade grade,
        List<YearVerdict> years) {

    public Progress {
        years = years == null ? List.of() : List.copyOf(years);
    }

    /** Progress of a KPI not judged year by year (or before any of its years ended). */
    public Progress(String kpiId, long revision, LocalDate asOf, BigDecimal latestValue, BigDecimal achievement,
            BigDecimal expectedAchievement, ProgressStatus status, Grade grade) {
        this(kpiId, revision, asOf, latestValue, achievement, expectedAchievement, status, grade, List.of());
    }

    /**
     * This progress as the next revision after {@code previous}; a year's verdict that says what it said before keeps
     * the day it was first made.
     */
    public Progress after(Progress previous) {
        return previous == null ? withRevision(0) : keepingVerdictDaysOf(previous).withRevision(previous.revision + 1);
    }

    /** This progress, each year's verdict that says what {@code earlier}'s said keeping the day that one was made. */
    public Progress keepingVerdictDaysOf(Progress earlier) {
        Map<Integer, YearVerdict> before = new HashMap<>();
        earlier.years.forEach(verdict -> before.put(verdict.fiscalYear(), verdict));
        return withYears(years.stream().map(verdict -> verdict.sameAs(before.get(verdict.fiscalYear()))
                ? before.get(verdict.fiscalYear()) : verdict).toList());
    }

    /** This progress under another revision number. */
    public Progress withRevision(long revision) {
        return new Progress(kpiId, revision, asOf, latestValue, achievement, expectedAchievement, status, grade, years);
    }

    /** This progress with the verdicts of its ended years. */
    Progress withYears(List<YearVerdict> verdicts) {
        return new Progress(kpiId, revision, asOf, latestValue, achievement, expectedAchievement, status, grade, verdicts);
    }

    /** The verdicts made or changed since {@code previous} (all of them after none). */
    public List<YearVerdict> yearsJudgedSince(Progress previous) {
        Map<Integer, YearVerdict> before = new HashMap<>();
        if (previous != null) {
            previous.years.forEach(verdict -> before.put(verdict.fiscalYear(), verdict));
        }
        return years.stream().filter(verdict -> !verdict.sameAs(before.get(verdict.fiscalYear()))).toList();
    }

    /** Whether this differs from {@code other} in what users act on (not merely in date or trajectory). */
    public boolean changedFrom(Progress other) {
        return other == null || status != other.status || grade != other.grade
                || !sameNumber(latestValue, other.latestValue)
                || !sameNumber(achievement, other.achievement) || !yearsJudgedSince(other).isEmpty()
                || years.size() != other.years.size();
    }

    private static boolean sameNumber(BigDecimal a, BigDecimal b) {
        return Objects.equals(a, b) || (a != null && b != null && a.compareTo(b) == 0);
    }
}
