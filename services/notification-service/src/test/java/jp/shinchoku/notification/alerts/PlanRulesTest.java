package jp.shinchoku.notification.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.MonthDay;
import java.time.Period;
import java.util.List;
import java.util.Map;

import jp.shinchoku.notification.kpis.KpiWatch;
import jp.shinchoku.notification.plans.MilestoneWatch;
import jp.shinchoku.notification.plans.PlanWatch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The rules about a plan: milestones due and overdue, 未設定 targets past their decision date, the 年度見直し. */
class PlanRulesTest {

    static final LocalDate DUE = LocalDate.parse("2025-03-31");
    final MilestoneRules milestones = new MilestoneRules(RuleSettings.Policy.of(RuleSettings.DEFAULTS));
    final PlanReviewRule reviews = new PlanReviewRule(RuleSettings.Policy.of(RuleSettings.DEFAULTS));

    @ParameterizedTest
    @CsvSource(textBlock = """
            2025-02-28, ''
            2025-03-01, 30d
            2025-03-24, 7d
            2025-03-30, 1d
            2025-03-31, 1d
            """)
    void aMilestoneIsAnnouncedThirtySevenAndOneDayBeforeItsDueDate(LocalDate today, String within) {
        List<AlertCondition> found = milestones.evaluate(plan("in-progress"), today);

        assertThat(found).extracting(c -> c.labels().get("within")).containsExactlyElementsOf(
                within.isEmpty() ? List.of() : List.of(within));
        found.forEach(c -> assertThat(c.rule()).isEqualTo(AlertRule.MILESTONE_DUE_SOON));
    }

    @Test
    void pastItsDueDateTheMilestoneIsOverdueAndTheLastStepStillHoldsForInhibitionToMute() {
        List<AlertCondition> found = milestones.evaluate(plan("delayed"), LocalDate.parse("2025-04-03"));

        assertThat(found).extracting(AlertCondition::rule)
                .containsExactly(AlertRule.MILESTONE_DUE_SOON, AlertRule.MILESTONE_OVERDUE);
        AlertCondition overdue = found.get(1);
        assertThat(overdue.summaryJa()).isEqualTo(
                "スケジュール「庁内ペーパーレス化の方針策定」が期限 令和7年3月31日（2025-03-31） を過ぎても完了していません");
        assertThat(overdue.labels()).containsEntry("milestoneId", "pln-1.2-1.m1").containsEntry("departmentCode", "somu")
                .containsEntry("municipality", "152048").doesNotContainKey("within");
        assertThat(overdue.link()).isEqualTo("plan:/api/milestones?plan=pln-1#pln-1.2-1.m1");
        assertThat(Route.receivers(List.of(), overdue.rule(), overdue.labels()))
                .containsExactly(Receiver.department("somu"), Receiver.PROMOTION_HQ);
    }

    @ParameterizedTest
    @CsvSource({"done", "cancelled"})
    void aMilestoneDoneOrCancelledRaisesNothing(String status) {
        assertThat(milestones.evaluate(plan(status), LocalDate.parse("2025-04-03"))).isEmpty();
    }

    @Test
    void aMunicipalityMayAnnounceOnItsOwnDays() {
        RuleSettings own = new RuleSettings(Period.ofMonths(6), 14, 5, List.of(14, 3), MonthDay.of(6, 30), 30, 3,
                Receiver.CIO, List.of());
        MilestoneRules sanjo = new MilestoneRules(new RuleSettings.Policy(RuleSettings.DEFAULTS, Map.of("152048", own)));

        assertThat(sanjo.evaluate(plan("in-progress"), LocalDate.parse("2025-03-10"))).isEmpty();
        assertThat(sanjo.evaluate(plan("in-progress"), LocalDate.parse("2025-03-17")))
                .extracting(c -> c.labels().get("within")).containsExactly("14d");
    }

    @Test
    void anUndecidedTargetAlertsOnlyAfterTheDateOfTheMilestoneThatDecidesIt() {
        KpiWatch undecided = kpi("undefined");

        assertThat(TargetUndecidedRule.evaluate(undecided, plan("in-progress"), DUE)).isEmpty();
        AlertCondition late = TargetUndecidedRule.evaluate(undecided, plan("in-progress"), DUE.plusDays(1)).orElseThrow();
        assertThat(late.summaryJa()).isEqualTo("評価指標「ペーパーレス化率」の目標値が、設定期限 令和7年3月31日（2025-03-31） を過ぎても未設定です");
        assertThat(late.labels()).containsEntry("kpiId", "pln-1.2-1.1").containsEntry("milestoneId", "pln-1.2-1.m1");
        // decided by a revision: the KPI has a kind of its own now
        assertThat(TargetUndecidedRule.evaluate(kpi("percentage"), plan("in-progress"), DUE.plusDays(1))).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(textBlock = """
            2025-05-30, '',       ''
            2025-05-31, due-soon, FY2024
            2025-06-30, due-soon, FY2024
            2025-07-01, overdue,  FY2024
            2028-06-15, '',       ''
            """)
    void theReviewOfTheYearJustEndedIsDueByTheEndOfJune(LocalDate today, String stage, String fiscalYear) {
        var found = reviews.evaluate(plan("in-progress"), 2022, 2026, today);

        assertThat(found.map(c -> c.labels().get("stage")).orElse("")).isEqualTo(stage);
        assertThat(found.map(c -> c.labels().get("fiscalYear")).orElse("")).isEqualTo(fiscalYear);
    }

    @Test
    void aRecordedReviewClearsItAndTheMessageSaysWhichYearInJapanese() {
        PlanWatch plan = plan("in-progress");
        AlertCondition due = reviews.evaluate(plan, 2022, 2026, LocalDate.parse("2025-06-10")).orElseThrow();
        assertThat(due.summaryJa()).isEqualTo(
                "「三条市DX推進計画」の令和6年度の年度見直しが期限 令和7年6月30日（2025-06-30） までに必要です");
        PlanWatch reviewed = new PlanWatch(plan.planId(), plan.municipalityCode(), plan.municipalityName(), plan.title(),
                plan.issuedOn(), plan.revision(), plan.milestones(), List.of(2024));
        assertThat(reviews.evaluate(reviewed, 2022, 2026, LocalDate.parse("2025-06-10"))).isEmpty();
    }

    @Test
    void routesChooseReceiversByLabelsFirstMatchUnlessContinued() {
        Map<String, String> labels = Map.of("rule", "MILESTONE_DUE_SOON", "departmentCode", "somu", "within", "1d");
        List<Route> routes = List.of(
                new Route(List.of(LabelMatcher.parse("rule=~MILESTONE_.*"), LabelMatcher.parse("within=1d")),
                        List.of("department", "promotion-hq"), true),
                new Route(List.of(LabelMatcher.parse("departmentCode=somu")), List.of("cio"), false),
                new Route(List.of(), List.of("never"), false));

        assertThat(Route.receivers(routes, AlertRule.MILESTONE_DUE_SOON, labels))
                .containsExactly("department:somu", "promotion-hq", "cio");
        assertThat(Route.receivers(routes.subList(0, 1), AlertRule.MILESTONE_DUE_SOON, Map.of("within", "30d")))
                .as("no route matches: the rule's defaults; no department label: the 推進本部").containsExactly("promotion-hq");
        assertThat(LabelMatcher.parse("planId!~pln-9.*").matches(Map.of("planId", "pln-1"))).isTrue();
        assertThatThrownBy(() -> LabelMatcher.parse("rule ~ x")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> LabelMatcher.parse("rule=~(")).isInstanceOf(IllegalArgumentException.class);
    }

    static PlanWatch plan(String status) {
        return new PlanWatch("pln-1", "152048", "三条市", "三条市DX推進計画", LocalDate.parse("2022-04-01"), 1,
                List.of(new MilestoneWatch("pln-1.2-1.m1", "2-1", "somu", "庁内ペーパーレス化の方針策定", DUE, "pln-1.2-1.1",
                        status, false)), List.of());
    }

    static KpiWatch kpi(String kind) {
        return new KpiWatch("pln-1.2-1.1", "pln-1", "2-1", "somu", "ペーパーレス化率", null, null, null, null, null, false,
                null, "152048", "annual", 2022, 2026, List.of(), kind, null);
    }
}
