package jp.shinchoku.notification.alerts;

import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;

import jp.shinchoku.calendar.Wareki;
import jp.shinchoku.notification.kpis.KpiWatch;
import jp.shinchoku.notification.plans.MilestoneWatch;
import jp.shinchoku.notification.plans.PlanWatch;

/**
 * 目標値未設定: a KPI whose target is still 未設定 after the date of the milestone that was to decide it. Resolves when
 * a revision sets the target (the KPI's kind is no longer {@code undefined}) or the KPI is retired.
 */
public final class TargetUndecidedRule {

    private TargetUndecidedRule() {
    }

    /** The day after the deciding milestone's date, when the rule begins to hold. */
    public static Optional<LocalDate> nextChange(KpiWatch kpi, PlanWatch plan, LocalDate today) {
        if (kpi.isRetired() || !kpi.targetUndecided() || plan == null) {
            return Optional.empty();
        }
        return new NextDay(today).offer(plan.decidingMilestone(kpi.kpiId()).map(MilestoneWatch::due)
                .map(due -> due.plusDays(1))).day();
    }

    public static Optional<AlertCondition> evaluate(KpiWatch kpi, PlanWatch plan, LocalDate today) {
        if (kpi.isRetired() || !kpi.targetUndecided() || plan == null) {
            return Optional.empty();
        }
        Optional<MilestoneWatch> deciding = plan.decidingMilestone(kpi.kpiId())
                .filter(m -> m.due() != null && today.isAfter(m.due()) && !"cancelled".equals(m.status()));
        return deciding.map(milestone -> {
            Map<String, String> labels = KpiStatusRules.kpiLabels(AlertRule.TARGET_UNDECIDED, kpi);
            labels.put("milestoneId", milestone.milestoneId());
            return new AlertCondition(AlertRule.TARGET_UNDECIDED, labels,
                    AlertTexts.TEXTS.ja("target-undecided.summary", kpi.displayName(), Wareki.formatBoth(milestone.due())),
                    AlertTexts.TEXTS.en("target-undecided.summary", kpi.displayName(), milestone.due()),
                    AlertCondition.kpiLink(kpi.kpiId()));
        });
    }
}
