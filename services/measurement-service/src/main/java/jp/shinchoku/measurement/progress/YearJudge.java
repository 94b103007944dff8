package jp.shinchoku.measurement.progress;

import static jp.shinchoku.measurement.progress.ProgressCalculator.in;
import static jp.shinchoku.measurement.progress.ProgressCalculator.latest;
import static jp.shinchoku.measurement.progress.ProgressCalculator.sum;
import static jp.shinchoku.measurement.progress.ProgressCalculator.yearValue;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import jp.shinchoku.calendar.FiscalYear;
import jp.shinchoku.measurement.kpis.Direction;
import jp.shinchoku.measurement.kpis.KpiDefinition;
import jp.shinchoku.measurement.kpis.KpiKind;
import jp.shinchoku.measurement.measurements.Measurement;

/**
 * Judges, year by year, the KPIs whose targets are per fiscal year: each fiscal year that has ended gets its verdict
 * (達成 or 未達), from the values measured by the day asked about.
 * <ul>
 * <li>recurring (年1回以上, 月2回): the year's occurrences against those the year requires; with a per-month minimum,
 * any month below it makes the year 未達 whatever its sum;</li>
 * <li>relative to the previous year (前年度比1.1倍): the year's value against the previous year's × the factor (the
 * baseline's for the first year); a year whose previous year has no value is not judged;</li>
 * <li>counted per period (件数 per year): the year's sum against the target the plan states for that year (an
 * intermediate target due in it, or the final target in its own year and every later year of the plan); a relative
 * KPI over its baseline the same way against baseline × factor;</li>
 * <li>a level to keep (その水準を維持): from the year it was first reached, the level at each year's end against the
 * target.</li>
 * </ul>
 * Other KPIs are judged once, by their deadline (their status 達成 or 未達). A year with nothing reported is 未達.
 */
public final class YearJudge {

    private YearJudge() {
    }

    /** Whether the KPI's targets are per fiscal year (and so each year gets a verdict). */
    public static boolean perYear(KpiDefinition kpi) {
        return switch (kpi.kind()) {
            case RECURRING -> kpi.recurrence() != null && kpi.recurrence().perFiscalYear() > 0;
            case RELATIVE -> kpi.factor() != null && (kpi.relativeTo() == KpiDefinition.RelativeTo.PREVIOUS_YEAR
                    || kpi.accumulation() == KpiDefinition.Accumulation.PER_PERIOD);
            case COUNT, PERCENTAGE -> kpi.targetValue() != null
                    && (kpi.accumulation() == KpiDefinition.Accumulation.PER_PERIOD || kpi.maintain());
            case BOOLEAN, QUALITATIVE, UNDEFINED -> false;
        };
    }

    /**
     * The verdicts of the fiscal years that ended by {@code today}, oldest first.
     *
     * @param measurements the current values measured by {@code today}
     */
    public static List<YearVerdict> judge(KpiDefinition kpi, List<Measurement> measurements, LocalDate today) {
        if (!perYear(kpi)) {
            return List.of();
        }
        Optional<FiscalYear> first = firstYear(kpi, measurements);
        if (first.isEmpty()) {
            return List.of();
        }
        FiscalYear lastEnded = FiscalYear.containing(today).previous();
        List<YearVerdict> verdicts = new ArrayList<>();
        for (FiscalYear year = first.get(); year.compareTo(lastEnded) <= 0
                && (kpi.planTo() == null || year.compareTo(kpi.planTo()) <= 0); year = year.next()) {
            judgeYear(kpi, measurements, year).ifPresent(verdict -> verdicts.add(verdict.judgedOn(today)));
        }
        return List.copyOf(verdicts);
    }

    /** The plan's first year; without it, the year that follows the baseline's day, or the first year measured in. */
    private static Optional<FiscalYear> firstYear(KpiDefinition kpi, List<Measurement> measurements) {
        if (kpi.planFrom() != null) {
            return Optional.of(kpi.planFrom());
        }
        if (kpi.baselineAsOf() != null) {
            return Optional.of(FiscalYear.containing(kpi.baselineAsOf().plusDays(1)));
        }
        return measurements.stream().map(m -> m.period().fiscalYear()).min(Comparator.naturalOrder());
    }

    private static Optional<YearVerdict> judgeYear(KpiDefinition kpi, List<Measurement> measurements, FiscalYear year) {
        List<Measurement> ofTheYear = in(measurements, year);
        return switch (kpi.kind()) {
            case RECURRING -> Optional.of(recurring(kpi, measurements, ofTheYear, year));
            case RELATIVE -> kpi.relativeTo() == KpiDefinition.RelativeTo.PREVIOUS_YEAR
                    ? relative(kpi, measurements, ofTheYear, year)
                    : perPeriod(kpi, kpi.baselineValue() == null ? null : kpi.baselineValue().multiply(kpi.factor()),
                            ofTheYear, year);
            default -> kpi.maintain() && kpi.accumulation() == KpiDefinition.Accumulation.CUMULATIVE
                    ? kept(kpi, measurements, year) : perPeriod(kpi, kpi.targetValue(), ofTheYear, year);
        };
    }

    private static YearVerdict recurring(KpiDefinition kpi, List<Measurement> all, List<Measurement> ofTheYear,
            FiscalYear year) {
        BigDecimal done = ofTheYear.stream().anyMatch(m -> m.value() != null) ? sum(ofTheYear) : null;
        BigDecimal required = BigDecimal.valueOf(kpi.recurrence().perFiscalYear());
        List<String> shortMonths = shortMonths(kpi, all, year, year.lastDay());
        boolean achieved = done != null && done.compareTo(required) >= 0 && shortMonths.isEmpty();
        return verdict(year, done, required, achieved, shortMonths);
    }

    /**
     * For a per-month minimum (月2回), the months of the year that ended by {@code through} with fewer occurrences than
     * the minimum (by the month each was measured in); none for other KPIs.
     */
    static List<String> shortMonths(KpiDefinition kpi, List<Measurement> measurements, FiscalYear year,
            LocalDate through) {
        if (kpi.kind() != KpiKind.RECURRING || kpi.recurrence() == null || !"month".equals(kpi.recurrence().per())) {
            return List.of();
        }
        BigDecimal minimum = BigDecimal.valueOf(kpi.recurrence().times());
        List<String> months = new ArrayList<>();
        for (YearMonth month = YearMonth.from(year.firstDay()); !month.atEndOfMonth().isAfter(through)
                && !month.isAfter(YearMonth.from(year.lastDay())); month = month.plusMonths(1)) {
            YearMonth current = month;
            BigDecimal done = sum(measurements.stream().filter(m -> YearMonth.from(m.measuredOn()).equals(current)).toList());
            if (done.compareTo(minimum) < 0) {
                months.add(month.toString());
            }
        }
        return months;
    }

    private static Optional<YearVerdict> relative(KpiDefinition kpi, List<Measurement> all, List<Measurement> ofTheYear,
            FiscalYear year) {
        Optional<BigDecimal> previousYear = yearValue(kpi, in(all, year.previous()));
        BigDecimal previous = previousYear.orElse(kpi.planFrom() == null || year.equals(kpi.planFrom())
                ? kpi.baselineValue() : null);
        if (previous == null || previous.signum() <= 0) {
            return Optional.empty();
        }
        BigDecimal target = previous.multiply(kpi.factor()).setScale(ProgressCalculator.SCALE, RoundingMode.HALF_UP);
        BigDecimal value = yearValue(kpi, ofTheYear).orElse(null);
        boolean achieved = value != null && (kpi.direction() == Direction.DECREASE
                ? value.compareTo(target) <= 0 : value.compareTo(target) >= 0);
        return Optional.of(verdict(year, value, target, achieved, List.of()));
    }

    private static Optional<YearVerdict> perPeriod(KpiDefinition kpi, BigDecimal finalTarget, List<Measurement> ofTheYear,
            FiscalYear year) {
        BigDecimal target = targetFor(kpi, finalTarget, year);
        if (target == null) {
            return Optional.empty();
        }
        BigDecimal value = ofTheYear.stream().anyMatch(m -> m.value() != null) ? sum(ofTheYear) : null;
        return Optional.of(verdict(year, value, target, value != null && reaches(kpi, value, target), List.of()));
    }

    /** The target the plan states for the year: an intermediate target due in it, or the final one from its year on. */
    private static BigDecimal targetFor(KpiDefinition kpi, BigDecimal finalTarget, FiscalYear year) {
        Optional<BigDecimal> step = kpi.intermediateTargets().stream()
                .filter(s -> s.due() != null && s.value() != null && year.contains(s.due()))
                .map(KpiDefinition.Step::value).findFirst();
        if (step.isPresent()) {
            return step.get();
        }
        return kpi.due() != null && year.compareTo(FiscalYear.containing(kpi.due())) >= 0 ? finalTarget : null;
    }

    private static Optional<YearVerdict> kept(KpiDefinition kpi, List<Measurement> all, FiscalYear year) {
        BigDecimal target = kpi.targetValue();
        List<Measurement> byTheEnd = all.stream().filter(m -> m.value() != null && !m.measuredOn().isAfter(year.lastDay()))
                .toList();
        boolean reachedOnce = byTheEnd.stream().anyMatch(m -> reaches(kpi, m.value(), target));
        if (!reachedOnce) {
            return Optional.empty(); // judged by its deadline until the level is first reached
        }
        BigDecimal level = latest(byTheEnd).orElseThrow();
        return Optional.of(verdict(year, level, target, reaches(kpi, level, target), List.of()));
    }

    private static boolean reaches(KpiDefinition kpi, BigDecimal value, BigDecimal target) {
        BigDecimal baseline = kpi.baselineValue() == null ? BigDecimal.ZERO : kpi.baselineValue();
        if (target.compareTo(baseline) == 0) {
            return kpi.direction() == Direction.DECREASE ? value.compareTo(target) <= 0 : value.compareTo(target) >= 0;
        }
        return ProgressCalculator.achievement(baseline, target, value).compareTo(BigDecimal.ONE) >= 0;
    }

    private static YearVerdict verdict(FiscalYear year, BigDecimal value, BigDecimal target, boolean achieved,
            List<String> shortMonths) {
        return new YearVerdict(year.startYear(), value == null ? null : plain(value), plain(target), achieved ? YearVerdict.Verdict.ACHIEVED : YearVerdict.Verdict.MISSED,
                shortMonths, null);
    }

    /** The number without trailing zeros, never in exponent form (110, not 1.1E+2). */
    private static BigDecimal plain(BigDecimal number) {
        BigDecimal stripped = number.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }
}
