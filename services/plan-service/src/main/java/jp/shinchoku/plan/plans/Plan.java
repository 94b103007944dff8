package jp.shinchoku.plan.plans;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * 官民データ活用推進計画: a plan with its pillars (柱), measures (個別施策), KPIs (評価指標) and milestones
 * (スケジュール), as published.
 */
public record Plan(
        String id,
        Municipality municipality,
        String title,
        LocalDate issuedOn,
        Period period,
        PromotionBody promotionBody,
        ReportingCadence reportingCadence,
        List<Department> departments,
        int revision,
        List<Pillar> pillars,
        Instant publishedAt) {

    public Plan {
        Objects.requireNonNull(id, "id");
        departments = departments == null ? List.of() : List.copyOf(departments);
        pillars = List.copyOf(pillars);
    }

    /**
     * Publishes a draft as revision 1. The whole draft is checked first; nothing is published unless all of it
     * is valid.
     *
     * @return the plan and the events it raised: the plan published, and each KPI defined
     * @throws InvalidPlanException with every problem found
     */
    public static Published publish(PlanDraft draft, String id, Instant now) {
        List<Violation> violations = draft.violations();
        if (!violations.isEmpty()) {
            throw new InvalidPlanException(violations);
        }
        Plan plan = new Plan(id, draft.municipality(), draft.title(), draft.parsedIssuedOn(), draft.parsedPeriod(),
                draft.promotionBody(), draft.parsedReportingCadence(), draft.departments(), 1,
                draft.pillars().stream().map(pillar -> pillar.toPillar(id, draft.parsedIssuedOn())).toList(), now);
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

    public Stream<Measure> measures() {
        return pillars.stream().flatMap(pillar -> pillar.measures().stream());
    }

    public Stream<Milestone> milestones() {
        return measures().flatMap(measure -> measure.milestones().stream());
    }

    public record Published(Plan plan, List<PlanEvent> events) {
    }

    /** 地方公共団体: {@code code} is the 地方公共団体コード where known. */
    public record Municipality(String code, String name, String prefecture) {
    }

    /** 計画期間, in fiscal years (start years, inclusive); either end may be open. */
    public record Period(Integer fromFiscalYear, Integer toFiscalYear) {
    }

    /** 推進体制: the body that manages progress (推進本部, 情報化推進会議), how departments report, how it reviews. */
    public record PromotionBody(String name, String reporting, String reviewCycle) {
    }

    /** 担当部署: a department of the municipality, with where its notices go. */
    public record Department(String code, String name, String contact) {
    }

    /** 柱. */
    public record Pillar(String code, String title, List<Measure> measures) {
        public Pillar {
            measures = List.copyOf(measures);
        }
    }

    /** 個別施策, owned by a department (担当部署; null while unassigned). */
    public record Measure(String code, String title, String summary, String departmentCode, List<Kpi> kpis,
            List<Milestone> milestones) {
        public Measure {
            kpis = List.copyOf(kpis);
            milestones = milestones == null ? List.of() : List.copyOf(milestones);
        }
    }

    /**
     * 評価指標.
     *
     * @param recurrence for a recurring KPI: how often (年1回以上 = once per fiscal year)
     * @param factor     for a relative KPI: the factor over the previous fiscal year (前年度比1.1倍 = 1.1)
     * @param note       e.g. the population or denominator of a percentage
     */
    public record Kpi(String id, String code, String name, String unit, KpiKind kind, Direction direction,
            Baseline baseline, Target target, Recurrence recurrence, BigDecimal factor, String note) {
    }

    /** 現状値: a value as of a date; the value is null where the plan does not state it. */
    public record Baseline(BigDecimal value, LocalDate asOf, String text) {
    }

    /**
     * 目標値 and its deadline; the value is null for a boolean KPI (realized) or one still undefined.
     * {@code text} keeps the plan's own words.
     */
    public record Target(BigDecimal value, LocalDate due, String text) {
    }

    /** 年1回以上 = at least 1 time per fiscal year; 月2回 = 2 per month. */
    public record Recurrence(int times, Per per) {
        public enum Per {
            FISCAL_YEAR, MONTH
        }
    }

    /**
     * スケジュール: a dated step of a measure, with its status as the department reports it.
     *
     * @param decidesTargetOf the KPI whose 未設定 target is to be decided by this milestone, if any
     */
    public record Milestone(String id, String text, LocalDate due, String decidesTargetOf, MilestoneStatus status,
            String comment, String reportedBy, Instant reportedAt) {

        Milestone reported(MilestoneStatus newStatus, String newComment, String by, Instant at) {
            return new Milestone(id, text, due, decidesTargetOf, newStatus, newComment, by, at);
        }
    }

    /** A plan after a change, and the events the change raised. */
    public record Changed(Plan plan, List<PlanEvent> events) {
    }

    /**
     * A department reports a milestone's status (with a comment). Reporting the status it already has, with the
     * same comment, changes nothing.
     *
     * @throws MilestoneNotFoundException when the plan has no such milestone
     */
    public Changed reportMilestone(String milestoneId, MilestoneStatus status, String comment, String reportedBy,
            Instant now) {
        Objects.requireNonNull(status, "status");
        Located located = milestones().filter(m -> m.id().equals(milestoneId)).findFirst()
                .map(m -> new Located(m, measures().filter(measure -> measure.milestones().contains(m)).findFirst().orElseThrow()))
                .orElseThrow(() -> new MilestoneNotFoundException(id, milestoneId));
        Milestone before = located.milestone();
        if (before.status() == status && Objects.equals(before.comment(), comment)) {
            return new Changed(this, List.of());
        }
        Milestone after = before.reported(status, comment, reportedBy, now);
        Plan changed = withMilestone(after);
        return new Changed(changed, List.of(new PlanEvent.MilestoneStatusChanged(changed, located.measure(), before, after)));
    }

    private record Located(Milestone milestone, Measure measure) {
    }

    private Plan withMilestone(Milestone replacement) {
        List<Pillar> replaced = pillars.stream().map(pillar -> new Pillar(pillar.code(), pillar.title(),
                pillar.measures().stream().map(measure -> new Measure(measure.code(), measure.title(), measure.summary(),
                        measure.departmentCode(), measure.kpis(), measure.milestones().stream()
                                .map(m -> m.id().equals(replacement.id()) ? replacement : m).toList())).toList())).toList();
        return new Plan(id, municipality, title, issuedOn, period, promotionBody, reportingCadence, departments, revision,
                replaced, publishedAt);
    }

    public record LocatedKpi(Pillar pillar, Measure measure, Kpi kpi) {
    }
}
