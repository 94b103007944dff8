package jp.shinchoku.contracts.plan;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * {@code plan.revised.v1}: the 推進本部 revised a plan (計画の改定). Carries who revised it, when and why, what
 * changed, and the plan's outline after the revision (the same shape as {@link PlanPublishedV1}), so a consumer
 * can replace its view of the plan's measures and milestones. KPIs whose definition changed are published again
 * as {@link KpiDefinedV1}.
 *
 * @param review  the fiscal-year review (年度見直し) this revision belongs to, or null
 * @param changes what changed, field by field
 */
public record PlanRevisedV1(
        String planId,
        int revision,
        Instant revisedAt,
        String revisedBy,
        String reason,
        Review review,
        List<Change> changes,
        PlanPublishedV1 plan) {

    public PlanRevisedV1 {
        Objects.requireNonNull(planId, "planId");
        Objects.requireNonNull(revisedAt, "revisedAt");
        Objects.requireNonNull(plan, "plan");
        changes = changes == null ? List.of() : List.copyOf(changes);
    }

    /** 年度見直し: the review of a fiscal year ({@code fiscalYear} is its start year: 2024 = 令和6年度). */
    public record Review(String reviewId, int fiscalYear, String note) {
    }

    /**
     * One change: {@code change} is {@code added}, {@code removed} or {@code changed}; {@code path} names the
     * element ({@code measures[1-2].kpis[pln-1.1-2.1].target.value}); values are written as text.
     */
    public record Change(String path, String change, String before, String after) {
    }
}
