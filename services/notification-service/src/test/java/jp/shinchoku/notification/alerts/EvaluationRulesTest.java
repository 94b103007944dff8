package jp.shinchoku.notification.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import jp.shinchoku.notification.kpis.KpiWatch;
import jp.shinchoku.notification.plans.PlanWatch;
import org.junit.jupiter.api.Test;

/**
 * 施策評価 of 令和6年度 in 三条市 (review due 6月30日, 30 days' lead: the 自己評価 due 5月31日): 総務課's two measures and
 * 企画課's one; reminded from 5月17日, overdue from 6月1日 with the 推進本部 told, submitted ones waiting for the 推進本部.
 */
class EvaluationRulesTest {

    final EvaluationRules rules = new EvaluationRules(RuleSettings.Policy.of(RuleSettings.DEFAULTS));
    final List<KpiWatch> kpis = List.of(kpi("pln-1.2-1.1", "2-1", "somu"), kpi("pln-1.2-1.2", "2-1", "somu"),
            kpi("pln-1.2-2.1", "2-2", "somu"), kpi("pln-1.3-1.1", "3-1", "kikaku"));

    @Test
    void departmentsAreRemindedOfTheirUnsubmittedMeasuresAndThe推進本部OnceTheyAreLate() {
        assertThat(rules.evaluate(plan(Map.of()), kpis, LocalDate.parse("2025-05-16"))).as("before the reminder").isEmpty();

        List<AlertCondition> reminded = rules.evaluate(plan(Map.of()), kpis, LocalDate.parse("2025-05-17"));
        assertThat(reminded).extracting(AlertCondition::rule).containsOnly(AlertRule.EVALUATION_DUE);
        assertThat(reminded).extracting(c -> c.labels().get("departmentCode")).containsExactly("kikaku", "somu");
        AlertCondition somu = reminded.get(1);
        assertThat(somu.summaryJa()).isEqualTo("「三条市DX推進計画」の令和6年度の施策2件の自己評価が未提出です（期限 令和7年5月31日（2025-05-31））");
        assertThat(somu.labels()).containsEntry("fiscalYear", "FY2024").containsEntry("planId", "pln-1");
        assertThat(Route.receivers(List.of(), somu.rule(), somu.labels())).containsExactly("department:somu");

        List<AlertCondition> late = rules.evaluate(plan(Map.of("2-1:FY2024", submitted())), kpis,
                LocalDate.parse("2025-06-01"));
        assertThat(late).extracting(AlertCondition::rule).containsExactlyInAnyOrder(AlertRule.EVALUATION_OVERDUE,
                AlertRule.EVALUATION_OVERDUE, AlertRule.EVALUATION_WAITING);
        AlertCondition somuLate = late.stream().filter(c -> "somu".equals(c.labels().get("departmentCode"))).findFirst()
                .orElseThrow();
        assertThat(somuLate.summaryJa()).contains("施策1件", "を過ぎても提出されていません");
        assertThat(Route.receivers(List.of(), somuLate.rule(), somuLate.labels()))
                .containsExactly("department:somu", "promotion-hq");
        AlertCondition waiting = late.stream().filter(c -> c.rule() == AlertRule.EVALUATION_WAITING).findFirst()
                .orElseThrow();
        assertThat(waiting.summaryJa()).isEqualTo("「三条市DX推進計画」の令和6年度の自己評価1件が推進本部の評価を待っています");
        assertThat(Route.receivers(List.of(), waiting.rule(), waiting.labels())).containsExactly("promotion-hq");
    }

    @Test
    void nothingIsOwedOnceEveryMeasureIsEvaluatedNorForAYearOutsideThePlan() {
        Map<String, PlanWatch.MeasureEvaluation> all = Map.of("2-1:FY2024", evaluated(), "2-2:FY2024", evaluated(),
                "3-1:FY2024", evaluated());
        assertThat(rules.evaluate(plan(all), kpis, LocalDate.parse("2025-06-15"))).isEmpty();
        assertThat(rules.evaluate(plan(Map.of()), kpis, LocalDate.parse("2027-06-15")))
                .as("令和8年度 is past the plan's 令和7年度").isEmpty();
    }

    private static PlanWatch.MeasureEvaluation submitted() {
        return new PlanWatch.MeasureEvaluation("SUBMITTED", Instant.parse("2025-05-20T01:00:00Z"));
    }

    private static PlanWatch.MeasureEvaluation evaluated() {
        return new PlanWatch.MeasureEvaluation("EVALUATED", Instant.parse("2025-05-28T01:00:00Z"));
    }

    private static PlanWatch plan(Map<String, PlanWatch.MeasureEvaluation> evaluations) {
        return new PlanWatch("pln-1", "152048", "三条市", "三条市DX推進計画", LocalDate.parse("2022-04-01"), 1, List.of(),
                List.of(), evaluations);
    }

    private static KpiWatch kpi(String id, String measure, String department) {
        return new KpiWatch(id, "pln-1", measure, department, "指標", null, null, null, null, null, false, null,
                "152048", "annual", 2022, 2025, List.of(), "count", null);
    }
}
