package jp.shinchoku.plan.plans;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import jp.shinchoku.calendar.DateReference;
import jp.shinchoku.calendar.DateReferences;
import jp.shinchoku.calendar.FiscalYear;
import jp.shinchoku.calendar.InvalidDateReferenceException;
import jp.shinchoku.calendar.ReportingCadence;
import jp.shinchoku.plan.plans.Plan.Department;
import jp.shinchoku.plan.plans.Plan.Municipality;
import jp.shinchoku.plan.plans.Plan.PromotionBody;

/**
 * A plan as written in the plan-definition format (YAML or JSON), before it is validated and published.
 * Kinds, directions and dates are kept as written; {@link #violations()} reads and checks them all. Dates may be
 * written as users write them ({@code 2024-03-31}, {@code 令和5年度}, {@code 令和4年3月末}, see
 * {@link DateReferences}): a deadline falls on the last day of what it names, an issue date on the first.
 *
 * @param period            計画期間 in fiscal years, e.g. {@code from: 令和元年度, to: 令和5年度}
 * @param reportingCadence  how often departments report: monthly, quarterly, semiannual or annual
 * @param departments       the municipality's departments; when given, every measure's department must be one
 *                          <p>
 *                          A KPI's baseline without a date is taken as of the plan's issue date (the plans state
 *                          their 現状値 as of when they were made), so its trajectory starts there.
 */
public record PlanDraft(Municipality municipality, String title, String issuedOn, PeriodDraft period,
        PromotionBody promotionBody, String reportingCadence, List<Department> departments, List<PillarDraft> pillars) {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final String KINDS = "count, percentage, boolean, recurring, relative, undefined, qualitative";

    public PlanDraft {
        departments = departments == null ? List.of() : List.copyOf(departments);
        pillars = pillars == null ? List.of() : List.copyOf(pillars);
    }

    /** The minimal draft: a municipality, a title, an issue date and pillars. */
    public PlanDraft(Municipality municipality, String title, String issuedOn, List<PillarDraft> pillars) {
        this(municipality, title, issuedOn, null, null, null, null, pillars);
    }

    public record PeriodDraft(String from, String to) {
    }

    public record PillarDraft(String code, String title, List<MeasureDraft> measures) {
        public PillarDraft {
            measures = measures == null ? List.of() : List.copyOf(measures);
        }

        Plan.Pillar toPillar(String planId, LocalDate issuedOn) {
            return new Plan.Pillar(code, title, measures.stream().map(measure -> measure.toMeasure(planId, issuedOn)).toList());
        }
    }

    /**
     * {@code department} is the responsible department's code (担当部署), or null while unassigned. {@code cost} is
     * the measure's 事業費 per fiscal year; {@code privateFields} names the fields that are 非公開 (among
     * {@link Plan.Measure#PRIVATE_FIELDS}: {@code title}, {@code summary}, {@code cost}); none = all 公開.
     */
    public record MeasureDraft(String code, String title, String summary, String department, List<KpiDraft> kpis,
            List<MilestoneDraft> milestones, List<CostDraft> cost, List<String> privateFields) {
        public MeasureDraft {
            kpis = kpis == null ? List.of() : List.copyOf(kpis);
            milestones = milestones == null ? List.of() : List.copyOf(milestones);
            cost = cost == null ? List.of() : java.util.Collections.unmodifiableList(new ArrayList<>(cost));
            privateFields = privateFields == null ? List.of()
                    : java.util.Collections.unmodifiableList(new ArrayList<>(privateFields));
        }

        public MeasureDraft(String code, String title, String summary, String department, List<KpiDraft> kpis,
                List<MilestoneDraft> milestones) {
            this(code, title, summary, department, kpis, milestones, null, null);
        }

        public MeasureDraft(String code, String title, String department, List<KpiDraft> kpis) {
            this(code, title, null, department, kpis, null);
        }

        String kpiId(String planId, int index) {
            KpiDraft kpi = kpis.get(index);
            return planId + "." + code + "." + (blank(kpi.code()) ? String.valueOf(index + 1) : kpi.code());
        }

        Plan.Measure toMeasure(String planId, LocalDate issuedOn) {
            List<Plan.Kpi> published = new ArrayList<>();
            for (int i = 0; i < kpis.size(); i++) {
                published.add(kpis.get(i).toKpi(kpiId(planId, i), issuedOn));
            }
            List<Plan.Milestone> steps = new ArrayList<>();
            for (int i = 0; i < milestones.size(); i++) {
                MilestoneDraft milestone = milestones.get(i);
                steps.add(new Plan.Milestone(planId + "." + code + ".m" + (i + 1), milestone.text(),
                        lastDay(milestone.due()), decidedKpiId(planId, milestone), MilestoneStatus.NOT_STARTED, null, null, null));
            }
            return new Plan.Measure(code, title, summary, department, published, steps, false,
                    cost.stream().map(CostDraft::toCost).toList(), privateFields);
        }

        /** The KPI a milestone decides the target of: the one it names, or the measure's only 未設定 KPI. */
        private String decidedKpiId(String planId, MilestoneDraft milestone) {
            if (!Boolean.TRUE.equals(milestone.decidesTarget())) {
                return null;
            }
            for (int i = 0; i < kpis.size(); i++) {
                KpiDraft kpi = kpis.get(i);
                boolean named = !blank(milestone.kpi()) && milestone.kpi().equals(kpi.code());
                boolean onlyUndefined = blank(milestone.kpi()) && kpi.parsedKind() == KpiKind.UNDEFINED;
                if (named || onlyUndefined) {
                    return kpiId(planId, i);
                }
            }
            return null;
        }
    }

    /**
     * 事業費 as written: the fiscal year ({@code 令和6年度}, {@code 2024年度} or {@code 2024}), the amount in yen and a
     * note (e.g. 当初予算, 決算額).
     */
    public record CostDraft(String fiscalYear, BigDecimal amount, String note) {

        Plan.Cost toCost() {
            return new Plan.Cost(FiscalYear.parse(fiscalYear).startYear(), amount, note);
        }
    }

    /** 現状値 as written: a value, the date it was taken ({@code asOf}) and the plan's own words. */
    public record BaselineDraft(BigDecimal value, String asOf, String text) {
        public BaselineDraft(BigDecimal value, String asOf) {
            this(value, asOf, null);
        }
    }

    /** 目標値 as written: a value, its deadline ({@code due}) and the plan's own words. */
    public record TargetDraft(BigDecimal value, String due, String text) {
        public TargetDraft(BigDecimal value, String due) {
            this(value, due, null);
        }
    }

    /** A percentage reported as {@code numerator} / {@code denominator}: what each counts, in the plan's words. */
    public record RatioDraft(String numerator, String denominator) {
    }

    /** 年1回以上: {@code times: 1, per: fiscal-year}. */
    public record RecurrenceDraft(Integer times, String per) {
    }

    /**
     * {@code code} optional (the KPI's ordinal otherwise); kind, direction and dates as written.
     * {@code accumulation}: {@code cumulative} (the default: a report states the level reached so far, e.g. a
     * 普及率) or {@code per-period} (a report states what happened in its reporting period, e.g. the month's
     * applications; the fiscal year's reports add up). {@code indicatorType}: {@code output} (進捗) or
     * {@code outcome} (効果), absent where the plan does not say; {@code published}: 公開 unless {@code false}.
     */
    public record KpiDraft(String code, String name, String unit, String kind, String direction, BaselineDraft baseline,
            TargetDraft target, RecurrenceDraft recurrence, BigDecimal factor, String note,
            List<TargetDraft> intermediateTargets, String accumulation, String relativeTo, Boolean maintain,
            RatioDraft ratio, String reportingCadence, String indicatorType, Boolean published) {

        public KpiDraft {
            intermediateTargets = intermediateTargets == null ? List.of() : List.copyOf(intermediateTargets);
        }

        public KpiDraft(String code, String name, String unit, String kind, String direction, BaselineDraft baseline,
                TargetDraft target, RecurrenceDraft recurrence, BigDecimal factor, String note,
                List<TargetDraft> intermediateTargets, String accumulation, String relativeTo, Boolean maintain,
                RatioDraft ratio, String reportingCadence) {
            this(code, name, unit, kind, direction, baseline, target, recurrence, factor, note, intermediateTargets,
                    accumulation, relativeTo, maintain, ratio, reportingCadence, null, null);
        }

        public KpiDraft(String code, String name, String unit, String kind, String direction, BaselineDraft baseline,
                TargetDraft target, RecurrenceDraft recurrence, BigDecimal factor, String note,
                List<TargetDraft> intermediateTargets, String accumulation) {
            this(code, name, unit, kind, direction, baseline, target, recurrence, factor, note, intermediateTargets,
                    accumulation, null, null, null, null);
        }

        public KpiDraft(String code, String name, String unit, String kind, String direction, BaselineDraft baseline,
                TargetDraft target, RecurrenceDraft recurrence, BigDecimal factor, String note,
                List<TargetDraft> intermediateTargets) {
            this(code, name, unit, kind, direction, baseline, target, recurrence, factor, note, intermediateTargets, null);
        }

        /**
         * This draft with what a revision does not change taken from the KPI as it is: basis, upkeep, ratio, cadence,
         * indicator type and publication.
         */
        KpiDraft keeping(Plan.Kpi kpi) {
            return new KpiDraft(code, name, unit, kind, direction, baseline, target, recurrence, factor, note,
                    intermediateTargets, accumulation,
                    relativeTo != null ? relativeTo : kpi.relativeTo() == Plan.RelativeTo.BASELINE ? "baseline" : null,
                    maintain != null ? maintain : kpi.maintain(),
                    ratio != null ? ratio : kpi.ratio() == null ? null
                            : new RatioDraft(kpi.ratio().numerator(), kpi.ratio().denominator()),
                    reportingCadence != null ? reportingCadence : WireNames.of(kpi.reportingCadence()),
                    indicatorType != null ? indicatorType : WireNames.of(kpi.indicatorType()),
                    published != null ? published : kpi.published());
        }

        /** Output (進捗) or outcome (効果); null where not said or not readable. */
        public IndicatorType parsedIndicatorType() {
            return blank(indicatorType) ? null : IndicatorType.parse(indicatorType);
        }

        /** Previous-year unless the plan says baseline; null for a word that is neither. */
        public Plan.RelativeTo parsedRelativeTo() {
            return blank(relativeTo) ? Plan.RelativeTo.PREVIOUS_YEAR : WireNames.parse(Plan.RelativeTo.class, relativeTo);
        }

        /** Cumulative unless the plan says per-period; null for a word that is neither. */
        public Plan.Accumulation parsedAccumulation() {
            return blank(accumulation) ? Plan.Accumulation.CUMULATIVE : WireNames.parse(Plan.Accumulation.class, accumulation);
        }

        public KpiDraft(String name, String unit, String kind, String direction, BaselineDraft baseline,
                TargetDraft target) {
            this(null, name, unit, kind, direction, baseline, target, null, null, null, null, null);
        }

        public KpiKind parsedKind() {
            return WireNames.parse(KpiKind.class, kind);
        }

        public Direction parsedDirection() {
            return WireNames.parse(Direction.class, direction);
        }

        Plan.Baseline parsedBaseline() {
            return baseline == null ? null : new Plan.Baseline(baseline.value(), lastDay(baseline.asOf()), baseline.text());
        }

        /** The baseline, taken as of the plan's issue date where the plan does not say when. */
        Plan.Baseline parsedBaseline(LocalDate issuedOn) {
            Plan.Baseline stated = parsedBaseline();
            if (stated != null && stated.asOf() != null) {
                return stated;
            }
            return issuedOn == null ? stated
                    : new Plan.Baseline(stated == null ? null : stated.value(), issuedOn, stated == null ? null : stated.text());
        }

        Plan.Target parsedTarget() {
            return target == null ? null : new Plan.Target(target.value(), lastDay(target.due()), target.text());
        }

        Plan.Recurrence parsedRecurrence() {
            Plan.Recurrence.Per per = recurrence == null ? null : WireNames.parse(Plan.Recurrence.Per.class, recurrence.per());
            return per == null || recurrence.times() == null ? null : new Plan.Recurrence(recurrence.times(), per);
        }

        List<Plan.Target> parsedIntermediateTargets() {
            return intermediateTargets.stream()
                    .map(step -> new Plan.Target(step.value(), lastDay(step.due()), step.text()))
                    .sorted(java.util.Comparator.comparing(Plan.Target::due))
                    .toList();
        }

        Plan.Kpi toKpi(String id, LocalDate issuedOn) {
            return new Plan.Kpi(id, code, name, unit, parsedKind(), parsedDirection(), parsedBaseline(issuedOn), parsedTarget(),
                    parsedRecurrence(), factor, note, parsedIntermediateTargets(), parsedAccumulation(), parsedRelativeTo(),
                    Boolean.TRUE.equals(maintain), ratio == null ? null : new Plan.Ratio(ratio.numerator(), ratio.denominator()),
                    WireNames.parse(ReportingCadence.class, reportingCadence), false, parsedIndicatorType(), published);
        }
    }

    /** スケジュール: a step and its deadline; {@code decidesTarget} when it is where a 未設定 KPI's target is decided. */
    public record MilestoneDraft(String text, String due, Boolean decidesTarget, String kpi) {
    }

    LocalDate parsedIssuedOn() {
        return DateReferences.parseOptional(issuedOn).map(DateReference::firstDay).orElse(null);
    }

    Plan.Period parsedPeriod() {
        if (period == null) {
            return null;
        }
        return new Plan.Period(DateReferences.parseOptional(period.from()).map(r -> r.fiscalYear().startYear()).orElse(null),
                DateReferences.parseOptional(period.to()).map(r -> r.fiscalYear().startYear()).orElse(null));
    }

    ReportingCadence parsedReportingCadence() {
        return WireNames.parse(ReportingCadence.class, reportingCadence);
    }

    /** Every problem in the draft at once, each at its path in the document. */
    public List<Violation> violations() {
        return violations(Set.of());
    }

    /**
     * Every problem in the draft at once, each at its path in the document; a measure's department must be listed
     * in the draft or be one of the {@code registeredDepartments} (checked once either list has any).
     */
    public List<Violation> violations(Set<String> registeredDepartments) {
        List<Violation> found = new ArrayList<>();
        if (municipality == null || blank(municipality.name())) {
            found.add(Violation.of("municipality.name", "municipality.name-required"));
        }
        if (blank(title)) {
            found.add(Violation.of("title", "title.required"));
        }
        checkDate(issuedOn, "issuedOn", found);
        checkPeriod(found);
        if (!blank(reportingCadence) && parsedReportingCadence() == null) {
            found.add(Violation.of("reportingCadence", "reporting-cadence.unknown", reportingCadence));
        }
        Set<String> departmentCodes = new HashSet<>();
        for (int d = 0; d < departments.size(); d++) {
            Department department = departments.get(d);
            String path = "departments[" + d + "].code";
            if (department == null || blank(department.code())) {
                found.add(Violation.of(path, "department.code-required"));
            } else if (!departmentCodes.add(department.code())) {
                found.add(duplicate(path, "code.department", department.code()));
            }
        }
        if (pillars.isEmpty()) {
            found.add(Violation.of("pillars", "pillars.required"));
        }
        Set<String> pillarCodes = new HashSet<>();
        Set<String> measureCodes = new HashSet<>();
        for (int p = 0; p < pillars.size(); p++) {
            PillarDraft pillar = pillars.get(p);
            String pillarPath = "pillars[" + p + "]";
            if (blank(pillar.code())) {
                found.add(Violation.of(pillarPath + ".code", "pillar.code-required"));
            } else if (!pillarCodes.add(pillar.code())) {
                found.add(duplicate(pillarPath + ".code", "code.pillar", pillar.code()));
            }
            for (int m = 0; m < pillar.measures().size(); m++) {
                MeasureDraft measure = pillar.measures().get(m);
                String measurePath = pillarPath + ".measures[" + m + "]";
                if (blank(measure.code())) {
                    found.add(Violation.of(measurePath + ".code", "measure.code-required"));
                } else if (!measureCodes.add(measure.code())) {
                    found.add(duplicate(measurePath + ".code", "code.measure", measure.code()));
                }
                if (blank(measure.title())) {
                    found.add(Violation.of(measurePath + ".title", "measure.title-required"));
                }
                checkDepartment(measure.department(), knownDepartments(departmentCodes, registeredDepartments),
                        measurePath + ".department", found);
                checkMeasure(measure, measurePath, found);
            }
        }
        return found;
    }

    private static Set<String> knownDepartments(Set<String> listed, Set<String> registered) {
        Set<String> known = new HashSet<>(listed);
        known.addAll(registered);
        return known;
    }

    /** A department must be one of the known ones, once any are known; null leaves the measure unassigned. */
    static void checkDepartment(String department, Set<String> known, String path, List<Violation> found) {
        if (!known.isEmpty() && !blank(department) && !known.contains(department)) {
            found.add(Violation.of(path, "department.unknown", department));
        }
    }

    static void checkMeasure(MeasureDraft measure, String measurePath, List<Violation> found) {
        checkCost(measure, measurePath, found);
        for (int f = 0; f < measure.privateFields().size(); f++) {
            String field = measure.privateFields().get(f);
            if (field == null || !Plan.Measure.PRIVATE_FIELDS.contains(field)) {
                found.add(Violation.of(measurePath + ".privateFields[" + f + "]", "measure.unknown-private-field", field,
                        String.join(", ", Plan.Measure.PRIVATE_FIELDS)));
            }
        }
        Set<String> kpiCodes = new HashSet<>();
        for (int k = 0; k < measure.kpis().size(); k++) {
            KpiDraft kpi = measure.kpis().get(k);
            String path = measurePath + ".kpis[" + k + "]";
            if (!blank(kpi.code()) && !kpiCodes.add(kpi.code())) {
                found.add(duplicate(path + ".code", "code.kpi", kpi.code()));
            }
            checkKpi(kpi, path, found);
        }
        for (int s = 0; s < measure.milestones().size(); s++) {
            MilestoneDraft milestone = measure.milestones().get(s);
            String path = measurePath + ".milestones[" + s + "]";
            if (blank(milestone.text())) {
                found.add(Violation.of(path + ".text", "milestone.text-required"));
            }
            checkDate(milestone.due(), path + ".due", found);
            if (!blank(milestone.kpi()) && !kpiCodes.contains(milestone.kpi())) {
                found.add(Violation.of(path + ".kpi", "milestone.unknown-kpi", milestone.kpi()));
            }
        }
    }

    /** 事業費: each with a readable fiscal year (once) and an amount of 0 yen or more. */
    private static void checkCost(MeasureDraft measure, String measurePath, List<Violation> found) {
        Set<Integer> years = new HashSet<>();
        for (int c = 0; c < measure.cost().size(); c++) {
            CostDraft cost = measure.cost().get(c);
            String path = measurePath + ".cost[" + c + "]";
            if (cost == null || blank(cost.fiscalYear())) {
                found.add(Violation.of(path + ".fiscalYear", "cost.fiscal-year-required"));
            } else {
                try {
                    FiscalYear year = FiscalYear.parse(cost.fiscalYear());
                    if (!years.add(year.startYear())) {
                        found.add(Violation.of(path + ".fiscalYear", "cost.fiscal-year-twice", year.label(),
                                year.startYear()));
                    }
                } catch (InvalidDateReferenceException e) {
                    found.add(new Violation(path + ".fiscalYear", e.messageJa(), e.messageEn()));
                }
            }
            if (cost == null || cost.amount() == null) {
                found.add(Violation.of(path + ".amount", "cost.amount-required"));
            } else if (cost.amount().signum() < 0) {
                found.add(Violation.of(path + ".amount", "cost.amount-negative"));
            }
        }
    }

    static void checkKpi(KpiDraft kpi, String path, List<Violation> found) {
        if (blank(kpi.name())) {
            found.add(Violation.of(path + ".name", "kpi.name-required"));
        }
        if (!blank(kpi.indicatorType()) && kpi.parsedIndicatorType() == null) {
            found.add(Violation.of(path + ".indicatorType", "kpi.unknown-indicator-type", kpi.indicatorType()));
        }
        KpiKind kind = kpi.parsedKind();
        if (kpi.parsedAccumulation() == null) {
            found.add(Violation.of(path + ".accumulation", "kpi.unknown-accumulation", kpi.accumulation()));
        }
        if (kind == null) {
            found.add(Violation.of(path + ".kind", "kpi.unknown-kind", kpi.kind(), KINDS));
        }
        boolean directionMissing = kpi.direction() == null && kind != null && !kind.needsDirection();
        if (kpi.parsedDirection() == null && !directionMissing) {
            found.add(Violation.of(path + ".direction", "kpi.unknown-direction", kpi.direction()));
        }
        boolean datesReadable = checkDate(kpi.baseline() == null ? null : kpi.baseline().asOf(), path + ".baseline.asOf", found)
                & checkDate(kpi.target() == null ? null : kpi.target().due(), path + ".target.due", found);
        Plan.Target target = datesReadable ? kpi.parsedTarget() : null;
        Plan.Baseline baseline = datesReadable ? kpi.parsedBaseline() : null;
        if (datesReadable && kind != null && kind.needsDeadline() && (target == null || target.due() == null)) {
            found.add(Violation.of(path + ".target.due", "kpi.deadline-required"));
        }
        if (target != null && target.due() != null && baseline != null && baseline.asOf() != null
                && target.due().isBefore(baseline.asOf())) {
            found.add(Violation.of(path + ".target.due", "kpi.deadline-before-baseline"));
        }
        if (kind == KpiKind.PERCENTAGE || "%".equals(kpi.unit())) {
            checkPercentage(kpi.baseline() == null ? null : kpi.baseline().value(), path + ".baseline.value", found);
            checkPercentage(kpi.target() == null ? null : kpi.target().value(), path + ".target.value", found);
        }
        if (kind == KpiKind.RECURRING && kpi.parsedRecurrence() == null) {
            found.add(Violation.of(path + ".recurrence", "kpi.recurrence-required"));
        }
        if (kind == KpiKind.RECURRING && kpi.recurrence() != null && kpi.recurrence().times() != null
                && kpi.recurrence().times() < 1) {
            found.add(Violation.of(path + ".recurrence.times", "kpi.times-below-one"));
        }
        if (kind == KpiKind.RELATIVE && (kpi.factor() == null || kpi.factor().signum() <= 0)) {
            found.add(Violation.of(path + ".factor", "kpi.factor-required"));
        }
        if (kpi.parsedRelativeTo() == null) {
            found.add(Violation.of(path + ".relativeTo", "kpi.unknown-basis", kpi.relativeTo()));
        } else if (!blank(kpi.relativeTo()) && kind != null && kind != KpiKind.RELATIVE) {
            found.add(Violation.of(path + ".relativeTo", "kpi.basis-not-relative"));
        } else if (kind == KpiKind.RELATIVE && kpi.parsedRelativeTo() == Plan.RelativeTo.BASELINE) {
            if (target == null || target.due() == null) {
                found.add(Violation.of(path + ".target.due", "kpi.baseline-factor-deadline"));
            }
        }
        if (kpi.ratio() != null && (blank(kpi.ratio().numerator()) || blank(kpi.ratio().denominator()))) {
            found.add(Violation.of(path + ".ratio", "kpi.ratio-incomplete"));
        }
        if (kpi.ratio() != null && kind != null && kind != KpiKind.PERCENTAGE && kind != KpiKind.UNDEFINED) {
            found.add(Violation.of(path + ".ratio", "kpi.ratio-not-percentage"));
        }
        if (!blank(kpi.reportingCadence()) && WireNames.parse(ReportingCadence.class, kpi.reportingCadence()) == null) {
            found.add(Violation.of(path + ".reportingCadence", "reporting-cadence.unknown", kpi.reportingCadence()));
        }
        checkIntermediateTargets(kpi, datesReadable ? target : null, datesReadable ? baseline : null, path, found);
        if (kind == KpiKind.UNDEFINED && kpi.target() != null && kpi.target().value() != null) {
            found.add(Violation.of(path + ".target.value", "kpi.undefined-with-target"));
        }
    }

    /** 中間目標: each with a value and a readable date, after the baseline and before the final deadline. */
    private static void checkIntermediateTargets(KpiDraft kpi, Plan.Target target, Plan.Baseline baseline, String path,
            List<Violation> found) {
        boolean percentage = kpi.parsedKind() == KpiKind.PERCENTAGE || "%".equals(kpi.unit());
        for (int i = 0; i < kpi.intermediateTargets().size(); i++) {
            TargetDraft step = kpi.intermediateTargets().get(i);
            String stepPath = path + ".intermediateTargets[" + i + "]";
            if (step == null || step.value() == null) {
                found.add(Violation.of(stepPath + ".value", "intermediate-target.value-required"));
            } else if (percentage) {
                checkPercentage(step.value(), stepPath + ".value", found);
            }
            if (step == null || blank(step.due())) {
                found.add(Violation.of(stepPath + ".due", "intermediate-target.deadline-required"));
            } else if (checkDate(step.due(), stepPath + ".due", found)) {
                LocalDate due = lastDay(step.due());
                if (target != null && target.due() != null && !due.isBefore(target.due())) {
                    found.add(Violation.of(stepPath + ".due", "intermediate-target.after-final"));
                }
                if (baseline != null && baseline.asOf() != null && due.isBefore(baseline.asOf())) {
                    found.add(Violation.of(stepPath + ".due", "intermediate-target.before-baseline"));
                }
            }
        }
    }

    private void checkPeriod(List<Violation> found) {
        if (period == null) {
            return;
        }
        boolean readable = checkDate(period.from(), "period.from", found) & checkDate(period.to(), "period.to", found);
        Plan.Period parsed = readable ? parsedPeriod() : null;
        if (parsed != null && parsed.fromFiscalYear() != null && parsed.toFiscalYear() != null
                && parsed.toFiscalYear() < parsed.fromFiscalYear()) {
            found.add(Violation.of("period.to", "period.ends-before-start"));
        }
    }

    /** Records a violation when a date is written but cannot be read; returns whether it can be read. */
    static boolean checkDate(String text, String path, List<Violation> found) {
        try {
            DateReferences.parseOptional(text);
            return true;
        } catch (InvalidDateReferenceException e) {
            found.add(new Violation(path, e.messageJa(), e.messageEn()));
            return false;
        }
    }

    private static void checkPercentage(BigDecimal value, String path, List<Violation> found) {
        if (value != null && (value.signum() < 0 || value.compareTo(HUNDRED) > 0)) {
            found.add(Violation.of(path, "percentage.out-of-range"));
        }
    }

    /** @param what the key of what is duplicated ({@code code.pillar}) */
    static Violation duplicate(String path, String what, String code) {
        return Violation.of(path, "code.used-twice", PlanTexts.TEXTS.ja(what), PlanTexts.TEXTS.en(what), code);
    }

    static LocalDate lastDay(String text) {
        return DateReferences.parseOptional(text).map(DateReference::lastDay).orElse(null);
    }

    static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}
