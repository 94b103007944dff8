package jp.shinchoku.plan.plans;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import jp.shinchoku.calendar.FiscalYear;
import jp.shinchoku.calendar.ReportingCadence;

/**
 * 官民データ活用推進計画: a plan with its pillars (柱), measures (個別施策), KPIs (評価指標) and milestones
 * (スケジュール), as published and revised.
 *
 * @param revision  the number of the latest revision (第n版); 1 when published
 * @param updatedAt when the plan last changed (a revision or a department's milestone report)
 * @param history   every revision, oldest first, starting with the publication
 * @param reviews   the fiscal-year reviews (年度見直し) held so far
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
        Instant publishedAt,
        Instant updatedAt,
        List<Revision> history,
        List<Review> reviews) {

    public Plan {
        Objects.requireNonNull(id, "id");
        departments = departments == null ? List.of() : List.copyOf(departments);
        pillars = List.copyOf(pillars);
        updatedAt = updatedAt == null ? publishedAt : updatedAt;
        history = history == null ? List.of() : List.copyOf(history);
        reviews = reviews == null ? List.of() : List.copyOf(reviews);
    }

    /** The reason recorded for the first revision: the plan's publication. */
    public static final String PUBLICATION_REASON = PlanTexts.TEXTS.ja("revision.publication-reason");

    /**
     * Publishes a draft as revision 1. The whole draft is checked first; nothing is published unless all of it
     * is valid.
     *
     * @return the plan and the events it raised: the plan published, and each KPI defined
     * @throws InvalidPlanException with every problem found
     */
    public static Published publish(PlanDraft draft, String id, Instant now) {
        return publish(draft, id, null, Set.of(), now);
    }

    /**
     * Publishes a draft as revision 1, by {@code publishedBy}; a measure's department must be listed in the draft
     * or be one of the municipality's {@code registeredDepartments}.
     */
    public static Published publish(PlanDraft draft, String id, String publishedBy, Set<String> registeredDepartments,
            Instant now) {
        List<Violation> violations = draft.violations(registeredDepartments);
        if (!violations.isEmpty()) {
            throw new InvalidPlanException(violations);
        }
        Plan plan = new Plan(id, draft.municipality(), draft.title(), draft.parsedIssuedOn(), draft.parsedPeriod(),
                draft.promotionBody(), draft.parsedReportingCadence(), draft.departments(), 1,
                draft.pillars().stream().map(pillar -> pillar.toPillar(id, draft.parsedIssuedOn())).toList(), now, now,
                List.of(new Revision(1, now, publishedBy, PUBLICATION_REASON, null, List.of())), List.of());
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

    /** Every milestone with the pillar and measure it belongs to, in plan order. */
    public Stream<LocatedMilestone> locatedMilestones() {
        return pillars.stream().flatMap(pillar -> pillar.measures().stream().flatMap(measure -> measure.milestones()
                .stream().map(milestone -> new LocatedMilestone(pillar, measure, milestone))));
    }

    public Optional<LocatedKpi> kpi(String kpiId) {
        return kpis().filter(located -> located.kpi().id().equals(kpiId)).findFirst();
    }

    public Optional<Measure> measure(String measureCode) {
        return measures().filter(measure -> measure.code().equals(measureCode)).findFirst();
    }

    /**
     * The fiscal years the plan covers: its stated period, or where it states none (many plans do not), from the
     * fiscal year it was issued in to the one of its last deadline; an end that cannot be told stays open.
     */
    public Period coveredPeriod() {
        if (period != null && period.fromFiscalYear() != null && period.toFiscalYear() != null) {
            return period;
        }
        Integer from = period != null && period.fromFiscalYear() != null ? period.fromFiscalYear()
                : issuedOn == null ? null : FiscalYear.containing(issuedOn).startYear();
        Integer to = period != null && period.toFiscalYear() != null ? period.toFiscalYear()
                : Stream.concat(kpis().map(located -> located.kpi().target() == null ? null : located.kpi().target().due()),
                                milestones().map(Milestone::due))
                        .filter(Objects::nonNull).max(LocalDate::compareTo)
                        .map(last -> FiscalYear.containing(last).startYear()).orElse(null);
        return new Period(from, to);
    }

    /** The municipality's key in registries: its 地方公共団体コード, or its name where the code is not known. */
    public String municipalityKey() {
        return municipality.key();
    }

    /** The revision with this number, from the history. */
    public Optional<Revision> revisionEntry(int number) {
        return history.stream().filter(entry -> entry.number() == number).findFirst();
    }

    /**
     * Revises the plan (計画の改定) on behalf of the 推進本部: every change of the draft is checked against the plan
     * as the earlier changes leave it, and the revision is made only if all of them are valid.
     *
     * @param knownDepartments the municipality's departments a measure may be assigned to
     * @return the revised plan and its events: the revision, and each KPI whose definition changed
     * @throws InvalidRevisionException with every problem found
     */
    public Changed revise(RevisionDraft draft, Set<String> knownDepartments, Instant now) {
        List<Violation> violations = new ArrayList<>();
        Changed changed = Revising.revise(this, draft, "", knownDepartments, null, now, violations);
        if (!violations.isEmpty()) {
            throw new InvalidRevisionException(violations);
        }
        return changed;
    }

    /**
     * Records a fiscal year's review (年度見直し) with its note and the revisions it decided, as one set: all of them
     * are made, or none. A review that changes nothing is recorded too (the plan was confirmed as it is).
     *
     * @throws InvalidRevisionException with every problem found, e.g. a second review of the same fiscal year
     */
    public Changed review(ReviewDraft draft, Set<String> knownDepartments, Instant now) {
        return Revising.review(this, draft, knownDepartments, now);
    }

    /** This plan with its pillars replaced, as changed at {@code now}. */
    Plan withPillars(List<Pillar> replaced, Instant now) {
        return new Plan(id, municipality, title, issuedOn, period, promotionBody, reportingCadence, departments, revision,
                replaced, publishedAt, now, history, reviews);
    }

    /** This plan as revision {@code entry}, with the entry added to the history. */
    Plan withRevision(Revision entry) {
        List<Revision> entries = new ArrayList<>(history);
        entries.add(entry);
        return new Plan(id, municipality, title, issuedOn, period, promotionBody, reportingCadence, departments,
                entry.number(), pillars, publishedAt, entry.at(), entries, reviews);
    }

    Plan withReview(Review review) {
        List<Review> held = new ArrayList<>(reviews);
        held.add(review);
        return new Plan(id, municipality, title, issuedOn, period, promotionBody, reportingCadence, departments, revision,
                pillars, publishedAt, review.at(), history, held);
    }

    /** Every measure replaced by what {@code edit} makes of it. */
    Plan mapMeasures(UnaryOperator<Measure> edit, Instant now) {
        return withPillars(pillars.stream().map(pillar -> new Pillar(pillar.code(), pillar.title(),
                pillar.measures().stream().map(edit).toList())).toList(), now);
    }

    public record Published(Plan plan, List<PlanEvent> events) {
    }

    /** 地方公共団体: {@code code} is the 地方公共団体コード where known. */
    public record Municipality(String code, String name, String prefecture) {

        /** The key in registries: the 地方公共団体コード, or the name where the code is not known. */
        public String key() {
            return code == null || code.isBlank() ? name : code;
        }
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

    /**
     * 個別施策, owned by a department (担当部署; null while unassigned). A retired measure stays in the plan, so its
     * history and reports remain, but no more reports are expected for it.
     *
     * @param cost         事業費: what the measure costs, per fiscal year, in fiscal-year order (empty where the plan
     *                     does not say), so 費用対効果 can be stated beside its 効果指標
     * @param privateFields the fields that are 非公開 (not in what the municipality publishes), among
     *                     {@link #PRIVATE_FIELDS}, in that order; empty = all 公開
     */
    public record Measure(String code, String title, String summary, String departmentCode, List<Kpi> kpis,
            List<Milestone> milestones, boolean retired, List<Cost> cost, List<String> privateFields) {

        /** The fields of a measure that may be 非公開: its title, its summary (概要) and its cost (事業費). */
        public static final List<String> PRIVATE_FIELDS = List.of("title", "summary", "cost");

        public Measure {
            kpis = List.copyOf(kpis);
            milestones = milestones == null ? List.of() : List.copyOf(milestones);
            cost = cost == null ? List.of()
                    : cost.stream().sorted(java.util.Comparator.comparingInt(Cost::fiscalYear)).toList();
            List<String> hidden = privateFields == null ? List.of() : privateFields;
            privateFields = PRIVATE_FIELDS.stream().filter(hidden::contains).toList();
        }

        public Measure(String code, String title, String summary, String departmentCode, List<Kpi> kpis,
                List<Milestone> milestones, boolean retired) {
            this(code, title, summary, departmentCode, kpis, milestones, retired, null, null);
        }

        /** Whether {@code field} (one of {@link #PRIVATE_FIELDS}) is 公開. */
        public boolean published(String field) {
            return !privateFields.contains(field);
        }

        Measure withDepartment(String department) {
            return new Measure(code, title, summary, department, kpis, milestones, retired, cost, privateFields);
        }

        Measure retire() {
            return new Measure(code, title, summary, departmentCode, kpis, milestones, true, cost, privateFields);
        }

        Measure withKpis(List<Kpi> replaced) {
            return new Measure(code, title, summary, departmentCode, replaced, milestones, retired, cost, privateFields);
        }

        Measure withMilestones(List<Milestone> replaced) {
            return new Measure(code, title, summary, departmentCode, kpis, replaced, retired, cost, privateFields);
        }

        Measure withPrivateFields(List<String> replaced) {
            return new Measure(code, title, summary, departmentCode, kpis, milestones, retired, cost, replaced);
        }
    }

    /** 事業費: what a measure costs in a fiscal year ({@code fiscalYear} is its start year), in yen, with a note. */
    public record Cost(int fiscalYear, BigDecimal amount, String note) {
    }

    /**
     * 評価指標.
     *
     * @param recurrence for a recurring KPI: how often (年1回以上 = once per fiscal year)
     * @param factor     for a relative KPI: the factor over the previous fiscal year (前年度比1.1倍 = 1.1)
     * @param note       e.g. the population or denominator of a percentage
     * @param intermediateTargets 中間目標: values to reach by the end of earlier fiscal years, in date order
     */
    /**
     * 評価指標.
     *
     * @param relativeTo       for a relative KPI, what its factor multiplies: the previous fiscal year's value
     *                         (前年度比1.1倍, the default) or the baseline (現行実施回数の1.5倍 by the deadline)
     * @param maintain         once reached, the level is to be kept (その水準を維持, 継続して実施): a later value below it
     *                         is a worsening, not still 達成
     * @param ratio            a percentage reported as numerator / denominator, with what each counts; null otherwise
     * @param reportingCadence how often this KPI is reported, where it differs from the plan's; null = the plan's
     * @param retired          retired by a revision (retire-kpi): it stays in the plan, its history and editions, but
     *                         is no longer tracked (no more reports are expected for it)
     * @param indicatorType    進捗指標 (output) or 効果指標 (outcome); null where the plan does not say
     * @param published        公開 (true, the default, also for KPIs kept before it was recorded) or 非公開 (false)
     */
    public record Kpi(String id, String code, String name, String unit, KpiKind kind, Direction direction,
            Baseline baseline, Target target, Recurrence recurrence, BigDecimal factor, String note,
            List<Target> intermediateTargets, Accumulation accumulation, RelativeTo relativeTo, boolean maintain,
            Ratio ratio, ReportingCadence reportingCadence, boolean retired, IndicatorType indicatorType,
            Boolean published) {
        public Kpi {
            intermediateTargets = intermediateTargets == null ? List.of() : List.copyOf(intermediateTargets);
            accumulation = accumulation == null ? Accumulation.CUMULATIVE : accumulation;
            relativeTo = relativeTo == null ? RelativeTo.PREVIOUS_YEAR : relativeTo;
            published = published == null || published;
        }

        public Kpi(String id, String code, String name, String unit, KpiKind kind, Direction direction,
                Baseline baseline, Target target, Recurrence recurrence, BigDecimal factor, String note,
                List<Target> intermediateTargets, Accumulation accumulation, RelativeTo relativeTo, boolean maintain,
                Ratio ratio, ReportingCadence reportingCadence, boolean retired) {
            this(id, code, name, unit, kind, direction, baseline, target, recurrence, factor, note, intermediateTargets,
                    accumulation, relativeTo, maintain, ratio, reportingCadence, retired, null, null);
        }

        public Kpi(String id, String code, String name, String unit, KpiKind kind, Direction direction,
                Baseline baseline, Target target, Recurrence recurrence, BigDecimal factor, String note,
                List<Target> intermediateTargets, Accumulation accumulation) {
            this(id, code, name, unit, kind, direction, baseline, target, recurrence, factor, note, intermediateTargets,
                    accumulation, null, false, null, null, false);
        }

        Kpi retire() {
            return new Kpi(id, code, name, unit, kind, direction, baseline, target, recurrence, factor, note,
                    intermediateTargets, accumulation, relativeTo, maintain, ratio, reportingCadence, true, indicatorType,
                    published);
        }

        Kpi withPublished(boolean publish) {
            return new Kpi(id, code, name, unit, kind, direction, baseline, target, recurrence, factor, note,
                    intermediateTargets, accumulation, relativeTo, maintain, ratio, reportingCadence, retired,
                    indicatorType, publish);
        }
    }

    /** What a relative KPI's factor multiplies: last fiscal year's value, or the baseline (現状値). */
    public enum RelativeTo {
        PREVIOUS_YEAR, BASELINE
    }

    /** 記載率 = 記載した業務数 / 定義されている業務数: what the numerator and the denominator count. */
    public record Ratio(String numerator, String denominator) {
    }

    /**
     * How a KPI's reports add up: {@code CUMULATIVE}, each report states the level reached so far (普及率, 累計件数);
     * {@code PER_PERIOD}, each states what happened in its reporting period (the month's applications), and a
     * fiscal year's reports add up to the year's figure.
     */
    public enum Accumulation {
        CUMULATIVE, PER_PERIOD
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

        Milestone rescheduled(LocalDate newDue) {
            return new Milestone(id, text, newDue, decidesTargetOf, status, comment, reportedBy, reportedAt);
        }
    }

    /**
     * 改定: one revision of the plan (第n版), who made it, when and why, and what it changed.
     *
     * @param reviewId the fiscal-year review (年度見直し) it belongs to, or null
     */
    public record Revision(int number, Instant at, String author, String reason, String reviewId,
            List<Difference> changes) {
        public Revision {
            changes = changes == null ? List.of() : List.copyOf(changes);
        }
    }

    /**
     * 年度見直し: the review of a fiscal year ({@code fiscalYear} is its start year), its note, and the revisions it
     * decided (none when the plan was confirmed as it is).
     */
    public record Review(String id, int fiscalYear, String note, String author, Instant at, List<Integer> revisions) {
        public Review {
            revisions = revisions == null ? List.of() : List.copyOf(revisions);
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
        Plan changed = withMilestone(after, now);
        return new Changed(changed, List.of(new PlanEvent.MilestoneStatusChanged(changed, located.measure(), before, after)));
    }

    private record Located(Milestone milestone, Measure measure) {
    }

    Plan withMilestone(Milestone replacement, Instant now) {
        return mapMeasures(measure -> measure.withMilestones(measure.milestones().stream()
                .map(m -> m.id().equals(replacement.id()) ? replacement : m).toList()), now);
    }

    public record LocatedKpi(Pillar pillar, Measure measure, Kpi kpi) {

        /** No longer tracked: the KPI itself or its measure was retired by a revision. */
        public boolean retired() {
            return kpi.retired() || measure.retired();
        }
    }

    public record LocatedMilestone(Pillar pillar, Measure measure, Milestone milestone) {
    }
}
