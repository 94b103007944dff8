package jp.shinchoku.notification.kpis;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * What this service knows of a KPI to decide on alerts: its definition (from the plan service) and its
 * latest progress (from the measurement service). Either half may arrive first; absent parts are null. A
 * {@code retired} KPI's measure was ended by a plan revision: nothing is alerted for it any more.
 */
public record KpiWatch(
        String kpiId,
        String planId,
        String measureCode,
        String departmentCode,
        String name,
        LocalDate deadline,
        String status,
        BigDecimal achievement,
        BigDecimal expectedAchievement,
        LocalDate progressAsOf,
        Boolean retired) {

    /** The name to show: the KPI's name, or its id while the definition has not arrived. */
    public String displayName() {
        return name == null ? kpiId : name;
    }
}
