package jp.shinchoku.notification.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import jp.shinchoku.notification.kpis.KpiWatch;
import jp.shinchoku.notification.plans.MilestoneWatch;
import jp.shinchoku.notification.plans.PlanWatch;
import org.junit.jupiter.api.Test;

/**
 * Each rule's next day: the first day after today on which the calendar alone may change what the rule finds. Checked
 * the way it matters: from every day of two years, nothing the rule finds (rules and labels) changes before the day it
 * names, and something may change on it; plus the days themselves for a few cases.
 */
class NextChangeTest {

    static final LocalDate FROM = LocalDate.parse("2024-09-01");
    static final LocalDate TO = LocalDate.parse("2026-09-01");
    final RuleSettings.Policy policy = RuleSettings.Policy.of(RuleSettings.DEFAULTS);
    final DeadlineRule deadlines = new DeadlineRule(policy);
    final MissingReportRule reports = new MissingReportRule(policy);
    final MilestoneRules milestones = new MilestoneRules(policy);
    final PlanReviewRule reviews = new PlanReviewRule(policy);
    final EvaluationRules evaluations = new EvaluationRules(policy);
    final ApprovalRules approvals = new ApprovalRules(policy);

    static final PlanWatch PLAN = new PlanWatch("p1", "131016", "千代田区", "計画", LocalDate.parse("2021-04-01"), 1,
            List.of(new MilestoneWatch("p1.m1", "1-1", "somu", "方針策定", LocalDate.parse("2025-03-31"), null,
                            "in-progress", false),
                    new MilestoneWatch("p1.m2", "1-1", "somu", "調達", LocalDate.parse("2025-08-31"), "p1.1-1.3",
                            "not-started", false),
                    new MilestoneWatch("p1.m3", "1-1", "somu", "完了済", LocalDate.parse("2025-06-30"), null, "done",
                            false)),
            List.of(2021, 2022, 2023), Map.of("1-1:FY2024", new PlanWatch.MeasureEvaluation("SUBMITTED", null)));

    static KpiWatch kpi(String id, String status, String deadline, String cadence, List<String> reported,
            String kind, Map<String, KpiWatch.MissedYear> missed, Map<String, KpiWatch.Submission> submissions) {
        return new KpiWatch("p1.1-1." + id, "p1", id.equals("4") ? "2-1" : "1-1", id.equals("4") ? "kikaku" : "somu",
                "指標" + id, deadline == null ? null : LocalDate.parse(deadline), status, new BigDecimal("0.4"),
                new BigDecimal("0.8"), FROM, false, "ON_TRACK", "131016", cadence, 2021, 2027, reported, kind, missed,
                submissions);
    }

    static final List<KpiWatch> KPIS = List.of(
            kpi("1", "BEHIND", "2025-10-31", "quarterly", List.of("FY2024-Q1"), "count", null, null),
            kpi("2", "AT_RISK", "2025-08-31", "monthly", List.of("2024-10", "2024-12"), "count",
                    Map.of("FY2024", new KpiWatch.MissedYear(2024, BigDecimal.ONE, BigDecimal.TEN, List.of())), null),
            kpi("3", "ON_TRACK", "2026-03-31", null, List.of(), "undefined", null, Map.of(
                    "msr-1", new KpiWatch.Submission("FY2024-Q3", LocalDate.parse("2025-01-24"), null, "somu"),
                    "msr-2", new KpiWatch.Submission("FY2025-Q1", LocalDate.parse("2025-07-18"), null, "somu"))),
            kpi("4", "BEHIND", "2025-03-31", "quarterly", List.of(), "count", null, null));

    @Test
    void nothingAKpisRulesFindChangesBeforeTheirNextDay() {
        for (KpiWatch kpi : KPIS) {
            holdsUntilNext(kpi.kpiId() + " deadline", today -> deadlines.evaluate(kpi, today).stream().toList(),
                    today -> deadlines.nextChange(kpi, today));
            holdsUntilNext(kpi.kpiId() + " status", today -> KpiStatusRules.evaluate(kpi, today),
                    today -> KpiStatusRules.nextChange(kpi, today));
            holdsUntilNext(kpi.kpiId() + " target", today -> TargetUndecidedRule.evaluate(kpi, PLAN, today).stream()
                    .toList(), today -> TargetUndecidedRule.nextChange(kpi, PLAN, today));
            holdsUntilNext(kpi.kpiId() + " reports", today -> reports.evaluate(List.of(kpi), today),
                    today -> reports.nextChange(kpi, today));
        }
    }

    @Test
    void nothingAPlansRulesFindChangesBeforeItsNextDay() {
        holdsUntilNext("milestones", today -> milestones.evaluate(PLAN, today),
                today -> milestones.nextChange(PLAN, today));
        holdsUntilNext("review", today -> reviews.evaluate(PLAN, 2021, 2027, today).stream().toList(),
                today -> reviews.nextChange(PLAN, today));
        holdsUntilNext("evaluations", today -> evaluations.evaluate(PLAN, KPIS, today),
                today -> evaluations.nextChange(PLAN, today));
        holdsUntilNext("approvals", today -> approvals.waiting(PLAN, KPIS, today).stream().toList(),
                today -> KPIS.stream().map(kpi -> approvals.nextChange(kpi, "131016", today))
                        .reduce(Optional.empty(), NextDay::min));
    }

    @Test
    void theDaysThemselves() {
        KpiWatch behind = KPIS.getFirst();
        assertThat(deadlines.nextChange(behind, LocalDate.parse("2025-01-10")))
                .as("the deadline comes within six months (1 May + 6 months reaches 31 October)")
                .contains(LocalDate.parse("2025-05-01"));
        assertThat(deadlines.nextChange(behind, LocalDate.parse("2025-05-01")))
                .as("the deadline passes").contains(LocalDate.parse("2025-11-01"));
        assertThat(deadlines.nextChange(behind, LocalDate.parse("2025-11-01")))
                .as("its days to be judged run out").contains(LocalDate.parse("2025-11-08"));
        assertThat(deadlines.nextChange(KPIS.get(2), LocalDate.parse("2025-01-10"))).as("on track: only events").isEmpty();
        assertThat(KpiStatusRules.nextChange(KPIS.get(1), LocalDate.parse("2025-04-01")))
                .as("the missed year's 未達 ends with the following year").contains(LocalDate.parse("2026-04-01"));
        assertThat(TargetUndecidedRule.nextChange(KPIS.get(2), PLAN, LocalDate.parse("2025-04-01")))
                .contains(LocalDate.parse("2025-09-01"));
        assertThat(milestones.nextChange(PLAN, LocalDate.parse("2025-04-01")))
                .as("30 days before the procurement's date").contains(LocalDate.parse("2025-08-01"));
        assertThat(reviews.nextChange(PLAN, LocalDate.parse("2025-04-01"))).contains(LocalDate.parse("2025-05-31"));
        assertThat(evaluations.nextChange(PLAN, LocalDate.parse("2025-04-01"))).contains(LocalDate.parse("2025-05-17"));
        assertThat(approvals.nextChange(KPIS.get(2), "131016", LocalDate.parse("2025-07-18")))
                .as("five business days after Friday 18 July (21 July is a holiday)")
                .contains(LocalDate.parse("2025-07-28"));
        assertThat(reports.nextChange(behind, LocalDate.parse("2025-01-10")))
                .as("令和6年度第3四半期's reports: 7 days before 翌月末").contains(LocalDate.parse("2025-01-24"));
    }

    /** From every day, the rule finds the same until its next day (or to the end, where it names none). */
    private static void holdsUntilNext(String what, Function<LocalDate, List<AlertCondition>> finds,
            Function<LocalDate, Optional<LocalDate>> next) {
        Map<LocalDate, Set<Map<String, String>>> found = new java.util.HashMap<>();
        for (LocalDate day = FROM; day.isBefore(TO); day = day.plusDays(1)) {
            found.put(day, labels(finds.apply(day)));
        }
        for (LocalDate today = FROM; today.isBefore(TO); today = today.plusDays(1)) {
            LocalDate from = today;
            Optional<LocalDate> day = next.apply(today);
            assertThat(day.filter(d -> !d.isAfter(from))).as("%s on %s: a next day after today", what, today).isEmpty();
            LocalDate until = day.filter(d -> d.isBefore(TO)).orElse(TO);
            for (LocalDate d = today.plusDays(1); d.isBefore(until); d = d.plusDays(1)) {
                assertThat(found.get(d)).as("%s: found on %s as on %s (next day %s)", what, d, today, day)
                        .isEqualTo(found.get(today));
            }
        }
    }

    private static Set<Map<String, String>> labels(List<AlertCondition> found) {
        return found.stream().map(AlertCondition::labels).collect(Collectors.toSet());
    }
}
