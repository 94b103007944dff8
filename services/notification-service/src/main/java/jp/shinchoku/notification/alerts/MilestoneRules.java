package jp.shinchoku.notification.alerts;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jp.shinchoku.calendar.Wareki;
import jp.shinchoku.notification.plans.MilestoneWatch;
import jp.shinchoku.notification.plans.PlanWatch;

/**
 * スケジュール: a milestone not done is announced 30, 7 and 1 days before its due date (each step its own alert,
 * labelled {@code within}, so that each is told once); once the date has passed it is overdue. The last step keeps
 * holding while the milestone stays open, so the overdue alert mutes it by inhibition rather than by luck of timing.
 * Done or cancelled milestones, and those of retired measures, raise nothing: their alerts resolve.
 */
public final class MilestoneRules {

    private final RuleSettings.Policy policy;

    public MilestoneRules(RuleSettings.Policy policy) {
        this.policy = policy;
    }

    public List<AlertCondition> evaluate(PlanWatch plan, LocalDate today) {
        List<Integer> steps = policy.forMunicipality(plan.municipalityCode()).milestoneDueDays();
        List<AlertCondition> found = new ArrayList<>();
        for (MilestoneWatch milestone : plan.milestones()) {
            if (!milestone.isOpen() || milestone.due() == null) {
                continue;
            }
            long daysLeft = ChronoUnit.DAYS.between(today, milestone.due());
            steps.stream().filter(step -> daysLeft <= step).findFirst()
                    .ifPresent(step -> found.add(dueSoon(plan, milestone, step, daysLeft)));
            if (daysLeft < 0) {
                found.add(overdue(plan, milestone, -daysLeft));
            }
        }
        return found;
    }

    /** The first day after today on which an open milestone reaches a step before its date, or its date passes. */
    public Optional<LocalDate> nextChange(PlanWatch plan, LocalDate today) {
        List<Integer> steps = policy.forMunicipality(plan.municipalityCode()).milestoneDueDays();
        NextDay next = new NextDay(today);
        for (MilestoneWatch milestone : plan.milestones()) {
            if (milestone.isOpen() && milestone.due() != null) {
                steps.forEach(step -> next.offer(milestone.due().minusDays(step)));
                next.offer(milestone.due().plusDays(1));
            }
        }
        return next.day();
    }

    private static AlertCondition dueSoon(PlanWatch plan, MilestoneWatch milestone, int step, long daysLeft) {
        Map<String, String> labels = labels(AlertRule.MILESTONE_DUE_SOON, plan, milestone);
        labels.put("within", step + "d");
        String left = daysLeft <= 0 ? "milestone-due-soon.today" : "milestone-due-soon.days-left";
        return new AlertCondition(AlertRule.MILESTONE_DUE_SOON, labels,
                AlertTexts.TEXTS.ja("milestone-due-soon.summary", milestone.text(), Wareki.formatBoth(milestone.due()),
                        AlertTexts.TEXTS.ja(left, daysLeft)),
                AlertTexts.TEXTS.en("milestone-due-soon.summary", milestone.text(), milestone.due(),
                        AlertTexts.TEXTS.en(left, daysLeft)),
                link(plan, milestone));
    }

    private static AlertCondition overdue(PlanWatch plan, MilestoneWatch milestone, long daysLate) {
        return new AlertCondition(AlertRule.MILESTONE_OVERDUE, labels(AlertRule.MILESTONE_OVERDUE, plan, milestone),
                AlertTexts.TEXTS.ja("milestone-overdue.summary", milestone.text(), Wareki.formatBoth(milestone.due()), daysLate),
                AlertTexts.TEXTS.en("milestone-overdue.summary", milestone.text(), milestone.due(), daysLate),
                link(plan, milestone));
    }

    private static Map<String, String> labels(AlertRule rule, PlanWatch plan, MilestoneWatch milestone) {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put("rule", rule.name());
        KpiStatusRules.put(labels, "municipality", plan.municipalityCode());
        labels.put("planId", plan.planId());
        KpiStatusRules.put(labels, "measure", milestone.measureCode());
        KpiStatusRules.put(labels, "departmentCode", milestone.departmentCode());
        labels.put("milestoneId", milestone.milestoneId());
        return labels;
    }

    static String link(PlanWatch plan, MilestoneWatch milestone) {
        return Links.plan("/api/milestones?plan=" + plan.planId() + "#" + milestone.milestoneId());
    }
}
