package jp.shinchoku.measurement.kpis;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

import jp.shinchoku.calendar.FiscalYear;
import jp.shinchoku.calendar.ReportingCadence;

/**
 * This service's view of a KPI (評価指標), built from the plan service's definitions. A {@code retired} KPI's measure
 * was ended by a revision: it takes no more reports.
 *
 * @param placement    where the KPI sits in its plan (pillar and measure), for roll-ups and exports
 * @param accumulation how its reports add up
 * @param cadence      how often the plan asks for reports (annual where the plan does not say)
 * @param planFrom     the first fiscal year of the plan's period; null where it cannot be told
 * @param planTo       the last fiscal year of the plan's period; null where it cannot be told
 * @param relativeTo   for a relative KPI, what its factor multiplies: last fiscal year's value (前年度比) or the
 *                     baseline (現行の1.5倍 by the deadline)
 * @param maintain     once reached, the level is to be kept (その水準を維持): a later value below it is a worsening
 * @param ratio        a percentage reported as numerator / denominator: what each counts; null otherwise
 * @param indicatorType 進捗指標 (output) or 効果指標 (outcome); null where the plan does not say
 * @param published    公開 (true; also for KPIs kept before it was known) or 非公開 (false): whether what the
 *                     municipality publishes shows it
 * @param measureTitlePublished whether the title of the KPI's measure is 公開 (true; also for KPIs kept before it was
 *                     known) or 非公開 (false): what the municipality publishes then leaves the title out, while the
 *                     staff's own views keep showing it
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
        BigDecimal factor,
        Placement placement,
        Accumulation accumulation,
        ReportingCadence cadence,
        FiscalYear planFrom,
        FiscalYear planTo,
        RelativeTo relativeTo,
        boolean maintain,
        Ratio ratio,
        IndicatorType indicatorType,
        Boolean published,
        Boolean measureTitlePublished) {

    public KpiDefinition {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(direction, "direction");
        intermediateTargets = intermediateTargets == null ? List.of() : List.copyOf(intermediateTargets);
        placement = placement == null ? Placement.UNKNOWN : placement;
        accumulation = accumulation == null ? Accumulation.CUMULATIVE : accumulation;
        cadence = cadence == null ? ReportingCadence.ANNUAL : cadence;
        relativeTo = relativeTo == null ? RelativeTo.PREVIOUS_YEAR : relativeTo;
        published = published == null || published;
        measureTitlePublished = measureTitlePublished == null || measureTitlePublished;
    }

    /** A KPI whose measure's title is 公開. */
    public KpiDefinition(String id, String planId, String departmentCode, String name, String unit, KpiKind kind,
            Direction direction, BigDecimal baselineValue, LocalDate baselineAsOf, BigDecimal targetValue, LocalDate due,
            int revision, boolean retired, String municipalityCode, List<Step> intermediateTargets,
            Recurrence recurrence, BigDecimal factor, Placement placement, Accumulation accumulation,
            ReportingCadence cadence, FiscalYear planFrom, FiscalYear planTo, RelativeTo relativeTo, boolean maintain,
            Ratio ratio, IndicatorType indicatorType, Boolean published) {
        this(id, planId, departmentCode, name, unit, kind, direction, baselineValue, baselineAsOf, targetValue, due,
                revision, retired, municipalityCode, intermediateTargets, recurrence, factor, placement, accumulation,
                cadence, planFrom, planTo, relativeTo, maintain, ratio, indicatorType, published, null);
    }

    /** A 公開 KPI of no stated indicator type. */
    public KpiDefinition(String id, String planId, String departmentCode, String name, String unit, KpiKind kind,
            Direction direction, BigDecimal baselineValue, LocalDate baselineAsOf, BigDecimal targetValue, LocalDate due,
            int revision, boolean retired, String municipalityCode, List<Step> intermediateTargets,
            Recurrence recurrence, BigDecimal factor, Placement placement, Accumulation accumulation,
            ReportingCadence cadence, FiscalYear planFrom, FiscalYear planTo, RelativeTo relativeTo, boolean maintain,
            Ratio ratio) {
        this(id, planId, departmentCode, name, unit, kind, direction, baselineValue, baselineAsOf, targetValue, due,
                revision, retired, municipalityCode, intermediateTargets, recurrence, factor, placement, accumulation,
                cadence, planFrom, planTo, relativeTo, maintain, ratio, null, null, null);
    }

    /** A KPI whose relative factor (if any) is over the previous year, not kept once reached, reported as a value. */
    public KpiDefinition(String id, String planId, String departmentCode, String name, String unit, KpiKind kind,
            Direction direction, BigDecimal baselineValue, LocalDate baselineAsOf, BigDecimal targetValue, LocalDate due,
            int revision, boolean retired, String municipalityCode, List<Step> intermediateTargets,
            Recurrence recurrence, BigDecimal factor, Placement placement, Accumulation accumulation,
            ReportingCadence cadence, FiscalYear planFrom, FiscalYear planTo) {
        this(id, planId, departmentCode, name, unit, kind, direction, baselineValue, baselineAsOf, targetValue, due,
                revision, retired, municipalityCode, intermediateTargets, recurrence, factor, placement, accumulation,
                cadence, planFrom, planTo, null, false, null);
    }

    /** A KPI known only by its definition's core: cumulative, reported annually, in no known pillar or period. */
    public KpiDefinition(String id, String planId, String departmentCode, String name, String unit, KpiKind kind,
            Direction direction, BigDecimal baselineValue, LocalDate baselineAsOf, BigDecimal targetValue, LocalDate due,
            int revision, boolean retired, String municipalityCode, List<Step> intermediateTargets,
            Recurrence recurrence, BigDecimal factor) {
        this(id, planId, departmentCode, name, unit, kind, direction, baselineValue, baselineAsOf, targetValue, due,
                revision, retired, municipalityCode, intermediateTargets, recurrence, factor, null, null, null, null, null,
                null, false, null);
    }

    /** The first day a measurement may describe: the plan period's start, or the baseline's date if earlier. */
    public LocalDate firstMeasurableDay() {
        LocalDate start = planFrom == null ? null : planFrom.firstDay();
        if (baselineAsOf != null && (start == null || baselineAsOf.isBefore(start))) {
            return baselineAsOf;
        }
        return start;
    }

    /** The last day a measurement may describe: the plan period's end, or the deadline if later. */
    public LocalDate lastMeasurableDay() {
        LocalDate end = planTo == null ? null : planTo.lastDay();
        if (due != null && end != null && due.isAfter(end)) {
            return due;
        }
        return end;
    }

    /** 施策の柱 and 個別施策 the KPI belongs to. */
    public record Placement(String pillarCode, String pillarTitle, String measureCode, String measureTitle) {
        static final Placement UNKNOWN = new Placement(null, null, null, null);
    }

    /**
     * {@code CUMULATIVE}: a report states the level reached so far (its latest value is the KPI's value);
     * {@code PER_PERIOD}: a report states its reporting period's figure, and a fiscal year's reports add up.
     */
    public enum Accumulation {
        CUMULATIVE, PER_PERIOD;

        public static Accumulation fromWire(String text) {
            return "per-period".equals(text) ? PER_PERIOD : CUMULATIVE;
        }
    }

    /** What a relative KPI's factor multiplies. */
    public enum RelativeTo {
        PREVIOUS_YEAR, BASELINE;

        public static RelativeTo fromWire(String text) {
            return "baseline".equals(text) ? BASELINE : PREVIOUS_YEAR;
        }
    }

    /** 記載率 = 記載した業務数 / 業務数: what the numerator and the denominator count. */
    public record Ratio(String numerator, String denominator) {
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
