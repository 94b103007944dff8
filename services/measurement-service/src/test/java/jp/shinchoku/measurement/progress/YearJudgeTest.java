package jp.shinchoku.measurement.progress;

import static jp.shinchoku.measurement.progress.ProgressCalculatorTest.kpi;
import static jp.shinchoku.measurement.progress.ProgressCalculatorTest.maintained;
import static jp.shinchoku.measurement.progress.ProgressCalculatorTest.measured;
import static jp.shinchoku.measurement.progress.ProgressCalculatorTest.perPeriod;
import static jp.shinchoku.measurement.progress.ProgressCalculatorTest.recurring;
import static jp.shinchoku.measurement.progress.ProgressCalculatorTest.relative;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import jp.shinchoku.calendar.ReportingCadence;
import jp.shinchoku.calendar.ReportingPeriod;
import jp.shinchoku.measurement.kpis.Direction;
import jp.shinchoku.measurement.kpis.KpiDefinition;
import jp.shinchoku.measurement.kpis.KpiKind;
import jp.shinchoku.measurement.measurements.Measurement;
import jp.shinchoku.measurement.progress.YearVerdict.Verdict;
import org.junit.jupiter.api.Test;

/** Every KPI whose target is per fiscal year gets a verdict for each year that has ended (baseline 2022-04-01). */
class YearJudgeTest {

    private static final LocalDate FY2022_END = LocalDate.parse("2023-03-31");
    private static final LocalDate APRIL_FIRST = LocalDate.parse("2023-04-01");

    private final ProgressCalculator calculator = new ProgressCalculator(ProgressThresholds.DEFAULTS);

    @Test
    void aRecurringKpiIsJudgedTheMorningAfterItsYearEndsAndNotBefore() {
        KpiDefinition twiceAYear = recurring(kpi(KpiKind.RECURRING, Direction.INCREASE, null, null), 2, "fiscal-year");
        List<Measurement> once = List.of(measured("1", LocalDate.parse("2022-06-15")));

        assertThat(calculator.compute(twiceAYear, once, FY2022_END).years()).as("the year is still running").isEmpty();
        Progress april = calculator.compute(twiceAYear, once, APRIL_FIRST);
        assertThat(april.years()).singleElement().satisfies(verdict -> {
            assertThat(verdict.fiscalYear()).isEqualTo(2022);
            assertThat(verdict.value()).isEqualByComparingTo("1");
            assertThat(verdict.target()).isEqualByComparingTo("2");
            assertThat(verdict.verdict()).isEqualTo(Verdict.MISSED);
            assertThat(verdict.judgedOn()).isEqualTo(APRIL_FIRST);
        });
        assertThat(april.latestValue()).as("the new year counts from nothing").isEqualByComparingTo("0");

        List<Measurement> twice = List.of(once.getFirst(), measured("1", LocalDate.parse("2023-01-10")));
        assertThat(calculator.compute(twiceAYear, twice, APRIL_FIRST).years().getFirst().verdict()).isEqualTo(Verdict.ACHIEVED);
        assertThat(calculator.compute(twiceAYear, List.of(), APRIL_FIRST).years()).singleElement()
                .satisfies(verdict -> {
                    assertThat(verdict.value()).as("nothing reported").isNull();
                    assertThat(verdict.verdict()).isEqualTo(Verdict.MISSED);
                });
    }

    @Test
    void aMonthBelowItsMinimumShowsDuringTheYearAndMakesTheYearMissedWhateverItsSum() {
        KpiDefinition twiceAMonth = recurring(kpi(KpiKind.RECURRING, Direction.INCREASE, null, null), 2, "month");
        List<Measurement> everyMonthButAugust = new ArrayList<>();
        for (LocalDate month = LocalDate.parse("2022-04-10"); month.isBefore(APRIL_FIRST); month = month.plusMonths(1)) {
            everyMonthButAugust.add(measured(month.getMonthValue() == 8 ? "0" : month.getMonthValue() == 9 ? "4" : "2", month));
        }
        Progress september = calculator.compute(twiceAMonth, everyMonthButAugust, LocalDate.parse("2022-09-20"));
        assertThat(september.status()).as("August had none: 注意").isEqualTo(ProgressStatus.AT_RISK);
        Progress august = calculator.compute(twiceAMonth, everyMonthButAugust, LocalDate.parse("2022-08-05"));
        assertThat(august.status()).as("every month so far had its two").isEqualTo(ProgressStatus.ON_TRACK);

        YearVerdict year = calculator.compute(twiceAMonth, everyMonthButAugust, APRIL_FIRST).years().getFirst();
        assertThat(year.value()).as("24, September making up for August").isEqualByComparingTo("24");
        assertThat(year.shortMonths()).containsExactly("2022-08");
        assertThat(year.verdict()).isEqualTo(Verdict.MISSED);
    }

    @Test
    void aRelativeKpiIsJudgedEachYearAgainstThePreviousYearTimesTheFactor() {
        KpiDefinition growth = relative(kpi(KpiKind.RELATIVE, Direction.INCREASE, "1000", null), "1.1");
        List<Measurement> values = List.of(measured("1150", FY2022_END), measured("1200", LocalDate.parse("2024-03-31")));

        List<YearVerdict> years = calculator.compute(growth, values, LocalDate.parse("2024-04-01")).years();
        assertThat(years).extracting(YearVerdict::fiscalYear).containsExactly(2022, 2023);
        assertThat(years.getFirst().target()).as("the baseline × 1.1").isEqualByComparingTo("1100");
        assertThat(years.getFirst().verdict()).isEqualTo(Verdict.ACHIEVED);
        assertThat(years.get(1).target()).as("last year's 1150 × 1.1").isEqualByComparingTo("1265");
        assertThat(years.get(1).verdict()).isEqualTo(Verdict.MISSED);
    }

    @Test
    void aKpiCountedPerPeriodIsJudgedInTheYearsItsPlanStatesATargetFor() {
        KpiDefinition perYear = perPeriod(ProgressCalculatorTest.withSteps(kpi(KpiKind.COUNT, Direction.INCREASE, "0", "400"),
                new KpiDefinition.Step(new BigDecimal("300"), FY2022_END)));
        List<Measurement> quarters = List.of(inQuarter("100", "2022-06-30"), inQuarter("100", "2022-09-30"),
                inQuarter("50", "2022-12-31"), inQuarter("100", "2023-06-30"), inQuarter("350", "2023-12-31"));

        List<YearVerdict> years = calculator.compute(perYear, quarters, LocalDate.parse("2024-04-01")).years();
        assertThat(years).extracting(YearVerdict::fiscalYear).containsExactly(2022, 2023);
        assertThat(years.getFirst().value()).isEqualByComparingTo("250");
        assertThat(years.getFirst().target()).as("the intermediate target of 令和4年度").isEqualByComparingTo("300");
        assertThat(years.getFirst().verdict()).isEqualTo(Verdict.MISSED);
        assertThat(years.get(1).value()).isEqualByComparingTo("450");
        assertThat(years.get(1).verdict()).isEqualTo(Verdict.ACHIEVED);
    }

    @Test
    void aLevelToKeepIsJudgedEachYearFromTheYearItWasReached() {
        KpiDefinition keep = maintained(kpi(KpiKind.COUNT, Direction.INCREASE, "0", "100"));
        List<Measurement> reachedThenLost = List.of(measured("100", LocalDate.parse("2023-02-01")),
                measured("90", LocalDate.parse("2024-02-01")));

        List<YearVerdict> years = calculator.compute(keep, reachedThenLost, LocalDate.parse("2024-04-01")).years();
        assertThat(years).extracting(YearVerdict::fiscalYear, YearVerdict::verdict)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(2022, Verdict.ACHIEVED),
                        org.assertj.core.groups.Tuple.tuple(2023, Verdict.MISSED));
        assertThat(calculator.compute(keep, List.of(measured("50", LocalDate.parse("2023-02-01"))),
                LocalDate.parse("2024-04-01")).years()).as("not reached yet: judged by its deadline").isEmpty();
    }

    @Test
    void aCorrectionOfAnEndedYearChangesItsVerdictAndKeepsTheOthersAsThey() {
        KpiDefinition twiceAYear = recurring(kpi(KpiKind.RECURRING, Direction.INCREASE, null, null), 2, "fiscal-year");
        Measurement one = measured("1", LocalDate.parse("2022-06-15"));
        LocalDate day = LocalDate.parse("2024-04-01");
        Progress before = calculator.compute(twiceAYear, List.of(one, measured("2", LocalDate.parse("2023-06-15"))), day);
        Measurement fixed = new Measurement("m-fix", "k1", "p1", "dept", new BigDecimal("2"), null, one.measuredOn(),
                one.period(), null, "dept", "key-fix", one.recordedAt().plusSeconds(60), one.id(), "集計漏れ");
        Progress after = calculator.compute(twiceAYear, List.of(one, fixed, measured("2", LocalDate.parse("2023-06-15"))),
                day.plusDays(3)).after(before);

        assertThat(after.changedFrom(before)).isTrue();
        assertThat(after.yearsJudgedSince(before)).singleElement().satisfies(verdict -> {
            assertThat(verdict.fiscalYear()).isEqualTo(2022);
            assertThat(verdict.verdict()).isEqualTo(Verdict.ACHIEVED);
            assertThat(verdict.judgedOn()).isEqualTo(day.plusDays(3));
        });
        assertThat(after.years().get(1).judgedOn()).as("the year it did not change keeps its day").isEqualTo(day);
    }

    private static Measurement inQuarter(String value, String on) {
        LocalDate day = LocalDate.parse(on);
        return new Measurement("m-" + value + on, "k1", "p1", "dept", new BigDecimal(value), null, day,
                ReportingPeriod.containing(ReportingCadence.QUARTERLY, day), null, "dept", "key-" + value + on,
                Instant.parse("2023-01-01T00:00:00Z"), null, null);
    }
}
