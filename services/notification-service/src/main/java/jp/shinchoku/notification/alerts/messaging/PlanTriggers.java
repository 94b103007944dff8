package jp.shinchoku.notification.alerts.messaging;

import java.util.List;

import jp.shinchoku.contracts.Topics;
import jp.shinchoku.contracts.plan.MilestoneStatusChangedV1;
import jp.shinchoku.contracts.plan.PlanPublishedV1;
import jp.shinchoku.contracts.plan.PlanReviewedV1;
import jp.shinchoku.contracts.plan.PlanRevisedV1;
import jp.shinchoku.notification.alerts.AlertService;
import jp.shinchoku.notification.kpis.KpiWatchRepository;
import jp.shinchoku.notification.plans.MilestoneWatch;
import jp.shinchoku.notification.plans.PlanWatch;
import jp.shinchoku.notification.plans.PlanWatchRepository;
import jp.shinchoku.platform.events.EventMetadata;
import jp.shinchoku.platform.inbox.ProcessedEvents;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Follows the plans: publication and revision replace a plan's milestones, a milestone's status report updates it,
 * a review (年度見直し) is noted; each time the plan's rules (milestones, review, undecided targets) are evaluated
 * again, so a milestone reported done resolves its alerts at once. Each event is handled once per {@code ce_id}.
 */
@Component
class PlanTriggers {

    private static final String PLANS = "notification-plan-events";

    private final PlanWatchRepository plans;
    private final KpiWatchRepository kpis;
    private final AlertService alerts;
    private final ProcessedEvents processed;

    PlanTriggers(PlanWatchRepository plans, KpiWatchRepository kpis, AlertService alerts, ProcessedEvents processed) {
        this.plans = plans;
        this.kpis = kpis;
        this.alerts = alerts;
        this.processed = processed;
    }

    @KafkaListener(id = PLANS, topics = Topics.Names.PLAN_EVENTS)
    void onPlanEvent(ConsumerRecord<String, Object> record) {
        processed.once(PLANS, EventMetadata.of(record).id(), () -> {
            PlanWatch plan = switch (record.value()) {
                case PlanPublishedV1 published -> plans.saveOutline(outline(published));
                case PlanRevisedV1 revised -> plans.saveOutline(outline(revised.plan()));
                case MilestoneStatusChangedV1 changed -> plans.milestoneStatus(changed.planId(), changed.milestoneId(),
                        changed.status(), changed.due()).orElse(null);
                case PlanReviewedV1 reviewed -> plans.reviewed(reviewed.planId(), reviewed.fiscalYear());
                default -> null;
            };
            if (plan != null) {
                alerts.evaluatePlan(plan, kpis.findByPlan(plan.planId()));
            }
        });
    }

    static PlanWatch outline(PlanPublishedV1 published) {
        List<MilestoneWatch> milestones = published.pillars().stream()
                .flatMap(pillar -> pillar.measures().stream())
                .flatMap(measure -> measure.milestones().stream().map(m -> new MilestoneWatch(m.milestoneId(),
                        measure.code(), measure.departmentCode(), m.text(), m.due(), m.decidesTargetOf(),
                        m.status() == null ? "not-started" : m.status(), Boolean.TRUE.equals(measure.retired()))))
                .toList();
        // the municipality's key: its 地方公共団体コード, or its name where the plan gives none (as kpi.defined says)
        String municipality = published.municipality().code() != null ? published.municipality().code()
                : published.municipality().name();
        return new PlanWatch(published.planId(), municipality, published.municipality().name(),
                published.title(), published.issuedOn(), published.revision(), milestones, List.of());
    }
}
