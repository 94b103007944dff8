package jp.shinchoku.measurement.progress;

import jp.shinchoku.measurement.kpis.KpiDefinition;

/** The event the domain raises when a KPI's progress changed: the KPI, and its progress before and after. */
public record ProgressChange(KpiDefinition kpi, Progress previous, Progress current) {
}
