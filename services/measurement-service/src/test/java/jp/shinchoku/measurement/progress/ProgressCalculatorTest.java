package jp.shinchoku.measurement.progress;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

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

    static KpiDefinition kpi(KpiKind kind, Direction direction, String baseline, String target) {
        return new KpiDefinition("k1", "p1", "dept", "指標", "件", kind, direction,
                baseline == null ? null : new BigDecimal(baseline), START, target == null ? null : new BigDecimal(target),
                DUE, 1, false);
    }

    static Measurement measured(String value, LocalDate on) {
        return new Measurement("m-" + value + on, "k1", "p1", "dept", new BigDecimal(value), on, null, "dept",
                "key-" + value + on, Instant.parse("2023-01-01T00:00:00Z"));
    }
}
