package jp.shinchoku.notification.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import jp.shinchoku.notification.kpis.KpiWatch;
import org.junit.jupiter.api.Test;

/**
 * Reports for 令和6年度第3四半期 (October–December 2024) are due by 31 January 2025; with 14 days' grace the reminder
 * comes on the first business day after 14 February 2025 (a Friday): Monday 17 February. Five business days later,
 * skipping 24 February (振替休日 for 天皇誕生日), the 推進本部 is told: 25 February.
 */
class MissingReportRuleTest {

    private final MissingReportRule rule = new MissingReportRule(new RuleSettings.Policy(RuleSettings.DEFAULTS, Map.of()));

    private final KpiWatch apps = kpi("apps", "オンライン申請件数", "johoseisaku", "quarterly", List.of());
    private final KpiWatch forms = kpi("forms", "電子化した申請様式数", "johoseisaku", "quarterly", List.of());
    private final KpiWatch reported = kpi("rate", "交付率", "johoseisaku", "quarterly", List.of("FY2024-Q3"));
    private final KpiWatch shimin = kpi("cards", "マイナンバーカード交付率", "shimin", "quarterly", List.of());

    @Test
    void nothingBeforeTheFirstBusinessDayAfterTheGracePeriod() {
        assertThat(rule.evaluate(List.of(apps, forms, reported), LocalDate.parse("2025-02-16"))).isEmpty();
    }

    @Test
    void oneDigestPerDepartmentListsAllItsMissingKpis() {
        List<AlertCondition> found = rule.evaluate(List.of(apps, forms, reported, shimin), LocalDate.parse("2025-02-17"));

        assertThat(found).extracting(AlertCondition::rule, c -> Route.receivers(List.of(), c.rule(), c.labels()).getFirst())
                .containsExactly(
                org.assertj.core.groups.Tuple.tuple(AlertRule.REPORT_MISSING, "department:johoseisaku"),
                org.assertj.core.groups.Tuple.tuple(AlertRule.REPORT_MISSING, "department:shimin"));
        AlertCondition digest = found.getFirst();
        assertThat(digest.labels()).containsEntry("period", "FY2024-Q3").containsEntry("fiscalYear", "FY2024")
                .containsEntry("departmentCode", "johoseisaku").containsEntry("municipality", "462233")
                .doesNotContainKey("kpiId");
        assertThat(digest.summaryJa()).isEqualTo("令和6年度第3四半期の実績報告が2件未提出です（報告期限 令和7年1月31日（2025-01-31））："
                + "「オンライン申請件数」、「電子化した申請様式数」");
        assertThat(digest.summaryEn()).contains("2 report(s) for FY2024-Q3", "pln-1.apps", "pln-1.forms");
    }

    @Test
    void aWeekBeforeTheDueDateTheDepartmentIsRemindedOfWhatItHasNotYetReported() {
        assertThat(rule.evaluate(List.of(apps, forms, reported, shimin), LocalDate.parse("2025-01-23"))).isEmpty();

        List<AlertCondition> found = rule.evaluate(List.of(apps, forms, reported, shimin), LocalDate.parse("2025-01-24"));
        assertThat(found).extracting(AlertCondition::rule, c -> Route.receivers(List.of(), c.rule(), c.labels()).getFirst())
                .containsExactly(
                org.assertj.core.groups.Tuple.tuple(AlertRule.REPORT_DUE_SOON, "department:johoseisaku"),
                org.assertj.core.groups.Tuple.tuple(AlertRule.REPORT_DUE_SOON, "department:shimin"));
        AlertCondition digest = found.getFirst();
        assertThat(digest.labels()).containsEntry("period", "FY2024-Q3").containsEntry("departmentCode", "johoseisaku");
        assertThat(digest.summaryJa()).isEqualTo("令和6年度第3四半期の実績報告の期限まで 7 日です（報告期限 令和7年1月31日（2025-01-31）、"
                + "未報告 2件）：「オンライン申請件数」、「電子化した申請様式数」");
        assertThat(digest.summaryEn()).startsWith("7 day(s) left to report FY2024-Q3 (due 2025-01-31), 2 not yet reported");
        assertThat(digest.rule().severity()).isEqualTo(AlertRule.Severity.INFO);

        assertThat(rule.evaluate(List.of(apps), LocalDate.parse("2025-01-31"))).singleElement()
                .satisfies(c -> assertThat(c.summaryJa()).contains("期限まで 0 日"))
                .satisfies(c -> assertThat(c.alertId()).isEqualTo(digest.alertId()));
        assertThat(rule.evaluate(List.of(apps), LocalDate.parse("2025-02-01"))).as("after the due date: the grace period")
                .isEmpty();
        assertThat(rule.evaluate(List.of(reported), LocalDate.parse("2025-01-24"))).as("reported already").isEmpty();
    }

    @Test
    void aMunicipalityMayRemindEarlierOrNotAtAll() {
        RuleSettings d = RuleSettings.DEFAULTS;
        RuleSettings never = new RuleSettings(d.deadlineHorizon(), d.reportGraceDays(), d.escalateAfterBusinessDays(),
                d.milestoneDueDays(), d.reviewDue(), d.reviewLeadDays(), d.acknowledgeWithinBusinessDays(), d.escalateTo(),
                d.routes(), 0);
        RuleSettings early = new RuleSettings(d.deadlineHorizon(), d.reportGraceDays(), d.escalateAfterBusinessDays(),
                d.milestoneDueDays(), d.reviewDue(), d.reviewLeadDays(), d.acknowledgeWithinBusinessDays(), d.escalateTo(),
                d.routes(), 14);
        assertThat(new MissingReportRule(new RuleSettings.Policy(d, Map.of("462233", never)))
                .evaluate(List.of(apps), LocalDate.parse("2025-01-30"))).isEmpty();
        assertThat(new MissingReportRule(new RuleSettings.Policy(d, Map.of("462233", early)))
                .evaluate(List.of(apps), LocalDate.parse("2025-01-17"))).extracting(AlertCondition::rule)
                .containsExactly(AlertRule.REPORT_DUE_SOON);
    }

    @Test
    void escalationToThePromotionHeadquartersCountsBusinessDaysSkippingTheSubstituteHoliday() {
        assertThat(rule.evaluate(List.of(apps), LocalDate.parse("2025-02-24"))).extracting(AlertCondition::rule)
                .containsExactly(AlertRule.REPORT_MISSING);
        List<AlertCondition> escalated = rule.evaluate(List.of(apps), LocalDate.parse("2025-02-25"));
        assertThat(escalated).extracting(AlertCondition::rule)
                .containsExactly(AlertRule.REPORT_MISSING, AlertRule.REPORT_ESCALATED);
        assertThat(Route.receivers(List.of(), escalated.get(1).rule(), escalated.get(1).labels()))
                .containsExactly(Receiver.PROMOTION_HQ);
        assertThat(Route.receivers(List.of(), escalated.get(0).rule(), escalated.get(0).labels()))
                .containsExactly(Receiver.department("johoseisaku"));
        assertThat(escalated.get(1).summaryJa()).startsWith("督促後も令和6年度第3四半期の実績報告が1件未提出です");
        assertThat(escalated.get(1).alertId()).isNotEqualTo(escalated.get(0).alertId());
    }

    @Test
    void aMunicipalityMayAllowMoreGraceAndEscalateLater() {
        MissingReportRule lenient = new MissingReportRule(new RuleSettings.Policy(RuleSettings.DEFAULTS,
                Map.of("462233", new RuleSettings(java.time.Period.ofMonths(6), 30, 10))));
        assertThat(lenient.evaluate(List.of(apps), LocalDate.parse("2025-02-25"))).isEmpty();
        assertThat(lenient.evaluate(List.of(apps), LocalDate.parse("2025-03-03"))).extracting(AlertCondition::rule)
                .containsExactly(AlertRule.REPORT_MISSING);
    }

    @Test
    void retiredKpisAndPeriodsOutsideThePlanOweNothingAndAnnualIsTheDefaultCadence() {
        KpiWatch retired = new KpiWatch("pln-1.old", "pln-1", "1-1", "johoseisaku", "廃止", null, null, null, null, null,
                true, null, "462233", "quarterly", 2021, 2027, List.of());
        KpiWatch ended = new KpiWatch("pln-0.x", "pln-0", "1-1", "johoseisaku", "前計画", null, null, null, null, null,
                false, null, "462233", "quarterly", 2019, 2023, List.of());
        assertThat(rule.evaluate(List.of(retired, ended), LocalDate.parse("2025-02-17"))).isEmpty();

        KpiWatch annual = kpi("yearly", "年次指標", "kikaku", null, List.of());
        assertThat(rule.evaluate(List.of(annual), LocalDate.parse("2024-05-14"))).as("FY2023 due 2024-04-30 + 14 days").isEmpty();
        assertThat(rule.evaluate(List.of(annual), LocalDate.parse("2024-05-15"))).singleElement()
                .satisfies(c -> assertThat(c.labels()).containsEntry("period", "FY2023"));
    }

    private static KpiWatch kpi(String code, String name, String department, String cadence, List<String> reported) {
        return new KpiWatch("pln-1." + code, "pln-1", "1-1", department, name, LocalDate.parse("2028-03-31"), "ON_TRACK",
                null, null, null, false, null, "462233", cadence, 2021, 2027, reported);
    }
}
