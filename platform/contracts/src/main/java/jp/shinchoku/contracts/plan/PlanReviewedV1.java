package jp.shinchoku.contracts.plan;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * {@code plan.reviewed.v1}: the 推進本部 recorded a fiscal year's review of a plan (年度見直し), with its note and
 * the revisions it decided (each also published as {@link PlanRevisedV1}); none when the plan was confirmed as it is.
 *
 * @param fiscalYear the fiscal year reviewed, by its start year (2024 = 令和6年度)
 * @param revisions  the numbers of the revisions the review made
 */
public record PlanReviewedV1(
        String planId,
        String reviewId,
        int fiscalYear,
        String note,
        String reviewedBy,
        Instant reviewedAt,
        List<Integer> revisions) {

    public PlanReviewedV1 {
        Objects.requireNonNull(planId, "planId");
        Objects.requireNonNull(reviewId, "reviewId");
        Objects.requireNonNull(reviewedAt, "reviewedAt");
        revisions = revisions == null ? List.of() : List.copyOf(revisions);
    }
}
