package jp.shinchoku.plan.plans;

/** What happens to plans, as the domain raises it; adapters map these to the wire contracts. */
public sealed interface PlanEvent {

    Plan plan();

    record PlanPublished(Plan plan) implements PlanEvent {
    }

    record KpiDefined(Plan plan, Plan.LocatedKpi kpi) implements PlanEvent {
    }

    record MilestoneStatusChanged(Plan plan, Plan.Measure measure, Plan.Milestone before, Plan.Milestone after)
            implements PlanEvent {
    }
}
