package jp.shinchoku.notification.alerts;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import jp.shinchoku.calendar.FiscalYear;
import jp.shinchoku.calendar.Wareki;
import jp.shinchoku.notification.kpis.KpiWatch;
import jp.shinchoku.notification.plans.PlanWatch;

/**
 * 施策評価, once a fiscal year of the plan has ended:
 * <ul>
 * <li>each department's measures whose 自己評価 it has not submitted are due a month before the year's review
 * (the review date less {@code reviewLeadDays}: by default 5月31日); from two weeks before that date the department is
 * reminded ({@code EVALUATION_DUE}, one digest), after it the 推進本部 is told too ({@code EVALUATION_OVERDUE});</li>
 * <li>submitted 自己評価 the 推進本部 has not evaluated reach it as one digest per plan ({@code EVALUATION_WAITING}).</li>
 * </ul>
 * Until the following fiscal year ends; a measure is one whose KPIs the year covers (retired ones left out), its
 * department that of its first KPI.
 */
public final class EvaluationRules {

    /** Days before the due date that departments are reminded. */
    static final int REMINDER_DAYS = 14;

    private final RuleSettings.Policy policy;

    public EvaluationRules(RuleSettings.Policy policy) {
        this.policy = policy;
    }

    /** The day the 自己評価 of a fiscal year are due in a municipality. */
    LocalDate due(String municipality, FiscalYear year) {
        RuleSettings settings = policy.forMunicipality(municipality);
        return settings.reviewDue().atYear(year.startYear() + 1).minusDays(settings.reviewLeadDays());
    }

    /**
     * The first day after today on which the evaluation rules may judge the plan otherwise with the calendar alone: a
     * fiscal year begins, the reminder starts, the due date passes (submissions and evaluations come by event).
     */
    public Optional<LocalDate> nextChange(PlanWatch plan, LocalDate today) {
        LocalDate due = due(plan.municipalityCode(), FiscalYear.containing(today).previous());
        return new NextDay(today).offer(FiscalYear.containing(today).next().firstDay())
                .offer(due.minusDays(REMINDER_DAYS)).offer(due.plusDays(1)).day();
    }

    public List<AlertCondition> evaluate(PlanWatch plan, List<KpiWatch> kpis, LocalDate today) {
        FiscalYear year = FiscalYear.containing(today).previous();
        Map<String, KpiWatch> measures = measures(kpis, year);
        List<AlertCondition> found = new ArrayList<>();
        if (measures.isEmpty()) {
            return found;
        }
        LocalDate due = due(plan.municipalityCode(), year);
        Map<String, List<String>> unsubmitted = new TreeMap<>();
        int waiting = 0;
        for (Map.Entry<String, KpiWatch> measure : measures.entrySet()) {
            Optional<PlanWatch.MeasureEvaluation> evaluation = plan.evaluation(measure.getKey(), year.startYear());
            if (evaluation.isEmpty()) {
                String department = measure.getValue().departmentCode();
                unsubmitted.computeIfAbsent(department == null ? "" : department, d -> new ArrayList<>())
                        .add(measure.getKey());
            } else if ("SUBMITTED".equals(evaluation.get().state())) {
                waiting++;
            }
        }
        if (!today.isBefore(due.minusDays(REMINDER_DAYS))) {
            boolean overdue = today.isAfter(due);
            unsubmitted.forEach((department, codes) -> {
                if (!department.isEmpty()) {
                    found.add(unsubmitted(plan, year, due, today, department, codes.size(), overdue));
                }
            });
        }
        if (waiting > 0) {
            found.add(waiting(plan, year, waiting));
        }
        return found;
    }

    /** The plan's measures in force that year, each with its first KPI (by id). */
    private static Map<String, KpiWatch> measures(List<KpiWatch> kpis, FiscalYear year) {
        Map<String, KpiWatch> measures = new TreeMap<>();
        kpis.stream().filter(kpi -> !kpi.isRetired() && kpi.measureCode() != null)
                .filter(kpi -> (kpi.planFromFiscalYear() == null || kpi.planFromFiscalYear() <= year.startYear())
                        && (kpi.planToFiscalYear() == null || kpi.planToFiscalYear() >= year.startYear()))
                .sorted(Comparator.comparing(KpiWatch::kpiId))
                .forEach(kpi -> measures.putIfAbsent(kpi.measureCode(), kpi));
        return measures;
    }

    private static AlertCondition unsubmitted(PlanWatch plan, FiscalYear year, LocalDate due, LocalDate today,
            String department, int count, boolean overdue) {
        AlertRule rule = overdue ? AlertRule.EVALUATION_OVERDUE : AlertRule.EVALUATION_DUE;
        Map<String, String> labels = labels(rule, plan, year);
        labels.put("departmentCode", department);
        long days = Math.abs(ChronoUnit.DAYS.between(today, due));
        String key = overdue ? "evaluation-overdue.summary" : "evaluation-due.summary";
        return new AlertCondition(rule, labels,
                AlertTexts.TEXTS.ja(key, title(plan), year.label(), count, Wareki.formatBoth(due), days),
                AlertTexts.TEXTS.en(key, title(plan), year.labelEn(), count, due, days), link(plan, year));
    }

    private static AlertCondition waiting(PlanWatch plan, FiscalYear year, int count) {
        return new AlertCondition(AlertRule.EVALUATION_WAITING, labels(AlertRule.EVALUATION_WAITING, plan, year),
                AlertTexts.TEXTS.ja("evaluation-waiting.summary", title(plan), year.label(), count),
                AlertTexts.TEXTS.en("evaluation-waiting.summary", title(plan), year.labelEn(), count),
                link(plan, year));
    }

    private static Map<String, String> labels(AlertRule rule, PlanWatch plan, FiscalYear year) {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put("rule", rule.name());
        KpiStatusRules.put(labels, "municipality", plan.municipalityCode());
        labels.put("planId", plan.planId());
        labels.put("fiscalYear", year.labelEn());
        return labels;
    }

    private static String title(PlanWatch plan) {
        return plan.title() == null ? plan.planId() : plan.title();
    }

    private static String link(PlanWatch plan, FiscalYear year) {
        return Links.measurement("/api/plans/" + plan.planId() + "/fiscal-years/" + year.startYear() + "/evaluations");
    }
}
