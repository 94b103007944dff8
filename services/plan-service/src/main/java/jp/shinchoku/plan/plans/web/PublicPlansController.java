package jp.shinchoku.plan.plans.web;

import java.util.List;

import jp.shinchoku.plan.plans.Plan;
import jp.shinchoku.plan.plans.PlanService;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The plans as a municipality publishes them, for anyone (shinchoku.security.public-paths {@code /api/open-data/**}):
 * a municipality's plans, and a plan's pillars, measures and KPIs with only what is 公開. A 非公開 KPI is left out; a
 * measure's 非公開 title, summary or cost is left empty; retired measures and KPIs, departments' contacts and the
 * comments of milestone reports are internal. Figures are not here: they are the measurement service's published
 * editions.
 */
@RestController
class PublicPlansController {

    private final PlanService plans;

    PublicPlansController(PlanService plans) {
        this.plans = plans;
    }

    /** The plans of a municipality (by 地方公共団体コード or name), or of all, oldest first. */
    @GetMapping("/api/open-data/plan-documents")
    List<RevisionViews.PlanSummary> plans(@RequestParam(required = false) String municipality) {
        return plans.list(ListParameters.filter(municipality, null, null, null, null, null, null, false)).stream()
                .map(RevisionViews.PlanSummary::of).toList();
    }

    @GetMapping("/api/open-data/plan-documents/{planId}")
    PlanView plan(@PathVariable String planId) {
        return PublicPlanView.of(plans.get(planId));
    }

    /** What of a plan the public reads. */
    static final class PublicPlanView {

        private PublicPlanView() {
        }

        static PlanView of(Plan plan) {
            PlanView all = PlanView.of(plan);
            return new PlanView(all.id(), all.municipality(), all.title(), all.issuedOn(), all.period(),
                    all.promotionBody(), all.reportingCadence(),
                    all.departments().stream().map(d -> new Plan.Department(d.code(), d.name(), null)).toList(),
                    all.revision(),
                    all.pillars().stream().map(pillar -> new PlanView.PillarView(pillar.code(), pillar.title(),
                            pillar.measures().stream().filter(measure -> !measure.retired())
                                    .map(PublicPlanView::measure).toList())).toList(),
                    all.publishedAt(), all.updatedAt());
        }

        private static PlanView.MeasureView measure(PlanView.MeasureView measure) {
            List<String> hidden = measure.privateFields();
            return new PlanView.MeasureView(measure.code(), hidden.contains("title") ? null : measure.title(),
                    hidden.contains("summary") ? null : measure.summary(), measure.department(), false,
                    measure.kpis().stream().filter(kpi -> kpi.published() && !kpi.retired()).toList(),
                    measure.milestones().stream().map(m -> new PlanView.MilestoneView(m.id(), m.text(), m.due(),
                            m.decidesTargetOf(), m.status(), m.statusLabel(), null, null, m.reportedAt())).toList(),
                    hidden.contains("cost") ? List.of() : measure.cost(), hidden);
        }
    }
}
