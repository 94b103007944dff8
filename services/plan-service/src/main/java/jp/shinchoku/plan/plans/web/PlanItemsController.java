package jp.shinchoku.plan.plans.web;

import jp.shinchoku.plan.plans.Plan;
import jp.shinchoku.plan.plans.PlanService;
import jp.shinchoku.platform.web.PageView;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import jp.shinchoku.platform.security.Caller;

/**
 * KPIs and milestones across plans, a page at a time, filtered by municipality, plan, department, fiscal year
 * (due within it) and deadline window; what the 推進本部 and each department look at when asking "what is due".
 */
@RestController
class PlanItemsController {

    private final PlanService plans;

    PlanItemsController(PlanService plans) {
        this.plans = plans;
    }

    /** A KPI with where it sits. */
    record KpiItem(String planId, String planTitle, String municipality, String pillar, String measureCode,
            String measureTitle, String department, boolean retired, PlanView.KpiView kpi) {
    }

    /** A milestone with where it sits. */
    record MilestoneItem(String planId, String planTitle, String municipality, String pillar, String measureCode,
            String measureTitle, String department, boolean retired, PlanView.MilestoneView milestone) {
    }

    @GetMapping("/api/kpi-definitions")
    PageView<KpiItem> kpis(@RequestParam(required = false) String municipality,
            @RequestParam(required = false) String plan, @RequestParam(required = false) String department,
            @RequestParam(required = false) String fiscalYear, @RequestParam(required = false) String dueFrom,
            @RequestParam(required = false) String dueTo, @RequestParam(defaultValue = "false") boolean includeRetired,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        return PageView.of(plans.kpis(ListParameters.filter(municipality, plan, department, fiscalYear, dueFrom, dueTo,
                null, includeRetired)).stream().filter(item -> visible(item.plan(), item.located().measure()))
                .map(item -> {
                    Plan.LocatedKpi located = item.located();
                    return new KpiItem(item.plan().id(), item.plan().title(), item.plan().municipality().name(),
                            located.pillar().code(), located.measure().code(), located.measure().title(),
                            located.measure().departmentCode(), located.retired(), PlanView.kpi(located.kpi()));
                }).toList(), page, size);
    }

    @GetMapping("/api/milestones")
    PageView<MilestoneItem> milestones(@RequestParam(required = false) String municipality,
            @RequestParam(required = false) String plan, @RequestParam(required = false) String department,
            @RequestParam(required = false) String fiscalYear, @RequestParam(required = false) String dueFrom,
            @RequestParam(required = false) String dueTo, @RequestParam(required = false) String status,
            @RequestParam(defaultValue = "false") boolean includeRetired,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        return PageView.of(plans.milestones(ListParameters.filter(municipality, plan, department, fiscalYear, dueFrom,
                dueTo, status, includeRetired)).stream().filter(item -> visible(item.plan(), item.located().measure()))
                .map(item -> {
                    Plan.LocatedMilestone located = item.located();
                    return new MilestoneItem(item.plan().id(), item.plan().title(), item.plan().municipality().name(),
                            located.pillar().code(), located.measure().code(), located.measure().title(),
                            located.measure().departmentCode(), located.measure().retired(),
                            PlanView.milestone(located.milestone()));
                }).toList(), page, size);
    }

    /** What the caller may read: its municipality's (a department: its own measures'), a prefecture's granted ones. */
    private static boolean visible(Plan plan, Plan.Measure measure) {
        return Caller.required().readsDepartment(plan.municipalityKey(), measure.departmentCode());
    }
}
