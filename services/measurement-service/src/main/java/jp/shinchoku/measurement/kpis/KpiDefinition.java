package jp.shinchoku.measurement.kpis;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
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
        boolean retired,
        String municipalityCode,
        List<Step> intermediateTargets,
        Recurrence recurrence,
        BigDecimal factor) {

    public KpiDefinition {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(direction, "direction");
        intermediateTargets = intermediateTargets == null ? List.of() : List.copyOf(intermediateTargets);
    }

    /** 中間目標: a value to reach by a date on the way to the target. */
    public record Step(BigDecimal value, LocalDate due) {
    }

    /** 年1回以上 = 1 per fiscal-year; 月2回 = 2 per month. */
    public record Recurrence(int times, String per) {

        /** How many occurrences a whole fiscal year needs. */
        public int perFiscalYear() {
            return "month".equals(per) ? times * 12 : times;
        }
    }
}
