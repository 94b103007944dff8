package jp.shinchoku.plan.plans;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

/** The plan use cases. */
public class PlanService {

    private final PlanRepository plans;
    private final Clock clock;

    public PlanService(PlanRepository plans, Clock clock) {
        this.plans = plans;
        this.clock = clock;
    }

    public Plan publish(PlanDraft draft) {
        Plan.Published published = Plan.publish(draft, newPlanId(), clock.instant());
        plans.insert(published.plan(), published.events());
        return published.plan();
    }

    /** A department reports a milestone's status: 未着手, 実施中, 完了, 遅延 or 中止, with a comment. */
    public Plan reportMilestone(String planId, String milestoneId, MilestoneStatus status, String comment,
            String reportedBy) {
        return plans.update(planId, plan -> plan.reportMilestone(milestoneId, status, comment, reportedBy, clock.instant()))
                .orElseThrow(() -> new PlanNotFoundException(planId))
                .plan();
    }

    public Plan get(String planId) {
        return plans.find(planId).orElseThrow(() -> new PlanNotFoundException(planId));
    }

    public List<Plan> list() {
        return plans.findAll();
    }

    private static String newPlanId() {
        return "pln-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
