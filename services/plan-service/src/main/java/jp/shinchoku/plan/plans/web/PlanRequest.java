package jp.shinchoku.plan.plans.web;

import java.math.BigDecimal;
import java.util.List;

import jp.shinchoku.plan.plans.Plan;
import jp.shinchoku.plan.plans.PlanDraft;

/**
 * The body of {@code POST /api/plans}. Dates may be written as users write them: {@code 2024-03-31},
 * {@code 令和5年度}, {@code 令和5年度末}, {@code 令和4年3月末}, {@code 平成32年度}.
 */
public record PlanRequest(MunicipalityRequest municipality, String title, String issuedOn, List<PillarRequest> pillars) {

    public record MunicipalityRequest(String code, String name, String prefecture) {
    }

    public record PillarRequest(String code, String title, List<MeasureRequest> measures) {
    }

    /** {@code department} is the responsible department's code (担当部署), or null while unassigned. */
    public record MeasureRequest(String code, String title, String department, List<KpiRequest> kpis) {
    }

    public record KpiRequest(String name, String unit, String kind, String direction, ValueAsOf baseline,
            ValueDue target) {
    }

    public record ValueAsOf(BigDecimal value, String asOf) {
    }

    public record ValueDue(BigDecimal value, String due) {
    }

    PlanDraft toDraft() {
        return new PlanDraft(
                municipality == null ? null : new Plan.Municipality(municipality.code(), municipality.name(), municipality.prefecture()),
                title,
                issuedOn,
                pillars == null ? List.of() : pillars.stream()
                        .map(pillar -> new PlanDraft.PillarDraft(pillar.code(), pillar.title(), pillar.measures() == null
                                ? List.of()
                                : pillar.measures().stream()
                                        .map(measure -> new PlanDraft.MeasureDraft(measure.code(), measure.title(),
                                                measure.department(), measure.kpis() == null ? List.of()
                                                        : measure.kpis().stream().map(PlanRequest::toDraft).toList()))
                                        .toList()))
                        .toList());
    }

    private static PlanDraft.KpiDraft toDraft(KpiRequest kpi) {
        return new PlanDraft.KpiDraft(kpi.name(), kpi.unit(), kpi.kind(), kpi.direction(),
                kpi.baseline() == null ? null : new PlanDraft.BaselineDraft(kpi.baseline().value(), kpi.baseline().asOf()),
                kpi.target() == null ? null : new PlanDraft.TargetDraft(kpi.target().value(), kpi.target().due()));
    }
}
