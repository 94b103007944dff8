package jp.shinchoku.plan.plans.messaging;

import java.time.Instant;

import jp.shinchoku.contracts.Events;
import jp.shinchoku.plan.plans.MilestoneStatus;
import jp.shinchoku.plan.plans.Plan;
import jp.shinchoku.plan.plans.PlanEvent;
import jp.shinchoku.plan.plans.PlanFixtures;
import jp.shinchoku.platform.events.EventJson;
import jp.shinchoku.testsupport.GoldenSamples;
import org.junit.jupiter.api.Test;

/** Producer side of the contracts: the plan service writes the golden samples. */
class PlanContractsTest {

    private final EventJson json = new EventJson();
    private final Plan plan = Plan.publish(PlanFixtures.draft(PlanFixtures.cardRate()), "pln-7c1e",
            Instant.parse("2026-04-01T00:00:00Z")).plan();

    @Test
    void writesPlanPublished() {
        GoldenSamples.assertMatches(Events.PLAN_PUBLISHED, json.writeString(PlanContracts.planPublished(plan)));
    }

    @Test
    void writesMilestoneStatusChanged() {
        String milestoneId = plan.milestones().findFirst().orElseThrow().id();
        Plan.Changed changed = plan.reportMilestone(milestoneId, MilestoneStatus.IN_PROGRESS, "出張申請受付を開始", "shimin",
                Instant.parse("2023-06-01T00:00:00Z"));
        GoldenSamples.assertMatches(Events.MILESTONE_STATUS_CHANGED, json.writeString(
                PlanContracts.milestoneStatusChanged((PlanEvent.MilestoneStatusChanged) changed.events().getFirst())));
    }

    @Test
    void writesKpiDefined() {
        GoldenSamples.assertMatches(Events.KPI_DEFINED,
                json.writeString(PlanContracts.kpiDefined(plan, plan.kpis().findFirst().orElseThrow())));
    }
}
