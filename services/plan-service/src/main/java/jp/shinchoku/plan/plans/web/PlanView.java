package jp.shinchoku.plan.plans.web;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import jp.shinchoku.calendar.FiscalYear;
import jp.shinchoku.calendar.Wareki;
import jp.shinchoku.plan.plans.Plan;

/** A plan as the API shows it: dates in ISO and in 和暦 side by side. */
public record PlanView(String id, Plan.Municipality municipality, String title, DateView issuedOn, int revision,
        List<PillarView> pillars, Instant publishedAt) {

    public record PillarView(String code, String title, List<MeasureView> measures) {
    }

    public record MeasureView(String code, String title, String department, List<KpiView> kpis) {
    }

    public record KpiView(String id, String name, String unit, String kind, String direction, BigDecimal baseline,
            DateView baselineAsOf, BigDecimal target, DateView due) {
    }

    /** {@code 2024-03-31}, {@code 令和6年3月31日}, {@code 令和5年度}. */
    public record DateView(LocalDate date, String wareki, String fiscalYear) {
        static DateView of(LocalDate date) {
            return date == null ? null : new DateView(date, Wareki.format(date), FiscalYear.containing(date).label());
        }
    }

    static PlanView of(Plan plan) {
        return new PlanView(plan.id(), plan.municipality(), plan.title(), DateView.of(plan.issuedOn()), plan.revision(),
                plan.pillars().stream().map(pillar -> new PillarView(pillar.code(), pillar.title(),
                        pillar.measures().stream().map(measure -> new MeasureView(measure.code(), measure.title(),
                                measure.departmentCode(), measure.kpis().stream().map(PlanView::kpi).toList())).toList()))
                        .toList(),
                plan.publishedAt());
    }

    private static KpiView kpi(Plan.Kpi kpi) {
        return new KpiView(kpi.id(), kpi.name(), kpi.unit(), kpi.kind().wireName(), kpi.direction().wireName(),
                kpi.baseline() == null ? null : kpi.baseline().value(),
                kpi.baseline() == null ? null : DateView.of(kpi.baseline().asOf()),
                kpi.target() == null ? null : kpi.target().value(),
                kpi.target() == null ? null : DateView.of(kpi.target().due()));
    }
}
