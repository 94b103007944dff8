package jp.shinchoku.contracts.plan;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * {@code kpi.defined.v1}: the full current definition of a KPI (評価指標). Published whenever a KPI is
 * defined or changed, keyed by KPI id on a compacted topic.
 *
 * @param kind      {@code count}, {@code percentage}, {@code boolean}, {@code recurring}, {@code relative},
 *                  {@code undefined} or {@code qualitative}
 * @param direction {@code increase}, {@code decrease} or {@code achieve}; null while an undefined or qualitative
 *                  KPI does not say
 * @param revision  the plan revision that produced this definition; consumers keep the highest
 * @param recurrence for a {@code recurring} KPI: how often ({@code per} is {@code fiscal-year} or {@code month})
 * @param factor    for a {@code relative} KPI: the factor over the previous fiscal year
 * @param intermediateTargets 中間目標: the value to reach by the end of earlier fiscal years, in date order
 *                  (empty when the plan sets none)
 * @param retired   the KPI, or its measure, was retired by a revision: no more reports are expected or accepted (absent in
 *                  events written before the field existed: read as false)
 * @param pillarTitle the title of the pillar (施策の柱) the KPI's measure belongs to
 * @param accumulation {@code cumulative} (each report states the level reached so far) or {@code per-period} (each
 *                  states its reporting period's figure; a fiscal year's reports add up); absent = cumulative
 * @param reportingCadence how often the plan asks for reports: {@code monthly}, {@code quarterly},
 *                  {@code semiannual} or {@code annual}; absent = the plan does not say
 * @param planPeriod the fiscal years the plan covers (its stated period, or from its issue to its last deadline);
 *                  either end may be null where it cannot be told
 * @param municipalityCode the municipality's key: its 地方公共団体コード, or its name where the plan gives no code
 * @param relativeTo for a {@code relative} KPI, what its factor multiplies: {@code previous-year} (前年度比, the
 *                  default when absent) or {@code baseline} (現行の1.5倍 by the target's deadline)
 * @param maintain  true when the level, once reached, is to be kept (その水準を維持); absent = false
 * @param ratio     for a percentage reported as numerator / denominator: what each counts; absent otherwise
 * @param indicatorType {@code output} (進捗指標: what was done) or {@code outcome} (効果指標: what it changed); absent
 *                  where the plan does not say
 * @param published whether the KPI is 公開 (shown in what the municipality publishes, e.g. its open data) or 非公開;
 *                  absent in events written before the field existed: read as true
 * @param measureTitlePublished whether the title of the KPI's measure (個別施策名) is 公開 or 非公開 (the plan's
 *                  measure names {@code title} among its {@code privateFields}): what the municipality publishes
 *                  about the KPI then leaves the measure's title out; absent in events written before the field
 *                  existed: read as true
 */
public record KpiDefinedV1(
        String kpiId,
        String planId,
        String municipalityCode,
        String pillarCode,
        String measureCode,
        String measureTitle,
        String departmentCode,
        String name,
        String unit,
        String kind,
        String direction,
        Baseline baseline,
        Target target,
        int revision,
        Recurrence recurrence,
        BigDecimal factor,
        List<Target> intermediateTargets,
        Boolean retired,
        String pillarTitle,
        String accumulation,
        String reportingCadence,
        PlanPeriod planPeriod,
        String relativeTo,
        Boolean maintain,
        Ratio ratio,
        String indicatorType,
        Boolean published,
        Boolean measureTitlePublished) {

    public KpiDefinedV1 {
        Objects.requireNonNull(kpiId, "kpiId");
        Objects.requireNonNull(planId, "planId");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        intermediateTargets = intermediateTargets == null ? List.of() : List.copyOf(intermediateTargets);
        retired = Boolean.TRUE.equals(retired);
        accumulation = accumulation == null ? "cumulative" : accumulation;
        published = published == null || published;
        measureTitlePublished = measureTitlePublished == null || measureTitlePublished;
    }

    /** A definition as producers before {@code measureTitlePublished} wrote it (a 公開 measure title). */
    public KpiDefinedV1(String kpiId, String planId, String municipalityCode, String pillarCode, String measureCode,
            String measureTitle, String departmentCode, String name, String unit, String kind, String direction,
            Baseline baseline, Target target, int revision, Recurrence recurrence, BigDecimal factor,
            List<Target> intermediateTargets, Boolean retired, String pillarTitle, String accumulation,
            String reportingCadence, PlanPeriod planPeriod, String relativeTo, Boolean maintain, Ratio ratio,
            String indicatorType, Boolean published) {
        this(kpiId, planId, municipalityCode, pillarCode, measureCode, measureTitle, departmentCode, name, unit, kind,
                direction, baseline, target, revision, recurrence, factor, intermediateTargets, retired, pillarTitle,
                accumulation, reportingCadence, planPeriod, relativeTo, maintain, ratio, indicatorType, published, null);
    }

    /** A definition as producers before {@code indicatorType} and {@code published} wrote it (a 公開 KPI). */
    public KpiDefinedV1(String kpiId, String planId, String municipalityCode, String pillarCode, String measureCode,
            String measureTitle, String departmentCode, String name, String unit, String kind, String direction,
            Baseline baseline, Target target, int revision, Recurrence recurrence, BigDecimal factor,
            List<Target> intermediateTargets, Boolean retired, String pillarTitle, String accumulation,
            String reportingCadence, PlanPeriod planPeriod, String relativeTo, Boolean maintain, Ratio ratio) {
        this(kpiId, planId, municipalityCode, pillarCode, measureCode, measureTitle, departmentCode, name, unit, kind,
                direction, baseline, target, revision, recurrence, factor, intermediateTargets, retired, pillarTitle,
                accumulation, reportingCadence, planPeriod, relativeTo, maintain, ratio, null, null, null);
    }

    /** A definition as producers before {@code relativeTo}, {@code maintain} and {@code ratio} wrote it. */
    public KpiDefinedV1(String kpiId, String planId, String municipalityCode, String pillarCode, String measureCode,
            String measureTitle, String departmentCode, String name, String unit, String kind, String direction,
            Baseline baseline, Target target, int revision, Recurrence recurrence, BigDecimal factor,
            List<Target> intermediateTargets, Boolean retired, String pillarTitle, String accumulation,
            String reportingCadence, PlanPeriod planPeriod) {
        this(kpiId, planId, municipalityCode, pillarCode, measureCode, measureTitle, departmentCode, name, unit, kind,
                direction, baseline, target, revision, recurrence, factor, intermediateTargets, retired, pillarTitle,
                accumulation, reportingCadence, planPeriod, null, null, null, null, null, null);
    }

    /** A definition as producers before {@code pillarTitle}, {@code accumulation}, cadence and period wrote it. */
    public KpiDefinedV1(String kpiId, String planId, String municipalityCode, String pillarCode, String measureCode,
            String measureTitle, String departmentCode, String name, String unit, String kind, String direction,
            Baseline baseline, Target target, int revision, Recurrence recurrence, BigDecimal factor,
            List<Target> intermediateTargets, Boolean retired) {
        this(kpiId, planId, municipalityCode, pillarCode, measureCode, measureTitle, departmentCode, name, unit, kind,
                direction, baseline, target, revision, recurrence, factor, intermediateTargets, retired, null, null, null,
                null, null, null, null, null, null, null);
    }

    /** 現状値: the value at the start, as of a date. */
    public record Baseline(BigDecimal value, LocalDate asOf) {
    }

    /** 目標値: the value to reach and its deadline. */
    public record Target(BigDecimal value, LocalDate due) {
    }

    /** The plan's period, as the fiscal years (named by the year they start in) it runs from and to. */
    public record PlanPeriod(Integer fromFiscalYear, Integer toFiscalYear) {
    }

    /** 記載率 = 記載した業務数 / 定義されている業務数: what the numerator and the denominator count. */
    public record Ratio(String numerator, String denominator) {
    }

    /** 年1回以上: {@code times} 1 {@code per} {@code fiscal-year}. */
    public record Recurrence(int times, String per) {
    }
}
