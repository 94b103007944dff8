package jp.shinchoku.plan.plans;

/** What happens to plans, as the domain raises it; adapters map these to the wire contracts. */
public sealed interface PlanEvent {

    Plan plan();

    record PlanPublished(Plan plan) implements PlanEvent {
    }

    /** A KPI was defined or its definition changed (target set, deadline moved, department reassigned, retired). */
    record KpiDefined(Plan plan, Plan.LocatedKpi kpi) implements PlanEvent {
    }

    /** The plan as it stands right after {@code revision}; {@code review} is the 年度見直し it belongs to, or null. */
    record PlanRevised(Plan plan, Plan.Revision revision, Plan.Review review) implements PlanEvent {
    }

    record PlanReviewed(Plan plan, Plan.Review review) implements PlanEvent {
    }

    record MilestoneStatusChanged(Plan plan, Plan.Measure measure, Plan.Milestone before, Plan.Milestone after)
            implements PlanEvent {
    }
}
