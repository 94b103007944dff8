package jp.shinchoku.notification.plans;

import java.util.List;
import java.util.Optional;

/** The plans being watched. */
public interface PlanWatchRepository {

    /**
     * Replaces the plan's outline (title, milestones) with that of a publication or revision, unless a later revision
     * is already kept; reviews recorded stay.
     */
    PlanWatch saveOutline(PlanWatch outline);

    /** A department reported a milestone's status (and perhaps a new due date). */
    Optional<PlanWatch> milestoneStatus(String planId, String milestoneId, String status, java.time.LocalDate due);

    /** The 推進本部 recorded the review (年度見直し) of a fiscal year. */
    PlanWatch reviewed(String planId, int fiscalYear);

    /**
     * Keeps where a measure's evaluation of a fiscal year stands, unless a later change of it is kept already (an
     * event delivered again); returns the plan as it is.
     */
    PlanWatch evaluationChanged(String planId, String key, PlanWatch.MeasureEvaluation evaluation);

    List<PlanWatch> findAll();

    Optional<PlanWatch> find(String planId);

    /** The plans with these ids, in one read by key. */
    List<PlanWatch> findAll(java.util.Collection<String> planIds);
}
