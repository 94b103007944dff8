package jp.shinchoku.measurement.measurements;

import java.util.Objects;

import jp.shinchoku.measurement.kpis.KpiDefinition;

/**
 * Who sends a report, as its verified token says: a department's person or system may report only for the measures
 * assigned to that department (after a reassignment: the new one); the administrator for any.
 *
 * @param who          recorded as the measurement's {@code reportedBy}
 * @param municipality the municipality it belongs to (null for the administrator)
 * @param department   its department (null for the administrator)
 * @param anyKpi       the administrator: every KPI
 * @param origin       where the report came from (the caller's address, the ingress topic), kept with the measurement
 *                     for the audit trail; null where not known
 */
public record Reporter(String who, String municipality, String department, boolean anyKpi, String origin) {

    public Reporter(String who, String municipality, String department, boolean anyKpi) {
        this(who, municipality, department, anyKpi, null);
    }

    public static Reporter department(String who, String municipality, String department) {
        return new Reporter(who, municipality, department, false);
    }

    public static Reporter administrator(String who) {
        return new Reporter(who, null, null, true);
    }

    /** The same reporter, reporting from there. */
    public Reporter from(String where) {
        return new Reporter(who, municipality, department, anyKpi, where);
    }

    /** Whether the KPI exists for this reporter at all (another municipality's does not). */
    public boolean sees(KpiDefinition kpi) {
        return anyKpi || Objects.equals(kpi.municipalityCode(), municipality);
    }

    public boolean mayReport(KpiDefinition kpi) {
        return anyKpi || (sees(kpi) && department != null && department.equals(kpi.departmentCode()));
    }
}
