package jp.shinchoku.measurement.kpis;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;

/**
 * This service's view of a KPI (評価指標), built from the plan service's definitions. A {@code retired} KPI's measure
 * was ended by a revision: it takes no more reports.
 */
public record KpiDefinition(
        String id,
        String planId,
        String departmentCode,
        String name,
        String unit,
        KpiKind kind,
        Direction direction,
        BigDecimal baselineValue,
        LocalDate baselineAsOf,
        BigDecimal targetValue,
        LocalDate due,
        int revision,
        boolean retired) {

    public KpiDefinition {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(direction, "direction");
    }
}
