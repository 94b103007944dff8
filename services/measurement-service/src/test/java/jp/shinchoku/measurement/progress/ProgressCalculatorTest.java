package jp.shinchoku.measurement.progress;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import jp.shinchoku.calendar.ReportingCadence;
import jp.shinchoku.calendar.ReportingPeriod;
import jp.shinchoku.measurement.kpis.Direction;
import jp.shinchoku.measurement.kpis.KpiDefinition;
import jp.shinchoku.measurement.kpis.KpiKind;
import jp.shinchoku.measurement.measurements.Measurement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ProgressCalculatorTest {

    private static final LocalDate START = LocalDate.parse("2022-04-01");
    private static final LocalDate DUE = LocalDate.parse("2024-03-31");
    private static final LocalDate HALFWAY = LocalDate.parse("2023-03-31");

    private final ProgressCalculator calculator = new ProgressCalculator(ProgressThresholds.DEFAULTS);

    @ParameterizedTest(name = "{0} of 0→100 halfway is {1}")
    @CsvSource({"100, ACHIEVED", "60, ON_TRACK", "46, ON_TRACK", "44, AT_RISK", "36, AT_RISK", "34, BEHIND", "0, BEHIND"})
    void statusComparesAchievementWithTheLinearTrajectory(String value, ProgressStatus status) {
        Progress progress = calculator.compute(kpi(KpiKind.COUNT, Direction.INCREASE, "0", "100"),
                List.of(measured(value, HALFWAY)), HALFWAY);

        assertThat(progress.expectedAchievement()).isEqualByComparingTo("0.4986");
        assertThat(progress.achievement()).isEqualByComparingTo(new BigDecimal(value).divide(BigDecimal.valueOf(100)));
        assertThat(progress.status()).isEqualTo(status);
    }

    @Test
    void aDecreaseKpiAchievesByGoingDown() {
        KpiDefinition waitingTime = kpi(KpiKind.COUNT, Direction.DECREASE, "60", "30");
        Progress progress = calculator.compute(waitingTime, List.of(measured("45", HALFWAY)), HALFWAY);
        assertThat(progress.achievement()).isEqualByComparingTo("0.5");
        assertThat(progress.status()).isEqualTo(ProgressStatus.ON_TRACK);
        assertThat(calculator.compute(waitingTime, List.of(measured("29", HALFWAY)), HALFWAY).status())
                .isEqualTo(ProgressStatus.ACHIEVED);
    }

    @Test
    void theLatestMeasurementCounts() {
        Progress progress = calculator.compute(kpi(KpiKind.COUNT, Direction.INCREASE, "0", "100"),
                List.of(measured("80", HALFWAY), measured("10", START.plusMonths(1))), HALFWAY);
        assertThat(progress.latestValue()).isEqualByComparingTo("80");
    }

    @Test
    void aPassedDeadlineIsMissedUnlessAchieved() {
        KpiDefinition kpi = kpi(KpiKind.COUNT, Direction.INCREASE, "0", "100");
        LocalDate after = DUE.plusDays(1);
        assertThat(calculator.compute(kpi, List.of(measured("90", DUE)), after).status()).isEqualTo(ProgressStatus.MISSED);
        assertThat(calculator.compute(kpi, List.of(), after).status()).isEqualTo(ProgressStatus.MISSED);
        assertThat(calculator.compute(kpi, List.of(measured("100", DUE)), after).status()).isEqualTo(ProgressStatus.ACHIEVED);
    }

    @Test
    void withoutMeasurementsThereIsNoData() {
        Progress progress = calculator.compute(kpi(KpiKind.COUNT, Direction.INCREASE, "0", "100"), List.of(), HALFWAY);
        assertThat(progress.status()).isEqualTo(ProgressStatus.NO_DATA);
        assertThat(progress.achievement()).isNull();
    }

    @Test
    void booleanKpisRunFromZeroToOne() {
        KpiDefinition realized = kpi(KpiKind.BOOLEAN, Direction.ACHIEVE, null, null);
        assertThat(calculator.compute(realized, List.of(measured("1", HALFWAY)), HALFWAY).status())
                .isEqualTo(ProgressStatus.ACHIEVED);
        assertThat(calculator.compute(realized, List.of(measured("0", HALFWAY)), HALFWAY).status())
                .isEqualTo(ProgressStatus.BEHIND);
    }

    @Test
    void undefinedAndQualitativeKpisAreNotScored() {
        assertThat(calculator.compute(kpi(KpiKind.UNDEFINED, Direction.INCREASE, "0", null), List.of(measured("5", HALFWAY)),
                HALFWAY).status()).isEqualTo(ProgressStatus.TARGET_UNDEFINED);
        assertThat(calculator.compute(kpi(KpiKind.QUALITATIVE, Direction.ACHIEVE, null, null), List.of(), HALFWAY).status())
                .isEqualTo(ProgressStatus.NOT_MEASURABLE);
    }

    @Test
    void onlyWhatUsersActOnCountsAsAChange() {
        KpiDefinition kpi = kpi(KpiKind.COUNT, Direction.INCREASE, "0", "100");
        Progress today = calculator.compute(kpi, List.of(measured("60", HALFWAY)), HALFWAY);
        Progress tomorrow = calculator.compute(kpi, List.of(measured("60", HALFWAY)), HALFWAY.plusDays(1));
        assertThat(tomorrow.changedFrom(today)).isFalse();
        assertThat(calculator.compute(kpi, List.of(measured("61", HALFWAY)), HALFWAY).changedFrom(today)).isTrue();
        assertThat(today.changedFrom(null)).isTrue();
    }

    @Test
    void theTrajectoryRunsThroughTheIntermediateTargets() {
        // 0 → 100 over two years, but 80 promised by the end of the first: a steep first year
        KpiDefinition steep = withSteps(kpi(KpiKind.COUNT, Direction.INCREASE, "0", "100"),
                new KpiDefinition.Step(BigDecimal.valueOf(80), HALFWAY));

        assertThat(ProgressCalculator.expectedAchievement(steep, BigDecimal.ZERO, BigDecimal.valueOf(100), HALFWAY))
                .isEqualByComparingTo("0.8");
        assertThat(calculator.compute(steep, List.of(measured("60", HALFWAY)), HALFWAY).status())
                .as("60 is on track for a straight line, behind for the promised 80").isEqualTo(ProgressStatus.AT_RISK);
        assertThat(ProgressCalculator.expectedAchievement(steep, BigDecimal.ZERO, BigDecimal.valueOf(100),
                LocalDate.parse("2023-09-30"))).isBetween(new BigDecimal("0.89"), new BigDecimal("0.91"));
    }

    @ParameterizedTest(name = "{0} after a baseline of 50 and a target of 80 grades {1}")
    @CsvSource({"80, S", "90, S", "70, A", "54, B", "46, B", "45, B", "44, C", "30, C"})
    void gradesCompareWithTheTargetAndTheBaseline(String value, Grade grade) {
        Progress progress = calculator.compute(kpi(KpiKind.PERCENTAGE, Direction.INCREASE, "50", "80"),
                List.of(measured(value, HALFWAY)), HALFWAY);
        assertThat(progress.grade()).isEqualTo(grade);
    }

    @Test
    void aDecreaseKpiGradesByGoingDown() {
        KpiDefinition waitingTime = kpi(KpiKind.COUNT, Direction.DECREASE, "60", "30");
        assertThat(calculator.compute(waitingTime, List.of(measured("40", HALFWAY)), HALFWAY).grade()).isEqualTo(Grade.A);
        assertThat(calculator.compute(waitingTime, List.of(measured("70", HALFWAY)), HALFWAY).grade()).isEqualTo(Grade.C);
        assertThat(calculator.compute(waitingTime, List.of(measured("25", HALFWAY)), HALFWAY).grade()).isEqualTo(Grade.S);
    }

    @Test
    void aRecurringKpiCountsThisFiscalYearsOccurrencesProRata() {
        KpiDefinition twiceAYear = recurring(kpi(KpiKind.RECURRING, Direction.INCREASE, null, null), 2, "fiscal-year");
        LocalDate october = LocalDate.parse("2023-10-01");

        Progress once = calculator.compute(twiceAYear, List.of(measured("1", LocalDate.parse("2023-06-15")),
                measured("5", LocalDate.parse("2023-03-01"))), october);
        assertThat(once.latestValue()).as("last fiscal year's occurrences do not count").isEqualByComparingTo("1");
        assertThat(once.achievement()).isEqualByComparingTo("0.5");
        assertThat(once.expectedAchievement()).isBetween(new BigDecimal("0.49"), new BigDecimal("0.51"));
        assertThat(once.status()).isEqualTo(ProgressStatus.ON_TRACK);

        Progress twice = calculator.compute(twiceAYear, List.of(measured("1", LocalDate.parse("2023-06-15")),
                measured("1", LocalDate.parse("2023-09-20"))), october);
        assertThat(twice.status()).isEqualTo(ProgressStatus.ACHIEVED);
        assertThat(twice.grade()).isEqualTo(Grade.S);

        KpiDefinition monthly = recurring(kpi(KpiKind.RECURRING, Direction.INCREASE, null, null), 2, "month");
        assertThat(calculator.compute(monthly, List.of(measured("3", LocalDate.parse("2023-05-01"))), october).status())
                .as("3 of 24 by half the year").isEqualTo(ProgressStatus.BEHIND);
        assertThat(calculator.compute(monthly, List.of(), october).status()).isEqualTo(ProgressStatus.NO_DATA);
    }

    @Test
    void aMultipleOfTheBaselineIsJudgedAgainstTheBaselineNeverAgainstLastYear() {
        // 三条市: 令和2年度までに現行実施回数 (4) の1.5倍 (6)
        KpiDefinition trainings = relativeToBaseline(kpi(KpiKind.RELATIVE, Direction.INCREASE, "4", null), "1.5");
        List<Measurement> lastYearHigh = List.of(measured("8", START.minusDays(1)), measured("5", HALFWAY));

        Progress progress = calculator.compute(trainings, lastYearHigh, HALFWAY);
        assertThat(progress.achievement()).as("(5 − 4) / (6 − 4)").isEqualByComparingTo("0.5");
        assertThat(progress.status()).as("last year's 8 × 1.5 plays no part").isEqualTo(ProgressStatus.ON_TRACK);
        assertThat(calculator.compute(trainings, List.of(measured("6", HALFWAY)), HALFWAY).status())
                .isEqualTo(ProgressStatus.ACHIEVED);
        assertThat(calculator.compute(trainings, List.of(measured("5", DUE)), DUE.plusDays(1)).status())
                .as("a deadline like any target").isEqualTo(ProgressStatus.MISSED);
        assertThat(calculator.compute(relativeToBaseline(kpi(KpiKind.RELATIVE, Direction.INCREASE, null, null), "1.5"),
                List.of(measured("5", HALFWAY)), HALFWAY).status())
                .as("no baseline to multiply yet").isEqualTo(ProgressStatus.TARGET_UNDEFINED);
    }

    @Test
    void aLevelToKeepThatDropsAfterItWasReachedIsNoLongerAchievedNorEverMissed() {
        // 瀬戸内町: 2020年までに JIS X 8341-3 AA に準拠させ、その水準を維持
        KpiDefinition accessible = maintained(kpi(KpiKind.BOOLEAN, Direction.ACHIEVE, null, null));
        Measurement reached = measured("1", HALFWAY);
        Measurement lost = measured("0", HALFWAY.plusMonths(2));
        assertThat(calculator.compute(accessible, List.of(reached), HALFWAY).status()).isEqualTo(ProgressStatus.ACHIEVED);

        Progress dropped = calculator.compute(accessible, List.of(reached, lost), HALFWAY.plusMonths(2));
        assertThat(dropped.status()).isEqualTo(ProgressStatus.BEHIND);
        assertThat(dropped.expectedAchievement()).as("all of the level is expected once reached").isEqualByComparingTo("1");
        assertThat(calculator.compute(accessible, List.of(reached, lost), DUE.plusYears(1)).status())
                .as("after the deadline: not kept, not 未達").isEqualTo(ProgressStatus.BEHIND);
        assertThat(calculator.compute(accessible, List.of(reached, lost, measured("1", DUE)), DUE.plusDays(1)).status())
                .as("restored").isEqualTo(ProgressStatus.ACHIEVED);

        KpiDefinition count = maintained(kpi(KpiKind.COUNT, Direction.INCREASE, "0", "100"));
        LocalDate later = HALFWAY.plusMonths(1);
        assertThat(calculator.compute(count, List.of(measured("100", HALFWAY), measured("95", later)), later).status())
                .isEqualTo(ProgressStatus.ON_TRACK);
        assertThat(calculator.compute(count, List.of(measured("100", HALFWAY), measured("80", later)), later).status())
                .as("80% of a level that was due in full").isEqualTo(ProgressStatus.AT_RISK);
        assertThat(calculator.compute(kpi(KpiKind.COUNT, Direction.INCREASE, "0", "100"),
                List.of(measured("100", HALFWAY), measured("80", later)), later).status())
                .as("without upkeep: judged by the trajectory as before").isEqualTo(ProgressStatus.ON_TRACK);
    }

    @Test
    void aRelativeKpiComparesThisYearWithLastYearTimesTheFactor() {
        KpiDefinition growth = relative(kpi(KpiKind.RELATIVE, Direction.INCREASE, null, null), "1.1");
        LocalDate march = LocalDate.parse("2024-03-31");
        List<Measurement> lastYear = List.of(measured("1000", LocalDate.parse("2023-03-31")));

        assertThat(calculator.compute(growth, lastYear, march).status())
                .as("nothing reported this year yet").isEqualTo(ProgressStatus.NO_DATA);
        Progress achieved = calculator.compute(growth, List.of(lastYear.getFirst(), measured("1150", march)), march);
        assertThat(achieved.status()).isEqualTo(ProgressStatus.ACHIEVED);
        assertThat(achieved.grade()).isEqualTo(Grade.S);
        Progress flat = calculator.compute(growth, List.of(lastYear.getFirst(), measured("950", march)), march);
        assertThat(flat.status()).isEqualTo(ProgressStatus.AT_RISK);
        assertThat(flat.grade()).isEqualTo(Grade.B);
        assertThat(calculator.compute(growth, List.of(measured("500", march)), march).status())
                .as("no base to grow from").isEqualTo(ProgressStatus.TARGET_UNDEFINED);
    }

    @Test
    void aMunicipalityMayBeStricterThanTheDefaults() {
        ProgressCalculator strict = new ProgressCalculator(new ProgressPolicy(ProgressThresholds.DEFAULTS,
                java.util.Map.of("152048", new ProgressThresholds(new BigDecimal("0.95"), new BigDecimal("0.9")))));
        KpiDefinition elsewhere = kpi(KpiKind.COUNT, Direction.INCREASE, "0", "100");
        KpiDefinition sanjo = inMunicipality(elsewhere, "152048");

        assertThat(strict.compute(elsewhere, List.of(measured("46", HALFWAY)), HALFWAY).status()).isEqualTo(ProgressStatus.ON_TRACK);
        assertThat(strict.compute(sanjo, List.of(measured("46", HALFWAY)), HALFWAY).status()).isEqualTo(ProgressStatus.AT_RISK);
        assertThat(strict.compute(sanjo, List.of(measured("44", HALFWAY)), HALFWAY).status()).isEqualTo(ProgressStatus.BEHIND);
    }

    @Test
    void undefinedAndQualitativeKpisAreNotGraded() {
        Progress undefined = calculator.compute(kpi(KpiKind.UNDEFINED, Direction.INCREASE, null, null),
                List.of(measured("3", HALFWAY)), HALFWAY);
        assertThat(undefined.status()).isEqualTo(ProgressStatus.TARGET_UNDEFINED);
        assertThat(undefined.grade()).isEqualTo(Grade.NONE);
        assertThat(calculator.compute(kpi(KpiKind.QUALITATIVE, Direction.ACHIEVE, null, null), List.of(), HALFWAY).status())
                .isEqualTo(ProgressStatus.NOT_MEASURABLE);
    }

    @Test
    void aCorrectedValueGivesWayToItsCorrection() {
        KpiDefinition kpi = kpi(KpiKind.COUNT, Direction.INCREASE, "0", "100");
        Measurement wrong = measured("20", HALFWAY);
        Measurement fixed = new Measurement("m-fix", "k1", "p1", "dept", new BigDecimal("50"), null, HALFWAY,
                wrong.period(), null, "dept", "key-fix", wrong.recordedAt().plusSeconds(60), wrong.id(), "集計誤り");
        Measurement later = measured("30", HALFWAY.minusDays(10));

        Progress progress = calculator.compute(kpi, List.of(wrong, fixed, later), HALFWAY);

        assertThat(progress.latestValue()).isEqualByComparingTo("50");
        assertThat(progress.status()).isEqualTo(ProgressStatus.ON_TRACK);
    }

    @Test
    void onlyValuesMeasuredByTheDayAskedAboutCount() {
        KpiDefinition kpi = kpi(KpiKind.COUNT, Direction.INCREASE, "0", "100");
        List<Measurement> history = List.of(measured("20", HALFWAY.minusMonths(3)), measured("90", HALFWAY.plusMonths(3)));

        assertThat(calculator.compute(kpi, history, HALFWAY).latestValue()).isEqualByComparingTo("20");
        assertThat(calculator.compute(kpi, history, HALFWAY.plusMonths(4)).latestValue()).isEqualByComparingTo("90");
        assertThat(calculator.compute(kpi, history, START).status()).isEqualTo(ProgressStatus.NO_DATA);
    }

    @Test
    void aPerPeriodKpiAddsUpItsFiscalYearAndScalesARunningYear() {
        KpiDefinition kpi = perPeriod(kpi(KpiKind.COUNT, Direction.INCREASE, "0", "1000"));
        Measurement q1 = inQuarter("200", LocalDate.parse("2022-06-30"));
        Measurement q2 = inQuarter("300", LocalDate.parse("2022-09-30"));
        Measurement q3 = inQuarter("100", LocalDate.parse("2022-12-31"));
        Measurement q4 = inQuarter("150", LocalDate.parse("2023-03-31"));

        assertThat(calculator.compute(kpi, List.of(q1, q2), LocalDate.parse("2022-11-01")).latestValue())
                .as("two of four quarters reported in a running year: ×2").isEqualByComparingTo("1000");
        assertThat(calculator.compute(kpi, List.of(q1, q2, q3, q4), LocalDate.parse("2023-03-31")).latestValue())
                .as("all four quarters").isEqualByComparingTo("750");
        assertThat(calculator.compute(kpi, List.of(q1, q2, q3), LocalDate.parse("2023-05-01")).latestValue())
                .as("a year that has ended counts what was reported").isEqualByComparingTo("600");
    }

    static KpiDefinition perPeriod(KpiDefinition k) {
        return new KpiDefinition(k.id(), k.planId(), k.departmentCode(), k.name(), k.unit(), k.kind(), k.direction(),
                k.baselineValue(), k.baselineAsOf(), k.targetValue(), k.due(), k.revision(), k.retired(),
                k.municipalityCode(), k.intermediateTargets(), k.recurrence(), k.factor(), k.placement(),
                KpiDefinition.Accumulation.PER_PERIOD, ReportingCadence.QUARTERLY, k.planFrom(), k.planTo());
    }

    static Measurement inQuarter(String value, LocalDate on) {
        return new Measurement("m-" + value + on, "k1", "p1", "dept", new BigDecimal(value), null, on,
                ReportingPeriod.containing(ReportingCadence.QUARTERLY, on), null, "dept", "key-" + value + on,
                Instant.parse("2023-01-01T00:00:00Z"), null, null);
    }

    static KpiDefinition kpi(KpiKind kind, Direction direction, String baseline, String target) {
        return new KpiDefinition("k1", "p1", "dept", "指標", "件", kind, direction,
                baseline == null ? null : new BigDecimal(baseline), START, target == null ? null : new BigDecimal(target),
                DUE, 1, false, null, List.of(), null, null);
    }

    static KpiDefinition withSteps(KpiDefinition k, KpiDefinition.Step... steps) {
        return new KpiDefinition(k.id(), k.planId(), k.departmentCode(), k.name(), k.unit(), k.kind(), k.direction(),
                k.baselineValue(), k.baselineAsOf(), k.targetValue(), k.due(), k.revision(), k.retired(),
                k.municipalityCode(), List.of(steps), k.recurrence(), k.factor());
    }

    static KpiDefinition recurring(KpiDefinition k, int times, String per) {
        return new KpiDefinition(k.id(), k.planId(), k.departmentCode(), k.name(), k.unit(), k.kind(), k.direction(),
                k.baselineValue(), k.baselineAsOf(), k.targetValue(), null, k.revision(), k.retired(),
                k.municipalityCode(), k.intermediateTargets(), new KpiDefinition.Recurrence(times, per), k.factor());
    }

    static KpiDefinition relative(KpiDefinition k, String factor) {
        return new KpiDefinition(k.id(), k.planId(), k.departmentCode(), k.name(), k.unit(), k.kind(), k.direction(),
                k.baselineValue(), k.baselineAsOf(), k.targetValue(), null, k.revision(), k.retired(),
                k.municipalityCode(), k.intermediateTargets(), k.recurrence(), new BigDecimal(factor));
    }

    static KpiDefinition relativeToBaseline(KpiDefinition k, String factor) {
        return new KpiDefinition(k.id(), k.planId(), k.departmentCode(), k.name(), k.unit(), k.kind(), k.direction(),
                k.baselineValue(), k.baselineAsOf(), null, k.due(), k.revision(), k.retired(), k.municipalityCode(),
                k.intermediateTargets(), k.recurrence(), new BigDecimal(factor), k.placement(), k.accumulation(),
                k.cadence(), k.planFrom(), k.planTo(), KpiDefinition.RelativeTo.BASELINE, false, null);
    }

    static KpiDefinition maintained(KpiDefinition k) {
        return new KpiDefinition(k.id(), k.planId(), k.departmentCode(), k.name(), k.unit(), k.kind(), k.direction(),
                k.baselineValue(), k.baselineAsOf(), k.targetValue(), k.due(), k.revision(), k.retired(),
                k.municipalityCode(), k.intermediateTargets(), k.recurrence(), k.factor(), k.placement(),
                k.accumulation(), k.cadence(), k.planFrom(), k.planTo(), k.relativeTo(), true, k.ratio());
    }

    static KpiDefinition inMunicipality(KpiDefinition k, String municipality) {
        return new KpiDefinition(k.id(), k.planId(), k.departmentCode(), k.name(), k.unit(), k.kind(), k.direction(),
                k.baselineValue(), k.baselineAsOf(), k.targetValue(), k.due(), k.revision(), k.retired(),
                municipality, k.intermediateTargets(), k.recurrence(), k.factor());
    }

    static Measurement measured(String value, LocalDate on) {
        return new Measurement("m-" + value + on, "k1", "p1", "dept", new BigDecimal(value), null, on,
                ReportingPeriod.containing(ReportingCadence.ANNUAL, on), null, "dept", "key-" + value + on,
                Instant.parse("2023-01-01T00:00:00Z"), null, null);
    }
}
