package jp.shinchoku.measurement.progress;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import jp.shinchoku.calendar.FiscalYear;
import jp.shinchoku.measurement.kpis.KpiDefinition;
import jp.shinchoku.measurement.kpis.KpiKind;
import jp.shinchoku.measurement.measurements.Measurement;

/**
 * The progress engine: from a KPI's definition and the values reported for it, where it stands on a day.
 * <ul>
 * <li>count, percentage, boolean: the latest value's achievement from baseline (0) to target (1), against the
 * trajectory from the baseline's date to the deadline, linear or piecewise through the intermediate targets
 * (中間目標). A missing baseline value counts as 0 (plans leave it blank for initiatives that start from nothing);
 * a boolean runs from 0 to 1. A decrease runs the same way, from a higher baseline down to a lower target.</li>
 * <li>recurring (年1回以上): the occurrences reported in this fiscal year (each value is a number of occurrences)
 * against those required, expected pro rata through the year.</li>
 * <li>relative (前年度比1.1倍): this fiscal year's value (year to date) against last year's × the factor, expected
 * pro rata through the year; without last year's value there is no target yet. A relative KPI whose factor multiplies
 * the baseline (現行実施回数の1.5倍 by 令和2年度) is the first kind with the target baseline × factor: it is judged
 * against the baseline, never against last year.</li>
 * <li>a level to keep once reached (その水準を維持): after a value reached the target, a later value below it is judged
 * against the whole target (expected 1) and never turns 未達 by the deadline: it is 注意 or 遅れ, a worsening.</li>
 * </ul>
 * Each fiscal year that has ended gets its verdict for the KPIs judged year by year ({@link YearJudge}); a month
 * below a per-month minimum makes the running year 注意 at best.
 * Only the current values count (a corrected value gives way to its correction) and only those measured by the day
 * asked about, so the same engine answers "as of" any date. A cumulative KPI's value is its latest report; a
 * per-period KPI's is the sum of its fiscal year's reports (by reporting period), and while that year is still
 * running, scaled to the whole year by the share of its periods reported (年度換算: two of four quarters × 2).
 * The status compares the achievement with what the trajectory expects by now ({@link ProgressThresholds}, per
 * municipality); the grade compares the value with the target and the baseline ({@link Grade}).
 */
public final class ProgressCalculator {

    static final int SCALE = 4;
    private static final BigDecimal TEN_PERCENT = new BigDecimal("0.1");

    private final ProgressPolicy policy;

    public ProgressCalculator(ProgressPolicy policy) {
        this.policy = policy;
    }

    public ProgressCalculator(ProgressThresholds thresholds) {
        this(new ProgressPolicy(thresholds, null));
    }

    public Progress compute(KpiDefinition kpi, List<Measurement> history, LocalDate today) {
        List<Measurement> measurements = Measurement.current(history).stream()
                .filter(m -> !m.measuredOn().isAfter(today)).toList();
        BigDecimal latest = kpi.accumulation() == KpiDefinition.Accumulation.PER_PERIOD
                ? yearFigure(kpi, measurements, today).orElse(null) : latest(measurements).orElse(null);
        Progress progress = switch (kpi.kind()) {
            case QUALITATIVE -> unmeasured(kpi, today, latest, ProgressStatus.NOT_MEASURABLE);
            case UNDEFINED -> unmeasured(kpi, today, latest, ProgressStatus.TARGET_UNDEFINED);
            case RECURRING -> recurring(kpi, measurements, today);
            case RELATIVE -> kpi.relativeTo() == KpiDefinition.RelativeTo.BASELINE
                    ? towardsTarget(kpi, measurements, latest, today) : relative(kpi, measurements, today);
            case COUNT, PERCENTAGE, BOOLEAN -> towardsTarget(kpi, measurements, latest, today);
        };
        return progress.withYears(YearJudge.judge(kpi, measurements, today));
    }

    /**
     * The first day after {@code today} on which the KPI's progress, with no new value, may differ from today's in
     * what users act on (status, grade, value or achievement). Between breakpoints — the baseline's date, each
     * intermediate target, the deadline, the start of the next fiscal year — the expected achievement moves one way
     * only, so the status crosses each threshold once, and a binary search over the days finds the crossing; at a
     * breakpoint the KPI is looked at again.
     */
    public LocalDate nextChange(KpiDefinition kpi, List<Measurement> history, LocalDate today) {
        Progress now = compute(kpi, history, today);
        LocalDate cap = breakpoint(kpi, today);
        if (!compute(kpi, history, cap).changedFrom(now)) {
            return cap;
        }
        LocalDate same = today;
        LocalDate changed = cap;
        while (ChronoUnit.DAYS.between(same, changed) > 1) {
            LocalDate middle = same.plusDays(ChronoUnit.DAYS.between(same, changed) / 2);
            if (compute(kpi, history, middle).changedFrom(now)) {
                changed = middle;
            } else {
                same = middle;
            }
        }
        return changed;
    }

    /**
     * The next day after {@code today} where the trajectory bends, the deadline passes or (for what is counted per
     * fiscal year) a fiscal year begins; a year on at the latest.
     */
    private static LocalDate breakpoint(KpiDefinition kpi, LocalDate today) {
        List<LocalDate> candidates = new ArrayList<>();
        candidates.add(today.plusYears(1));
        boolean byFiscalYear = kpi.kind() == KpiKind.RECURRING || kpi.accumulation() == KpiDefinition.Accumulation.PER_PERIOD
                || (kpi.kind() == KpiKind.RELATIVE && kpi.relativeTo() == KpiDefinition.RelativeTo.PREVIOUS_YEAR);
        if (byFiscalYear || YearJudge.perYear(kpi)) {
            candidates.add(FiscalYear.containing(today).next().firstDay());
        }
        if (kpi.kind() == KpiKind.RECURRING && kpi.recurrence() != null && "month".equals(kpi.recurrence().per())) {
            candidates.add(today.withDayOfMonth(1).plusMonths(1));
        }
        if (kpi.due() != null) {
            candidates.add(kpi.due().plusDays(1));
        }
        if (kpi.baselineAsOf() != null) {
            candidates.add(kpi.baselineAsOf().plusDays(1));
        }
        kpi.intermediateTargets().stream().map(KpiDefinition.Step::due).filter(java.util.Objects::nonNull)
                .forEach(candidates::add);
        return candidates.stream().filter(day -> day.isAfter(today)).min(Comparator.naturalOrder()).orElseThrow();
    }

    private static Progress unmeasured(KpiDefinition kpi, LocalDate today, BigDecimal latest, ProgressStatus status) {
        return new Progress(kpi.id(), 0, today, latest, null, null, status, Grade.NONE);
    }

    private Progress towardsTarget(KpiDefinition kpi, List<Measurement> measurements, BigDecimal latest, LocalDate today) {
        BigDecimal target = target(kpi);
        if (target == null || kpi.due() == null) {
            return unmeasured(kpi, today, latest, ProgressStatus.TARGET_UNDEFINED);
        }
        BigDecimal baseline = kpi.kind() == KpiKind.BOOLEAN || kpi.baselineValue() == null ? BigDecimal.ZERO : kpi.baselineValue();
        BigDecimal expected = expectedAchievement(kpi, baseline, target, today);
        if (latest == null) {
            ProgressStatus status = today.isAfter(kpi.due()) ? ProgressStatus.MISSED : ProgressStatus.NO_DATA;
            return new Progress(kpi.id(), 0, today, null, null, expected, status, Grade.NONE);
        }
        BigDecimal achievement = achievement(baseline, target, latest);
        if (kpi.maintain() && kpi.accumulation() == KpiDefinition.Accumulation.CUMULATIVE
                && achievement.compareTo(BigDecimal.ONE) < 0 && reached(measurements, baseline, target)) {
            // the level was reached and has been lost: all of it is expected now, and no deadline makes it 未達
            BigDecimal whole = BigDecimal.ONE.setScale(SCALE);
            return new Progress(kpi.id(), 0, today, latest, achievement, whole,
                    status(kpi, achievement, whole, today, null), grade(baseline, latest, achievement));
        }
        return new Progress(kpi.id(), 0, today, latest, achievement, expected,
                status(kpi, achievement, expected, today, kpi.due()), grade(baseline, latest, achievement));
    }

    /** The value to reach: 1 for a boolean, baseline × factor for a multiple of the baseline, else the target value. */
    private static BigDecimal target(KpiDefinition kpi) {
        return switch (kpi.kind()) {
            case BOOLEAN -> BigDecimal.ONE;
            case RELATIVE -> kpi.baselineValue() == null || kpi.factor() == null ? null
                    : kpi.baselineValue().multiply(kpi.factor());
            default -> kpi.targetValue();
        };
    }

    /** Whether any value (as reported, current and measured by now) reached the target. */
    private static boolean reached(List<Measurement> measurements, BigDecimal baseline, BigDecimal target) {
        return measurements.stream().map(Measurement::value).filter(v -> v != null)
                .anyMatch(v -> achievement(baseline, target, v).compareTo(BigDecimal.ONE) >= 0);
    }

    private Progress recurring(KpiDefinition kpi, List<Measurement> measurements, LocalDate today) {
        if (kpi.recurrence() == null || kpi.recurrence().perFiscalYear() <= 0) {
            return unmeasured(kpi, today, latest(measurements).orElse(null), ProgressStatus.TARGET_UNDEFINED);
        }
        FiscalYear year = FiscalYear.containing(today);
        BigDecimal done = sum(in(measurements, year));
        BigDecimal expected = elapsedShare(year.firstDay(), year.lastDay(), today);
        if (measurements.isEmpty()) {
            return new Progress(kpi.id(), 0, today, null, null, expected, ProgressStatus.NO_DATA, Grade.NONE);
        }
        BigDecimal required = BigDecimal.valueOf(kpi.recurrence().perFiscalYear());
        BigDecimal achievement = done.divide(required, SCALE, RoundingMode.HALF_UP);
        BigDecimal baseline = kpi.baselineValue() == null ? BigDecimal.ZERO : kpi.baselineValue();
        ProgressStatus status = status(kpi, achievement, expected, today, null);
        if ((status == ProgressStatus.ON_TRACK || status == ProgressStatus.ACHIEVED)
                && !YearJudge.shortMonths(kpi, measurements, year, today.minusDays(1)).isEmpty()) {
            status = ProgressStatus.AT_RISK; // a month of this year below its minimum: 注意, whatever the sum
        }
        return new Progress(kpi.id(), 0, today, done, achievement, expected, status, grade(baseline, done, achievement));
    }

    private Progress relative(KpiDefinition kpi, List<Measurement> measurements, LocalDate today) {
        FiscalYear year = FiscalYear.containing(today);
        Optional<BigDecimal> thisYear = yearValue(kpi, in(measurements, year));
        Optional<BigDecimal> lastYear = yearValue(kpi, in(measurements, year.previous()));
        BigDecimal previous = lastYear.orElse(kpi.baselineValue());
        if (kpi.factor() == null || previous == null || previous.signum() <= 0) {
            return unmeasured(kpi, today, thisYear.orElse(null), ProgressStatus.TARGET_UNDEFINED);
        }
        BigDecimal expected = elapsedShare(year.firstDay(), year.lastDay(), today);
        if (thisYear.isEmpty()) {
            return new Progress(kpi.id(), 0, today, null, null, expected, ProgressStatus.NO_DATA, Grade.NONE);
        }
        BigDecimal target = previous.multiply(kpi.factor());
        BigDecimal achievement = thisYear.get().divide(target, SCALE, RoundingMode.HALF_UP);
        BigDecimal growth = achievement(previous, target, thisYear.get());
        Grade grade = achievement.compareTo(BigDecimal.ONE) >= 0 ? Grade.S : grade(previous, thisYear.get(), growth);
        return new Progress(kpi.id(), 0, today, thisYear.get(), achievement, expected,
                status(kpi, achievement, expected, today, null), grade);
    }

    /** ACHIEVED at 1; MISSED after the deadline; otherwise the share of the expected achievement reached. */
    private ProgressStatus status(KpiDefinition kpi, BigDecimal achievement, BigDecimal expected, LocalDate today,
            LocalDate due) {
        if (achievement.compareTo(BigDecimal.ONE) >= 0) {
            return ProgressStatus.ACHIEVED;
        }
        if (due != null && today.isAfter(due)) {
            return ProgressStatus.MISSED;
        }
        if (expected == null || expected.signum() == 0) {
            return ProgressStatus.ON_TRACK;
        }
        ProgressThresholds thresholds = policy.forMunicipality(kpi.municipalityCode());
        BigDecimal share = achievement.divide(expected, SCALE, RoundingMode.HALF_UP);
        if (share.compareTo(thresholds.behindBelow()) < 0) {
            return ProgressStatus.BEHIND;
        }
        if (share.compareTo(thresholds.atRiskBelow()) < 0) {
            return ProgressStatus.AT_RISK;
        }
        return ProgressStatus.ON_TRACK;
    }

    /** S at or beyond the target; B within ±10% of the baseline; A beyond it towards the target; C behind it. */
    static Grade grade(BigDecimal baseline, BigDecimal latest, BigDecimal achievement) {
        if (achievement.compareTo(BigDecimal.ONE) >= 0) {
            return Grade.S;
        }
        if (latest.subtract(baseline).abs().compareTo(baseline.abs().multiply(TEN_PERCENT)) <= 0) {
            return Grade.B;
        }
        return achievement.signum() > 0 ? Grade.A : Grade.C;
    }

    /** (latest − baseline) / (target − baseline); for a decrease both differences are negative. */
    static BigDecimal achievement(BigDecimal baseline, BigDecimal target, BigDecimal latest) {
        BigDecimal span = target.subtract(baseline);
        if (span.signum() == 0) {
            return latest.compareTo(target) == 0 ? BigDecimal.ONE.setScale(SCALE) : BigDecimal.ZERO.setScale(SCALE);
        }
        return latest.subtract(baseline).divide(span, SCALE, RoundingMode.HALF_UP);
    }

    /**
     * Where the trajectory says the achievement should be on {@code today}: 0 at the baseline's date, 1 at the
     * deadline, through each intermediate target on its date, straight in between; null without a baseline date.
     */
    static BigDecimal expectedAchievement(KpiDefinition kpi, BigDecimal baseline, BigDecimal target, LocalDate today) {
        LocalDate start = kpi.baselineAsOf();
        if (start == null || !kpi.due().isAfter(start)) {
            return null;
        }
        List<Point> points = new ArrayList<>();
        points.add(new Point(start, BigDecimal.ZERO));
        kpi.intermediateTargets().stream()
                .filter(step -> step.value() != null && step.due() != null)
                .filter(step -> step.due().isAfter(start) && step.due().isBefore(kpi.due()))
                .sorted(Comparator.comparing(KpiDefinition.Step::due))
                .forEach(step -> points.add(new Point(step.due(), achievement(baseline, target, step.value()))));
        points.add(new Point(kpi.due(), BigDecimal.ONE));
        if (!today.isAfter(start)) {
            return BigDecimal.ZERO.setScale(SCALE);
        }
        for (int i = 1; i < points.size(); i++) {
            Point from = points.get(i - 1);
            Point to = points.get(i);
            if (!today.isAfter(to.day())) {
                BigDecimal share = elapsedShare(from.day(), to.day(), today);
                return from.achievement().add(to.achievement().subtract(from.achievement()).multiply(share))
                        .setScale(SCALE, RoundingMode.HALF_UP);
            }
        }
        return BigDecimal.ONE.setScale(SCALE);
    }

    private record Point(LocalDate day, BigDecimal achievement) {
    }

    /** The share of the days from {@code start} to {@code end} that have passed on {@code today}, within 0–1. */
    static BigDecimal elapsedShare(LocalDate start, LocalDate end, LocalDate today) {
        long total = ChronoUnit.DAYS.between(start, end);
        if (total <= 0) {
            return BigDecimal.ONE.setScale(SCALE);
        }
        long elapsed = Math.clamp(ChronoUnit.DAYS.between(start, today), 0, total);
        return BigDecimal.valueOf(elapsed).divide(BigDecimal.valueOf(total), SCALE, RoundingMode.HALF_UP);
    }

    /** The value measured last (by measurement date, then by when it was recorded). */
    static Optional<BigDecimal> latest(List<Measurement> measurements) {
        return measurements.stream()
                .filter(m -> m.value() != null)
                .max(Comparator.comparing(Measurement::measuredOn).thenComparing(Measurement::recordedAt))
                .map(Measurement::value);
    }

    /** The measurements whose reporting period lies in a fiscal year. */
    static List<Measurement> in(List<Measurement> measurements, FiscalYear year) {
        return measurements.stream().filter(m -> m.period().fiscalYear().equals(year)).toList();
    }

    static BigDecimal sum(List<Measurement> measurements) {
        return measurements.stream().map(Measurement::value).filter(v -> v != null).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** A fiscal year's value: its latest report, or for a per-period KPI the sum of its reports. */
    static Optional<BigDecimal> yearValue(KpiDefinition kpi, List<Measurement> ofTheYear) {
        if (kpi.accumulation() == KpiDefinition.Accumulation.PER_PERIOD) {
            return ofTheYear.stream().anyMatch(m -> m.value() != null) ? Optional.of(sum(ofTheYear)) : Optional.empty();
        }
        return latest(ofTheYear);
    }

    /**
     * A per-period KPI's value: the sum of the reports of the fiscal year of its latest reporting period; while that
     * year is running ({@code today} in it), scaled to the whole year by the share of its periods reported.
     */
    static Optional<BigDecimal> yearFigure(KpiDefinition kpi, List<Measurement> measurements, LocalDate today) {
        Optional<FiscalYear> year = measurements.stream().filter(m -> m.value() != null)
                .map(m -> m.period().fiscalYear()).max(Comparator.naturalOrder());
        if (year.isEmpty()) {
            return Optional.empty();
        }
        List<Measurement> ofTheYear = in(measurements, year.get());
        BigDecimal total = sum(ofTheYear);
        long reported = ofTheYear.stream().map(Measurement::period).distinct().count();
        int periods = ofTheYear.getFirst().period().cadence().periodsPerYear();
        if (!year.get().contains(today) || reported >= periods) {
            return Optional.of(total);
        }
        return Optional.of(total.multiply(BigDecimal.valueOf(periods))
                .divide(BigDecimal.valueOf(reported), SCALE, RoundingMode.HALF_UP).stripTrailingZeros());
    }
}
