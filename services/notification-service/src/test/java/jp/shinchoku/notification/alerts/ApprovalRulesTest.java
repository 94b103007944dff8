package jp.shinchoku.notification.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import jp.shinchoku.notification.kpis.KpiWatch;
import org.junit.jupiter.api.Test;

/** 差戻し to the department, and reports awaiting approval past the municipality's business days to the 推進本部. */
class ApprovalRulesTest {

    private final ApprovalRules rules = new ApprovalRules(RuleSettings.Policy.of(RuleSettings.DEFAULTS));

    @Test
    void aReturnedReportReachesItsDepartmentWithTheReason() {
        KpiWatch kpi = kpi(Map.of("msr-1", new KpiWatch.Submission("FY2024-Q3", LocalDate.parse("2025-02-03"),
                "様式数の定義を確認してください"), "msr-2", new KpiWatch.Submission("FY2024-Q3", LocalDate.parse("2025-02-03"), null)));

        List<AlertCondition> found = ApprovalRules.returned(kpi);

        assertThat(found).singleElement().satisfies(returned -> {
            assertThat(returned.rule()).isEqualTo(AlertRule.REPORT_RETURNED);
            assertThat(returned.labels()).containsEntry("measurementId", "msr-1").containsEntry("period", "FY2024-Q3");
            assertThat(returned.summaryJa()).isEqualTo(
                    "評価指標「ペーパーレス化率」の令和6年度第3四半期の報告が差し戻されました。理由: 様式数の定義を確認してください（訂正して再提出してください）");
            assertThat(Route.receivers(List.of(), returned.rule(), returned.labels())).containsExactly("department:somu");
        });
    }

    @Test
    void reportsAwaitingApprovalPastFiveBusinessDaysReachThePromotionHeadquartersAsOneDigest() {
        KpiWatch kpi = kpi(Map.of(
                "msr-1", new KpiWatch.Submission("FY2024-Q3", LocalDate.parse("2025-02-03"), null),
                "msr-2", new KpiWatch.Submission("FY2024-Q3", LocalDate.parse("2025-02-05"), null),
                "msr-3", new KpiWatch.Submission("FY2024-Q3", LocalDate.parse("2025-02-03"), "returned")));
        // 2025-02-03 (Mon) + 5 business days = 2025-02-10; 2025-02-11 is a holiday (建国記念の日)
        assertThat(rules.waiting(PlanRulesTest.plan("in-progress"), List.of(kpi), LocalDate.parse("2025-02-07"))).isEmpty();
        AlertCondition digest = rules.waiting(PlanRulesTest.plan("in-progress"), List.of(kpi),
                LocalDate.parse("2025-02-10")).orElseThrow();
        assertThat(digest.rule()).isEqualTo(AlertRule.APPROVAL_WAITING);
        assertThat(digest.summaryJa()).isEqualTo("計画「三条市DX推進計画」の報告1件が5営業日を超えて承認を待っています");
        assertThat(Route.receivers(List.of(), digest.rule(), digest.labels())).containsExactly("promotion-hq");
        assertThat(rules.waiting(PlanRulesTest.plan("in-progress"), List.of(kpi), LocalDate.parse("2025-02-13"))
                .orElseThrow().summaryJa()).contains("2件");
    }

    private static KpiWatch kpi(Map<String, KpiWatch.Submission> submissions) {
        return new KpiWatch("pln-1.2-1.1", "pln-1", "2-1", "somu", "ペーパーレス化率", null, null, null, null, null, false,
                null, "152048", "annual", 2022, 2026, List.of(), "percentage", null, submissions);
    }
}
