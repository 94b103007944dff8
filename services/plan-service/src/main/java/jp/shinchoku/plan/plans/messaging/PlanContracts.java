package jp.shinchoku.plan.plans.messaging;

import java.util.List;

import jp.shinchoku.contracts.Events;
import jp.shinchoku.contracts.plan.KpiDefinedV1;
import jp.shinchoku.contracts.plan.MilestoneStatusChangedV1;
import jp.shinchoku.contracts.plan.PlanPublishedV1;
import jp.shinchoku.contracts.plan.PlanReviewedV1;
import jp.shinchoku.contracts.plan.PlanRevisedV1;
import jp.shinchoku.plan.plans.KpiKind;
import jp.shinchoku.plan.plans.Plan;
import jp.shinchoku.plan.plans.WireNames;
import jp.shinchoku.plan.plans.PlanEvent;
import jp.shinchoku.platform.outbox.Outbox.OutboxEvent;

/** Maps the plan domain's events to their wire contracts. */
public final class PlanContracts {

    private PlanContracts() {
    }

    public static OutboxEvent<?> toContract(PlanEvent event) {
        return switch (event) {
            case PlanEvent.PlanPublished published -> new OutboxEvent<>(Events.PLAN_PUBLISHED, planPublished(published.plan()));
            case PlanEvent.KpiDefined defined -> new OutboxEvent<>(Events.KPI_DEFINED, kpiDefined(defined.plan(), defined.kpi()));
            case PlanEvent.MilestoneStatusChanged changed -> new OutboxEvent<>(Events.MILESTONE_STATUS_CHANGED,
                    milestoneStatusChanged(changed));
            case PlanEvent.PlanRevised revised -> new OutboxEvent<>(Events.PLAN_REVISED, planRevised(revised));
            case PlanEvent.PlanReviewed reviewed -> new OutboxEvent<>(Events.PLAN_REVIEWED, planReviewed(reviewed));
        };
    }

    public static PlanPublishedV1 planPublished(Plan plan) {
        return new PlanPublishedV1(
                plan.id(),
                new PlanPublishedV1.Municipality(plan.municipality().code(), plan.municipality().name(),
                        plan.municipality().prefecture()),
                plan.title(),
                plan.issuedOn(),
                plan.revision(),
                plan.pillars().stream()
                        .map(pillar -> new PlanPublishedV1.Pillar(pillar.code(), pillar.title(), pillar.measures().stream()
                                .map(measure -> new PlanPublishedV1.Measure(measure.code(), measure.title(),
                                        measure.departmentCode(), measure.kpis().stream().map(Plan.Kpi::id).toList(),
                                        measure.milestones().stream().map(PlanContracts::milestone).toList(),
                                        measure.retired()))
                                .toList()))
                        .toList(),
                plan.publishedAt());
    }

    public static KpiDefinedV1 kpiDefined(Plan plan, Plan.LocatedKpi located) {
        Plan.Kpi kpi = located.kpi();
        return new KpiDefinedV1(
                kpi.id(),
                plan.id(),
                plan.municipalityKey(),
                located.pillar().code(),
                located.measure().code(),
                located.measure().title(),
                located.measure().departmentCode(),
                kpi.name(),
                kpi.unit(),
                WireNames.of(kpi.kind()),
                WireNames.of(kpi.direction()),
                kpi.baseline() == null ? null : new KpiDefinedV1.Baseline(kpi.baseline().value(), kpi.baseline().asOf()),
                kpi.target() == null ? null : new KpiDefinedV1.Target(kpi.target().value(), kpi.target().due()),
                plan.revision(),
                kpi.recurrence() == null ? null
                        : new KpiDefinedV1.Recurrence(kpi.recurrence().times(), WireNames.of(kpi.recurrence().per())),
                kpi.factor(),
                kpi.intermediateTargets().stream().map(step -> new KpiDefinedV1.Target(step.value(), step.due())).toList(),
                located.retired(),
                located.pillar().title(),
                WireNames.of(kpi.accumulation()),
                WireNames.of(kpi.reportingCadence() != null ? kpi.reportingCadence() : plan.reportingCadence()),
                new KpiDefinedV1.PlanPeriod(plan.coveredPeriod().fromFiscalYear(), plan.coveredPeriod().toFiscalYear()),
                kpi.kind() == KpiKind.RELATIVE ? WireNames.of(kpi.relativeTo()) : null,
                kpi.maintain() ? Boolean.TRUE : null,
                kpi.ratio() == null ? null : new KpiDefinedV1.Ratio(kpi.ratio().numerator(), kpi.ratio().denominator()),
                WireNames.of(kpi.indicatorType()),
                kpi.published(),
                located.measure().published("title"));
    }

    public static PlanRevisedV1 planRevised(PlanEvent.PlanRevised revised) {
        Plan.Revision revision = revised.revision();
        Plan.Review review = revised.review();
        return new PlanRevisedV1(revised.plan().id(), revision.number(), revision.at(), revision.author(),
                revision.reason(),
                review == null ? null : new PlanRevisedV1.Review(review.id(), review.fiscalYear(), review.note()),
                revision.changes().stream().map(difference -> new PlanRevisedV1.Change(difference.path(),
                        WireNames.of(difference.change()), difference.before(), difference.after())).toList(),
                planPublished(revised.plan()));
    }

    public static PlanReviewedV1 planReviewed(PlanEvent.PlanReviewed reviewed) {
        Plan.Review review = reviewed.review();
        return new PlanReviewedV1(reviewed.plan().id(), review.id(), review.fiscalYear(), review.note(), review.author(),
                review.at(), review.revisions());
    }

    public static MilestoneStatusChangedV1 milestoneStatusChanged(PlanEvent.MilestoneStatusChanged changed) {
        Plan.Milestone after = changed.after();
        return new MilestoneStatusChangedV1(changed.plan().id(), after.id(), changed.measure().code(),
                changed.measure().departmentCode(), after.text(), after.due(), after.decidesTargetOf(),
                WireNames.of(changed.before().status()), WireNames.of(after.status()), after.comment(), after.reportedBy(), after.reportedAt());
    }

    private static PlanPublishedV1.Milestone milestone(Plan.Milestone milestone) {
        return new PlanPublishedV1.Milestone(milestone.id(), milestone.text(), milestone.due(), milestone.decidesTargetOf(),
                WireNames.of(milestone.status()));
    }
}
