package jp.shinchoku.notification.plans;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
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
        LocalDate issuedOn, int revision, List<MilestoneWatch> milestones, List<Integer> reviewedFiscalYears,
        Map<String, MeasureEvaluation> evaluations) {

    public PlanWatch {
        milestones = milestones == null ? List.of() : List.copyOf(milestones);
        reviewedFiscalYears = reviewedFiscalYears == null ? List.of() : List.copyOf(reviewedFiscalYears);
        evaluations = evaluations == null ? Map.of() : Map.copyOf(evaluations);
    }

    /** A plan as known before measures' evaluations were. */
    public PlanWatch(String planId, String municipalityCode, String municipalityName, String title, LocalDate issuedOn,
            int revision, List<MilestoneWatch> milestones, List<Integer> reviewedFiscalYears) {
        this(planId, municipalityCode, municipalityName, title, issuedOn, revision, milestones, reviewedFiscalYears,
                Map.of());
    }

    /**
     * Where a measure's evaluation of a fiscal year stands ({@code measure.evaluation-changed.v1}): {@code SUBMITTED}
     * (its 自己評価 waits for the 推進本部) or {@code EVALUATED}; a measure not listed has not submitted.
     */
    public record MeasureEvaluation(String state, java.time.Instant changedAt) {
    }

    /** The key of a measure's evaluation of a fiscal year ({@code 3-1:FY2024}). */
    public static String evaluationKey(String measureCode, int fiscalYear) {
        return measureCode + ":FY" + fiscalYear;
    }

    /** Where the measure's evaluation of the year stands, if it was submitted. */
    public Optional<MeasureEvaluation> evaluation(String measureCode, int fiscalYear) {
        return Optional.ofNullable(evaluations.get(evaluationKey(measureCode, fiscalYear)));
    }

    public boolean reviewed(int fiscalYear) {
        return reviewedFiscalYears.contains(fiscalYear);
    }

    /** The milestone where the KPI's 未設定 target is to be decided. */
    public Optional<MilestoneWatch> decidingMilestone(String kpiId) {
        return milestones.stream().filter(m -> kpiId.equals(m.decidesTargetOf())).findFirst();
    }
}
