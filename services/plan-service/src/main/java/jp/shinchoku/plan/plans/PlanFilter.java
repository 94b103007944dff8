package jp.shinchoku.plan.plans;

import java.time.LocalDate;
import java.util.stream.Stream;

import jp.shinchoku.calendar.FiscalYear;

/**
 * Which plans, KPIs and milestones a list shows; every criterion is optional (null).
 *
 * @param municipality   the municipality's 地方公共団体コード or name
 * @param department     the responsible department's code
 * @param fiscalYear     plans whose period covers it; KPIs and milestones due within it
 * @param dueFrom        deadline window: due on or after this day
 * @param dueTo          deadline window: due on or before this day
 * @param status         milestones in this status
 * @param includeRetired whether measures and KPIs retired by a revision are shown
 */
public record PlanFilter(String municipality, String planId, String department, FiscalYear fiscalYear,
        LocalDate dueFrom, LocalDate dueTo, MilestoneStatus status, boolean includeRetired) {

    public static PlanFilter all() {
        return new PlanFilter(null, null, null, null, null, null, null, false);
    }

    /**
     * A plan matches when it is the municipality's (and the one named), its period covers the fiscal year, and —
     * when a department or a deadline window is given — it has a KPI or milestone that matches them.
     */
    public boolean matches(Plan plan) {
        if (municipality != null && !municipality.equals(plan.municipality().code())
                && !municipality.equals(plan.municipality().name())) {
            return false;
        }
        if (planId != null && !planId.equals(plan.id())) {
            return false;
        }
        if (fiscalYear != null && !covers(plan.coveredPeriod())) {
            return false;
        }
        if (department == null && dueFrom == null && dueTo == null) {
            return true;
        }
        PlanFilter withinPlan = new PlanFilter(null, null, department, null, dueFrom, dueTo, null, includeRetired);
        if (dueFrom == null && dueTo == null) {
            return plan.measures().anyMatch(withinPlan::shows);
        }
        return withinPlan.kpis(plan).findAny().isPresent() || withinPlan.milestones(plan).findAny().isPresent();
    }

    /** The plan's KPIs that match, in plan order. */
    public Stream<Plan.LocatedKpi> kpis(Plan plan) {
        return plan.kpis()
                .filter(located -> shows(located.measure()) && (includeRetired || !located.kpi().retired()))
                .filter(located -> due(located.kpi().target() == null ? null : located.kpi().target().due()));
    }

    /** The plan's milestones that match, in plan order. */
    public Stream<Plan.LocatedMilestone> milestones(Plan plan) {
        return plan.locatedMilestones()
                .filter(located -> shows(located.measure()))
                .filter(located -> status == null || status == located.milestone().status())
                .filter(located -> due(located.milestone().due()));
    }

    private boolean shows(Plan.Measure measure) {
        return (includeRetired || !measure.retired())
                && (department == null || department.equals(measure.departmentCode()));
    }

    private boolean due(LocalDate due) {
        if (fiscalYear == null && dueFrom == null && dueTo == null) {
            return true;
        }
        return due != null && (fiscalYear == null || fiscalYear.contains(due))
                && (dueFrom == null || !due.isBefore(dueFrom)) && (dueTo == null || !due.isAfter(dueTo));
    }

    private boolean covers(Plan.Period period) {
        int year = fiscalYear.startYear();
        return (period.fromFiscalYear() == null || period.fromFiscalYear() <= year)
                && (period.toFiscalYear() == null || year <= period.toFiscalYear());
    }
}
