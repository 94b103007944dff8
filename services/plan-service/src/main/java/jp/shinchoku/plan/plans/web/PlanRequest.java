package jp.shinchoku.plan.plans.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import jp.shinchoku.plan.plans.Plan;
import jp.shinchoku.plan.plans.PlanDraft;

/** The body of {@code POST /api/plans}. */
public record PlanRequest(MunicipalityRequest municipality, String title, LocalDate issuedOn, List<PillarRequest> pillars) {

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

    public record ValueAsOf(BigDecimal value, LocalDate asOf) {
    }

    public record ValueDue(BigDecimal value, LocalDate due) {
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
                kpi.baseline() == null ? null : new Plan.Baseline(kpi.baseline().value(), kpi.baseline().asOf()),
                kpi.target() == null ? null : new Plan.Target(kpi.target().value(), kpi.target().due()));
    }
}
