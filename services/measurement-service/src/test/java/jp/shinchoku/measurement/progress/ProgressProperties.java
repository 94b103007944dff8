package jp.shinchoku.measurement.progress;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import jp.shinchoku.measurement.kpis.Direction;
import jp.shinchoku.measurement.kpis.KpiDefinition;
import jp.shinchoku.measurement.kpis.KpiKind;
import jp.shinchoku.measurement.measurements.Measurement;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** What must hold for every KPI, value and day, not only the examples. */
class ProgressProperties {

    private static final LocalDate START = LocalDate.parse("2022-04-01");
    private static final LocalDate DUE = LocalDate.parse("2026-03-31");

    private final ProgressCalculator calculator = new ProgressCalculator(ProgressThresholds.DEFAULTS);

    @Property
    void aHigherValueNeverScoresLowerForAnIncreaseNorHigherForADecrease(@ForAll @IntRange(max = 10_000) int baseline,
            @ForAll @IntRange(max = 10_000) int target, @ForAll @IntRange(max = 10_000) int a,
            @ForAll @IntRange(max = 10_000) int b, @ForAll("days") LocalDate today) {
        int low = Math.min(a, b);
        int high = Math.max(a, b);
        Direction direction = target >= baseline ? Direction.INCREASE : Direction.DECREASE;
        KpiDefinition kpi = kpi(baseline, target, direction);
        Progress lower = calculator.compute(kpi, List.of(ProgressCalculatorTest.measured(String.valueOf(low), today)), today);
        Progress higher = calculator.compute(kpi, List.of(ProgressCalculatorTest.measured(String.valueOf(high), today)), today);

        if (target == baseline) {
            return;
        }
        if (direction == Direction.INCREASE) {
            assertThat(higher.achievement()).isGreaterThanOrEqualTo(lower.achievement());
            assertThat(rank(higher.status())).isGreaterThanOrEqualTo(rank(lower.status()));
        } else {
            assertThat(higher.achievement()).isLessThanOrEqualTo(lower.achievement());
            assertThat(rank(higher.status())).isLessThanOrEqualTo(rank(lower.status()));
        }
    }

    @Property
    void theExpectedAchievementRisesFromZeroToOneThroughTheSteps(@ForAll("days") LocalDate earlier,
            @ForAll("days") LocalDate later, @ForAll @IntRange(min = 1, max = 99) int step) {
        KpiDefinition kpi = ProgressCalculatorTest.withSteps(kpi(0, 100, Direction.INCREASE),
                new KpiDefinition.Step(BigDecimal.valueOf(step), LocalDate.parse("2024-03-31")));
        LocalDate first = earlier.isBefore(later) ? earlier : later;
        LocalDate second = earlier.isBefore(later) ? later : earlier;
        BigDecimal before = ProgressCalculator.expectedAchievement(kpi, BigDecimal.ZERO, BigDecimal.valueOf(100), first);
        BigDecimal after = ProgressCalculator.expectedAchievement(kpi, BigDecimal.ZERO, BigDecimal.valueOf(100), second);

        assertThat(before).isBetween(BigDecimal.ZERO, BigDecimal.ONE);
        assertThat(after).isGreaterThanOrEqualTo(before).isLessThanOrEqualTo(BigDecimal.ONE);
        assertThat(ProgressCalculator.expectedAchievement(kpi, BigDecimal.ZERO, BigDecimal.valueOf(100),
                LocalDate.parse("2024-03-31"))).isEqualByComparingTo(BigDecimal.valueOf(step).movePointLeft(2));
    }

    @Property
    void achievedAndGradeSAreTheSameThingAndMissedOnlyAfterTheDeadline(@ForAll @IntRange(max = 1_000) int baseline,
            @ForAll @IntRange(max = 1_000) int target, @ForAll @IntRange(max = 1_000) int value,
            @ForAll("days") LocalDate today) {
        Direction direction = target >= baseline ? Direction.INCREASE : Direction.DECREASE;
        Progress progress = calculator.compute(kpi(baseline, target, direction),
                List.of(ProgressCalculatorTest.measured(String.valueOf(value), today)), today);

        assertThat(progress.status() == ProgressStatus.ACHIEVED).isEqualTo(progress.grade() == Grade.S);
        if (progress.status() == ProgressStatus.MISSED) {
            assertThat(today).isAfter(DUE);
        }
        assertThat(progress.grade()).isNotEqualTo(Grade.NONE);
    }

    @Property
    void aMultipleOfTheBaselineIsTheCountKpiWhoseTargetIsBaselineTimesFactor(@ForAll @IntRange(min = 1, max = 1_000) int baseline,
            @ForAll @IntRange(min = 1, max = 40) int tenths, @ForAll @IntRange(max = 4_000) int value,
            @ForAll("days") LocalDate today) {
        BigDecimal factor = BigDecimal.valueOf(tenths).movePointLeft(1);
        KpiDefinition count = kpi(baseline, 0, Direction.INCREASE);
        KpiDefinition asCount = new KpiDefinition(count.id(), count.planId(), count.departmentCode(), count.name(),
                count.unit(), KpiKind.COUNT, factor.compareTo(BigDecimal.ONE) >= 0 ? Direction.INCREASE : Direction.DECREASE,
                count.baselineValue(), START, count.baselineValue().multiply(factor), DUE, 1, false, null, List.of(), null, null);
        KpiDefinition multiple = ProgressCalculatorTest.relativeToBaseline(
                new KpiDefinition(count.id(), count.planId(), count.departmentCode(), count.name(), count.unit(),
                        KpiKind.RELATIVE, asCount.direction(), count.baselineValue(), START, null, DUE, 1, false, null,
                        List.of(), null, null), factor.toPlainString());
        List<Measurement> values = List.of(ProgressCalculatorTest.measured(String.valueOf(value), today));

        Progress expected = calculator.compute(asCount, values, today);
        Progress actual = calculator.compute(multiple, values, today);
        assertThat(actual.status()).isEqualTo(expected.status());
        assertThat(actual.grade()).isEqualTo(expected.grade());
        assertThat(actual.achievement()).isEqualByComparingTo(expected.achievement());
    }

    @Property
    void aLevelKeptOnceReachedIsAchievedExactlyWhileTheLatestValueHoldsItAndNeverMissed(
            @ForAll @IntRange(min = 1, max = 1_000) int target, @ForAll @IntRange(max = 2_000) int later,
            @ForAll("days") LocalDate reachedOn, @ForAll @IntRange(min = 1, max = 400) int daysAfter) {
        KpiDefinition kept = ProgressCalculatorTest.maintained(kpi(0, target, Direction.INCREASE));
        LocalDate today = reachedOn.plusDays(daysAfter);
        Progress progress = calculator.compute(kept, List.of(ProgressCalculatorTest.measured(String.valueOf(target), reachedOn),
                ProgressCalculatorTest.measured(String.valueOf(later), today)), today);

        assertThat(progress.status() == ProgressStatus.ACHIEVED).isEqualTo(later >= target);
        assertThat(progress.status()).isNotEqualTo(ProgressStatus.MISSED);
    }

    /** The daily run looks at a KPI on the day planned for it: no day before that may change what users act on. */
    @Property(tries = 300)
    void noDayBeforeTheOnePlannedChangesAKpisProgress(@ForAll("kinds") KpiKind kind, @ForAll @IntRange(max = 100) int baseline,
            @ForAll @IntRange(max = 200) int target, @ForAll @IntRange(max = 200) int value,
            @ForAll("days") LocalDate measuredOn, @ForAll @IntRange(max = 400) int later, @ForAll boolean kept,
            @ForAll boolean perPeriod) {
        Direction direction = kind == KpiKind.BOOLEAN ? Direction.ACHIEVE
                : target >= baseline ? Direction.INCREASE : Direction.DECREASE;
        KpiDefinition kpi = kpi(baseline, target, direction);
        kpi = switch (kind) {
            case BOOLEAN -> ProgressCalculatorTest.kpi(KpiKind.BOOLEAN, Direction.ACHIEVE, null, null);
            case RECURRING -> ProgressCalculatorTest.recurring(kpi, 1 + target % 12, "fiscal-year");
            case RELATIVE -> ProgressCalculatorTest.relative(kpi, "1.1");
            default -> kpi;
        };
        if (kept) {
            kpi = ProgressCalculatorTest.maintained(kpi);
        }
        String reported = kind == KpiKind.BOOLEAN ? String.valueOf(value % 2) : String.valueOf(value);
        List<Measurement> values = List.of(ProgressCalculatorTest.measured(reported, measuredOn));
        if (perPeriod && (kind == KpiKind.COUNT || kind == KpiKind.PERCENTAGE)) {
            kpi = ProgressCalculatorTest.perPeriod(kpi);
            values = List.of(ProgressCalculatorTest.inQuarter(reported, measuredOn));
        }
        LocalDate today = measuredOn.plusDays(later);

        LocalDate planned = calculator.nextChange(kpi, values, today);
        assertThat(planned).isAfter(today);
        Progress now = calculator.compute(kpi, values, today);
        for (LocalDate day = today.plusDays(1); day.isBefore(planned); day = day.plusDays(1)) {
            assertThat(calculator.compute(kpi, values, day).changedFrom(now))
                    .as("%s: planned for %s, but %s already differs from %s", kind, planned, day, today).isFalse();
        }
    }

    @Provide
    Arbitrary<KpiKind> kinds() {
        return Arbitraries.of(KpiKind.COUNT, KpiKind.PERCENTAGE, KpiKind.BOOLEAN, KpiKind.RECURRING, KpiKind.RELATIVE);
    }

    @Provide
    Arbitrary<LocalDate> days() {
        return Arbitraries.longs().between(0, 2_000).map(START::plusDays);
    }

    private static KpiDefinition kpi(int baseline, int target, Direction direction) {
        KpiDefinition kpi = ProgressCalculatorTest.kpi(KpiKind.COUNT, direction, String.valueOf(baseline), String.valueOf(target));
        return new KpiDefinition(kpi.id(), kpi.planId(), kpi.departmentCode(), kpi.name(), kpi.unit(), kpi.kind(),
                direction, kpi.baselineValue(), START, kpi.targetValue(), DUE, 1, false, null, List.of(), null, null);
    }

    /** Better is higher: MISSED < BEHIND < AT_RISK < ON_TRACK < ACHIEVED. */
    private static int rank(ProgressStatus status) {
        return switch (status) {
            case MISSED -> 0;
            case BEHIND -> 1;
            case AT_RISK -> 2;
            case ON_TRACK -> 3;
            case ACHIEVED -> 4;
            default -> throw new AssertionError(status);
        };
    }
}
