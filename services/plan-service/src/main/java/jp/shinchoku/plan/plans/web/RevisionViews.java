package jp.shinchoku.plan.plans.web;

import java.time.Instant;
import java.util.List;

import jp.shinchoku.calendar.FiscalYear;
import jp.shinchoku.plan.plans.Difference;
import jp.shinchoku.plan.plans.Plan;
import jp.shinchoku.plan.plans.PlanService;
import jp.shinchoku.plan.plans.PlanTexts;
import jp.shinchoku.plan.plans.WireNames;

/** How the API shows revisions (改定履歴), reviews (年度見直し) and comparisons. */
final class RevisionViews {

    private RevisionViews() {
    }

    /** {@code change}: added, removed or changed. */
    record DifferenceView(String path, String change, String before, String after) {
        static DifferenceView of(Difference difference) {
            return new DifferenceView(difference.path(), WireNames.of(difference.change()), difference.before(),
                    difference.after());
        }
    }

    /** 第{@code number}版: who revised it, when, why, and what changed. */
    record RevisionView(int number, String label, Instant revisedAt, String revisedBy, String reason, String reviewId,
            List<DifferenceView> changes) {
        static RevisionView of(Plan.Revision revision) {
            return new RevisionView(revision.number(), PlanTexts.TEXTS.ja("revision.label", revision.number()), revision.at(),
                    revision.author(), revision.reason(), revision.reviewId(),
                    revision.changes().stream().map(DifferenceView::of).toList());
        }
    }

    /** 年度見直し: the fiscal year (2024 and 令和6年度), the note, and the revisions it made. */
    record ReviewView(String id, int fiscalYear, String fiscalYearLabel, String note, String reviewedBy,
            Instant reviewedAt, List<Integer> revisions) {
        static ReviewView of(Plan.Review review) {
            return new ReviewView(review.id(), review.fiscalYear(), FiscalYear.of(review.fiscalYear()).label(),
                    review.note(), review.author(), review.at(), review.revisions());
        }
    }

    record ComparisonView(RevisionView from, RevisionView to, List<DifferenceView> differences) {
        static ComparisonView of(PlanService.Comparison comparison) {
            return new ComparisonView(RevisionView.of(comparison.from()), RevisionView.of(comparison.to()),
                    comparison.differences().stream().map(DifferenceView::of).toList());
        }
    }

    /** A plan in a list: what it is, its period and revision, and how much it holds. */
    record PlanSummary(String id, Plan.Municipality municipality, String title, PlanView.DateView issuedOn,
            PlanView.PeriodView period, int revision, Instant updatedAt, long measures, long kpis, long milestones) {
        static PlanSummary of(Plan plan) {
            return new PlanSummary(plan.id(), plan.municipality(), plan.title(), PlanView.DateView.of(plan.issuedOn()),
                    plan.period() == null ? null : new PlanView.PeriodView(PlanView.label(plan.period().fromFiscalYear()),
                            PlanView.label(plan.period().toFiscalYear())),
                    plan.revision(), plan.updatedAt(), plan.measures().count(), plan.kpis().count(),
                    plan.milestones().count());
        }
    }
}
