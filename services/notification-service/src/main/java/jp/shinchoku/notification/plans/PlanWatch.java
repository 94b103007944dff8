package jp.shinchoku.notification.plans;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * What this service knows of a plan to decide on alerts: its milestones (from {@code plan.published} /
 * {@code plan.revised}, kept current by {@code milestone.status-changed}) and the fiscal years whose review
 * (年度見直し) the 推進本部 recorded.
 *
 * @param revision            the plan revision the milestones come from; an older one is ignored
 * @param reviewedFiscalYears the fiscal years reviewed, by start year (2024 = 令和6年度)
 */
public record PlanWatch(String planId, String municipalityCode, String municipalityName, String title,
        LocalDate issuedOn, int revision, List<MilestoneWatch> milestones, List<Integer> reviewedFiscalYears) {

    public PlanWatch {
        milestones = milestones == null ? List.of() : List.copyOf(milestones);
        reviewedFiscalYears = reviewedFiscalYears == null ? List.of() : List.copyOf(reviewedFiscalYears);
    }

    public boolean reviewed(int fiscalYear) {
        return reviewedFiscalYears.contains(fiscalYear);
    }

    /** The milestone where the KPI's 未設定 target is to be decided. */
    public Optional<MilestoneWatch> decidingMilestone(String kpiId) {
        return milestones.stream().filter(m -> kpiId.equals(m.decidesTargetOf())).findFirst();
    }
}
