package jp.shinchoku.plan.plans.web;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import jp.shinchoku.calendar.FiscalYear;
import jp.shinchoku.calendar.Wareki;
import jp.shinchoku.plan.plans.KpiKind;
import jp.shinchoku.plan.plans.Plan;
import jp.shinchoku.plan.plans.WireNames;

/** A plan as the API shows it: dates in ISO and in 和暦 side by side, fiscal years with their 和暦 names. */
public record PlanView(String id, Plan.Municipality municipality, String title, DateView issuedOn, PeriodView period,
        Plan.PromotionBody promotionBody, String reportingCadence, List<Plan.Department> departments, int revision,
        List<PillarView> pillars, Instant publishedAt, Instant updatedAt) {

    public record PeriodView(String from, String to) {
    }

    public record PillarView(String code, String title, List<MeasureView> measures) {
    }

    /**
     * {@code cost}: 事業費 per fiscal year; {@code privateFields}: the fields that are 非公開 ({@code title},
     * {@code summary}, {@code cost}), empty when all are 公開.
     */
    public record MeasureView(String code, String title, String summary, String department, boolean retired,
            List<KpiView> kpis, List<MilestoneView> milestones, List<CostView> cost, List<String> privateFields) {
    }

    /** 事業費 of a fiscal year: {@code 令和6年度} and its start year (2024), the amount in yen and its note. */
    public record CostView(String fiscalYear, int fiscalYearStart, BigDecimal amount, String note) {
    }

    /** 中間目標: a value to reach by a date. */
    public record StepView(BigDecimal value, DateView due) {
    }

    public record KpiView(String id, String code, String name, String unit, String kind, String direction,
            BigDecimal baseline, DateView baselineAsOf, BigDecimal target, DateView due, String targetText,
            List<StepView> intermediateTargets, Plan.Recurrence recurrence, BigDecimal factor, String note,
            String accumulation, String relativeTo, boolean maintain, Plan.Ratio ratio, String reportingCadence,
            boolean retired, String indicatorType, String indicatorTypeLabel, boolean published) {
    }

    public record MilestoneView(String id, String text, DateView due, String decidesTargetOf, String status,
            String statusLabel, String comment, String reportedBy, Instant reportedAt) {
    }

    /** {@code 2024-03-31}, {@code 令和6年3月31日}, {@code 令和5年度}. */
    public record DateView(LocalDate date, String wareki, String fiscalYear) {
        static DateView of(LocalDate date) {
            return date == null ? null : new DateView(date, Wareki.format(date), FiscalYear.containing(date).label());
        }
    }

    static PlanView of(Plan plan) {
        return new PlanView(plan.id(), plan.municipality(), plan.title(), DateView.of(plan.issuedOn()),
                plan.period() == null ? null : new PeriodView(label(plan.period().fromFiscalYear()), label(plan.period().toFiscalYear())),
                plan.promotionBody(), WireNames.of(plan.reportingCadence()),
                plan.departments(), plan.revision(),
                plan.pillars().stream().map(pillar -> new PillarView(pillar.code(), pillar.title(),
                        pillar.measures().stream().map(PlanView::measure).toList())).toList(),
                plan.publishedAt(), plan.updatedAt());
    }

    private static MeasureView measure(Plan.Measure measure) {
        return new MeasureView(measure.code(), measure.title(), measure.summary(), measure.departmentCode(), measure.retired(),
                measure.kpis().stream().map(PlanView::kpi).toList(),
                measure.milestones().stream().map(PlanView::milestone).toList(),
                measure.cost().stream().map(cost -> new CostView(label(cost.fiscalYear()), cost.fiscalYear(),
                        cost.amount(), cost.note())).toList(),
                measure.privateFields());
    }

    static MilestoneView milestone(Plan.Milestone m) {
        return new MilestoneView(m.id(), m.text(), DateView.of(m.due()), m.decidesTargetOf(), WireNames.of(m.status()),
                m.status().label(), m.comment(), m.reportedBy(), m.reportedAt());
    }

    static KpiView kpi(Plan.Kpi kpi) {
        return new KpiView(kpi.id(), kpi.code(), kpi.name(), kpi.unit(), WireNames.of(kpi.kind()), WireNames.of(kpi.direction()),
                kpi.baseline() == null ? null : kpi.baseline().value(),
                kpi.baseline() == null ? null : DateView.of(kpi.baseline().asOf()),
                kpi.target() == null ? null : kpi.target().value(),
                kpi.target() == null ? null : DateView.of(kpi.target().due()),
                kpi.target() == null ? null : kpi.target().text(),
                kpi.intermediateTargets().stream().map(step -> new StepView(step.value(), DateView.of(step.due()))).toList(),
                kpi.recurrence(), kpi.factor(), kpi.note(), WireNames.of(kpi.accumulation()),
                kpi.kind() == KpiKind.RELATIVE ? WireNames.of(kpi.relativeTo()) : null, kpi.maintain(), kpi.ratio(),
                WireNames.of(kpi.reportingCadence()), kpi.retired(), WireNames.of(kpi.indicatorType()),
                kpi.indicatorType() == null ? null : kpi.indicatorType().label(), kpi.published());
    }

    static String label(Integer fiscalYear) {
        return fiscalYear == null ? null : FiscalYear.of(fiscalYear).label();
    }
}
