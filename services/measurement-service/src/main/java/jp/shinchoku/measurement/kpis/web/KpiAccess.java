package jp.shinchoku.measurement.kpis.web;

import java.util.List;

import jp.shinchoku.measurement.kpis.KpiCatalog;
import jp.shinchoku.measurement.kpis.KpiDefinition;
import jp.shinchoku.platform.security.Access;
import jp.shinchoku.platform.security.Caller;
import org.springframework.stereotype.Component;

/**
 * What the signed-in caller may read of a KPI or a plan, by the municipality and department the plan service gave
 * them: another municipality's does not exist for it (404); a department reads its own measures' (403 for others').
 */
@Component
public class KpiAccess {

    private final KpiCatalog kpis;

    KpiAccess(KpiCatalog kpis) {
        this.kpis = kpis;
    }

    /** The KPI, if the caller may read it. */
    public KpiDefinition readable(String kpiId) {
        KpiDefinition kpi = kpis.find(kpiId).orElseThrow(() -> Access.notFound("kpi", kpiId));
        Access.readsDepartment(kpi.municipalityCode(), kpi.departmentCode(), "kpi", kpiId);
        return kpi;
    }

    /**
     * A plan's KPIs the caller may read: all of them for its 推進本部, a prefecture granted it and the administrator; a
     * department's own. 404 when the caller may see none of the plan's municipality.
     */
    public List<KpiDefinition> readableOfPlan(String planId) {
        List<KpiDefinition> all = kpis.findByPlan(planId);
        if (all.isEmpty()) {
            return all;
        }
        Caller caller = Access.sees(all.getFirst().municipalityCode(), "plan", planId);
        return all.stream().filter(kpi -> caller.readsDepartment(kpi.municipalityCode(), kpi.departmentCode())).toList();
    }

    /** The whole plan's progress: its 推進本部, a prefecture granted it, the administrator (a department: 403). */
    public void wholePlan(String planId) {
        String municipality = municipalityOf(planId);
        Access.readsWhole(municipality, "plan", planId);
    }

    /** Acting on the whole plan (closing a fiscal year): its 推進本部 or the administrator; others 403, or 404. */
    public Caller managesPlan(String planId) {
        return Access.manages(municipalityOf(planId), "plan", planId);
    }

    /** A department's part of a plan: the department itself, or whoever reads the whole. */
    public void department(String planId, String departmentCode) {
        Access.readsDepartment(municipalityOf(planId), departmentCode, "plan", planId);
    }

    /** The plan's municipality, as its KPIs say; a plan without KPIs is not known here (404). */
    public String municipalityOf(String planId) {
        return kpis.findByPlan(planId).stream().map(KpiDefinition::municipalityCode).filter(java.util.Objects::nonNull)
                .findFirst().orElseThrow(() -> Access.notFound("plan", planId));
    }
}
