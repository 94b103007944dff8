package jp.shinchoku.plan.plans;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * 官民データ活用推進計画: a plan with its pillars (柱), measures (個別施策) and KPIs (評価指標), as published.
 */
public record Plan(
        String id,
        Municipality municipality,
        String title,
        LocalDate issuedOn,
        int revision,
        List<Pillar> pillars,
        Instant publishedAt) {

    public Plan {
        Objects.requireNonNull(id, "id");
        pillars = List.copyOf(pillars);
    }

    /**
     * Publishes a draft as revision 1. The draft must be valid ({@link PlanDraft#violations()} empty).
     *
     * @return the plan and the events it raised: the plan published, and each KPI defined
     */
    public static Published publish(PlanDraft draft, String id, Instant now) {
        List<Violation> violations = draft.violations();
        if (!violations.isEmpty()) {
            throw new InvalidPlanException(violations);
        }
        List<Pillar> pillars = draft.pillars().stream()
                .map(pillar -> new Pillar(pillar.code(), pillar.title(), pillar.measures().stream()
                        .map(measure -> {
                            List<Kpi> kpis = new ArrayList<>();
                            for (int i = 0; i < measure.kpis().size(); i++) {
                                PlanDraft.KpiDraft kpi = measure.kpis().get(i);
                                kpis.add(new Kpi(id + "." + measure.code() + "." + (i + 1), kpi.name(), kpi.unit(),
                                        kpi.parsedKind(), kpi.parsedDirection(), kpi.parsedBaseline(), kpi.parsedTarget()));
                            }
                            return new Measure(measure.code(), measure.title(), measure.departmentCode(), kpis);
                        })
                        .toList()))
                .toList();
        Plan plan = new Plan(id, draft.municipality(), draft.title(), draft.parsedIssuedOn(), 1, pillars, now);
        List<PlanEvent> events = new ArrayList<>();
        events.add(new PlanEvent.PlanPublished(plan));
        plan.kpis().forEach(located -> events.add(new PlanEvent.KpiDefined(plan, located)));
        return new Published(plan, events);
    }

    /** Every KPI with the pillar and measure it belongs to, in plan order. */
    public Stream<LocatedKpi> kpis() {
        return pillars.stream().flatMap(pillar -> pillar.measures().stream()
                .flatMap(measure -> measure.kpis().stream().map(kpi -> new LocatedKpi(pillar, measure, kpi))));
    }

    public record Published(Plan plan, List<PlanEvent> events) {
    }

    /** 地方公共団体: {@code code} is the 地方公共団体コード where known. */
    public record Municipality(String code, String name, String prefecture) {
    }

    /** 柱. */
    public record Pillar(String code, String title, List<Measure> measures) {
        public Pillar {
            measures = List.copyOf(measures);
        }
    }

    /** 個別施策, owned by a department (担当部署; null while unassigned). */
    public record Measure(String code, String title, String departmentCode, List<Kpi> kpis) {
        public Measure {
            kpis = List.copyOf(kpis);
        }
    }

    /** 評価指標. */
    public record Kpi(String id, String name, String unit, KpiKind kind, Direction direction, Baseline baseline,
            Target target) {
    }

    /** 現状値: a value as of a date; the value is null where the plan does not state it. */
    public record Baseline(BigDecimal value, LocalDate asOf) {
    }

    /** 目標値 and its deadline; the value is null for a boolean KPI (realized) or one still undefined. */
    public record Target(BigDecimal value, LocalDate due) {
    }

    public record LocatedKpi(Pillar pillar, Measure measure, Kpi kpi) {
    }
}
