package jp.shinchoku.notification.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.Period;

import jp.shinchoku.notification.kpis.KpiWatch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DeadlineRuleTest {

    private static final LocalDate DUE = LocalDate.parse("2024-03-31");
    private final DeadlineRule rule = new DeadlineRule(Period.ofMonths(6));

    @ParameterizedTest(name = "{0} on {1}: alert {2}")
    @CsvSource({
            "BEHIND,   2023-10-02, true",
            "AT_RISK,  2023-10-02, true",
            "BEHIND,   2023-10-01, true",
            "BEHIND,   2023-09-30, false",
            "BEHIND,   2024-03-31, true",
            "BEHIND,   2024-04-01, true",
            "AT_RISK,  2024-04-07, true",
            "AT_RISK,  2024-04-08, false",
            "ON_TRACK, 2023-10-02, false",
            "NO_DATA,  2023-10-02, false",
            "MISSED,   2024-04-01, false"})
    void firesForAKpiBehindWhoseDeadlineIsWithinTheHorizon(String status, LocalDate today, boolean fires) {
        assertThat(rule.evaluate(kpi(status), today).isPresent()).isEqualTo(fires);
    }

    @Test
    void theAlertIsForThePromotionHeadquartersAndSaysWhatIsLateInJapanese() {
        AlertCondition condition = rule.evaluate(kpi("BEHIND"), LocalDate.parse("2023-10-02")).orElseThrow();

        assertThat(Route.receivers(java.util.List.of(), condition.rule(), condition.labels()))
                .containsExactly(Receiver.PROMOTION_HQ, Receiver.department("shimin"));
        assertThat(condition.labels()).containsEntry("kpiId", "k1").containsEntry("departmentCode", "shimin");
        assertThat(condition.summaryJa()).isEqualTo(
                "評価指標「マイナンバーカードの普及率」が計画より遅れの状況です（達成度 21%、期限 令和6年3月31日（2024-03-31） まで）");
        assertThat(condition.summaryEn()).contains("behind").contains("not yet passed");
    }

    @Test
    void pastTheDeadlineItHoldsUntilTheKpiIsJudgedSoThatNoDayGoesWithoutAnAlert() {
        AlertCondition late = rule.evaluate(kpi("BEHIND"), LocalDate.parse("2024-04-01")).orElseThrow();
        assertThat(late.summaryJa()).contains("期限 令和6年3月31日（2024-03-31） を過ぎています");
        assertThat(late.summaryEn()).contains("deadline 2024-03-31, passed");
        assertThat(rule.evaluate(kpi("MISSED"), LocalDate.parse("2024-04-01"))).isEmpty();
        KpiWatch judgedStillBehind = new KpiWatch("k1", "p1", "3-1", "shimin", "普及率", DUE, "BEHIND", null, null,
                LocalDate.parse("2024-04-01"), false);
        assertThat(rule.evaluate(judgedStillBehind, LocalDate.parse("2024-04-02")))
                .as("a level kept past its deadline and lost: the worsening tells it, not the deadline").isEmpty();
    }

    @Test
    void theSameLabelsAreTheSameAlert() {
        AlertCondition first = rule.evaluate(kpi("BEHIND"), LocalDate.parse("2023-10-02")).orElseThrow();
        AlertCondition later = rule.evaluate(kpi("AT_RISK"), LocalDate.parse("2023-11-02")).orElseThrow();
        assertThat(later.alertId()).isEqualTo(first.alertId()).startsWith("alr-");
    }

    private static KpiWatch kpi(String status) {
        return kpi(status, null);
    }

    private static KpiWatch kpi(String status, Boolean retired) {
        return new KpiWatch("k1", "p1", "3-1", "shimin", "マイナンバーカードの普及率", DUE, status,
                new BigDecimal("0.2105"), new BigDecimal("0.9"), LocalDate.parse("2023-10-02"), retired);
    }

    @Test
    void aRetiredKpiRaisesNothing() {
        assertThat(rule.evaluate(kpi("BEHIND", false), LocalDate.parse("2023-10-02"))).isPresent();
        assertThat(rule.evaluate(kpi("BEHIND", true), LocalDate.parse("2023-10-02"))).isEmpty();
    }
}
