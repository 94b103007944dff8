package jp.shinchoku.plan.plans;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import jp.shinchoku.calendar.FiscalYear;
import jp.shinchoku.calendar.InvalidDateReferenceException;
import jp.shinchoku.plan.plans.PlanDraft.BaselineDraft;
import jp.shinchoku.plan.plans.PlanDraft.KpiDraft;
import jp.shinchoku.plan.plans.PlanDraft.RecurrenceDraft;
import jp.shinchoku.plan.plans.PlanDraft.TargetDraft;
import jp.shinchoku.plan.plans.RevisionDraft.ChangeDraft;
import jp.shinchoku.plan.plans.RevisionDraft.ChangeType;

/**
 * Makes revisions and reviews: checks each change against the plan as the earlier changes leave it, collecting
 * every problem, and applies them only when there are none.
 */
final class Revising {

    private static final String TYPES = "set-target, change-target, add-measure, retire-measure, "
            + "reassign-department, reschedule-milestone, add-kpi, retire-kpi, add-milestone, set-publication";

    private Revising() {
    }

    static Plan.Changed review(Plan plan, ReviewDraft draft, Set<String> knownDepartments, Instant now) {
        List<Violation> found = new ArrayList<>();
        Integer fiscalYear = fiscalYear(draft.fiscalYear(), found);
        if (fiscalYear != null && plan.reviews().stream().anyMatch(held -> held.fiscalYear() == fiscalYear)) {
            found.add(Violation.of("fiscalYear", "review.already-recorded", fiscalYearLabel(fiscalYear), fiscalYear));
        }
        required(draft.reviewedBy(), "reviewedBy", "field.reviewed-by", found);
        required(draft.note(), "note", "field.note", found);
        int first = plan.revision() + 1;
        Plan.Review review = new Plan.Review(plan.id() + ".review-" + fiscalYear, fiscalYear == null ? 0 : fiscalYear,
                draft.note(), draft.reviewedBy(), now,
                IntStream.range(first, first + draft.revisions().size()).boxed().toList());
        Plan working = plan;
        List<PlanEvent> events = new ArrayList<>();
        for (int r = 0; r < draft.revisions().size(); r++) {
            RevisionDraft revision = draft.revisions().get(r);
            RevisionDraft byReviewer = PlanDraft.blank(revision.revisedBy())
                    ? new RevisionDraft(draft.reviewedBy(), revision.reason(), revision.changes()) : revision;
            Plan.Changed changed = revise(working, byReviewer, "revisions[" + r + "].", knownDepartments, review, now, found);
            working = changed.plan();
            events.addAll(changed.events());
        }
        if (!found.isEmpty()) {
            throw new InvalidRevisionException(found);
        }
        Plan reviewed = working.withReview(review);
        events.add(new PlanEvent.PlanReviewed(reviewed, review));
        return new Plan.Changed(reviewed, events);
    }

    /**
     * Makes one revision; problems go to {@code found} (at {@code prefix} + their path), and the plan is then
     * returned unchanged.
     */
    static Plan.Changed revise(Plan plan, RevisionDraft draft, String prefix, Set<String> knownDepartments,
            Plan.Review review, Instant now, List<Violation> found) {
        int before = found.size();
        required(draft.revisedBy(), prefix + "revisedBy", "field.revised-by", found);
        required(draft.reason(), prefix + "reason", "field.reason", found);
        if (draft.changes().isEmpty()) {
            found.add(Violation.of(prefix + "changes", "revision.no-changes"));
        }
        Plan working = plan;
        for (int c = 0; c < draft.changes().size(); c++) {
            working = apply(working, draft.changes().get(c), prefix + "changes[" + c + "]", knownDepartments, now, found);
        }
        List<Difference> differences = PlanDiff.between(plan, working);
        if (found.size() == before && differences.isEmpty()) {
            found.add(Violation.of(prefix + "changes", "revision.changes-nothing"));
        }
        if (found.size() > before) {
            return new Plan.Changed(plan, List.of());
        }
        Plan.Revision revision = new Plan.Revision(plan.revision() + 1, now, draft.revisedBy(), draft.reason(),
                review == null ? null : review.id(), differences);
        Plan revised = working.withRevision(revision);
        List<PlanEvent> events = new ArrayList<>();
        events.add(new PlanEvent.PlanRevised(revised, revision, review));
        Map<String, List<Object>> previous = plan.kpis()
                .collect(Collectors.toMap(located -> located.kpi().id(), Revising::definition));
        revised.kpis()
                .filter(located -> !definition(located).equals(previous.get(located.kpi().id())))
                .forEach(located -> events.add(new PlanEvent.KpiDefined(revised, located)));
        return new Plan.Changed(revised, events);
    }

    /**
     * What a KPI's definition consists of: the KPI and where it sits (measure, whether its title is 公開, department,
     * retired).
     */
    private static List<Object> definition(Plan.LocatedKpi located) {
        Plan.Measure measure = located.measure();
        return Arrays.asList(located.kpi(), located.pillar().code(), measure.code(), measure.title(),
                measure.published("title"), measure.departmentCode(), measure.retired());
    }

    private static Plan apply(Plan plan, ChangeDraft change, String path, Set<String> knownDepartments, Instant now,
            List<Violation> found) {
        ChangeType type = WireNames.parse(ChangeType.class, change.type());
        if (type == null) {
            found.add(Violation.of(path + ".type", "change.unknown-type", change.type(), TYPES));
            return plan;
        }
        int before = found.size();
        Plan changed = switch (type) {
            case SET_TARGET -> editKpi(plan, change, path, now, found, true);
            case CHANGE_TARGET -> editKpi(plan, change, path, now, found, false);
            case ADD_MEASURE -> addMeasure(plan, change, path, knownDepartments, now, found);
            case RETIRE_MEASURE -> activeMeasure(plan, change.measure(), path + ".measure", found)
                    .map(measure -> plan.mapMeasures(m -> m.code().equals(measure.code()) ? m.retire() : m, now))
                    .orElse(plan);
            case REASSIGN_DEPARTMENT -> reassign(plan, change, path, knownDepartments, now, found);
            case RESCHEDULE_MILESTONE -> reschedule(plan, change, path, now, found);
            case ADD_KPI -> addKpi(plan, change, path, now, found);
            case RETIRE_KPI -> retireKpi(plan, change, path, now, found);
            case ADD_MILESTONE -> addMilestone(plan, change, path, now, found);
            case SET_PUBLICATION -> setPublication(plan, change, path, now, found);
        };
        return found.size() > before ? plan : changed;
    }

    /** set-target (for a 未設定 KPI: its kind, direction and target) or change-target (a defined KPI's target). */
    private static Plan editKpi(Plan plan, ChangeDraft change, String path, Instant now, List<Violation> found,
            boolean setting) {
        Optional<Plan.LocatedKpi> located = plan.kpi(change.kpi());
        if (located.isEmpty()) {
            found.add(Violation.of(path + ".kpi", "change.unknown-kpi", change.kpi()));
            return plan;
        }
        if (retiredKpi(located.get(), path + ".kpi", found)) {
            return plan;
        }
        Plan.Kpi kpi = located.get().kpi();
        KpiDraft merged;
        if (setting) {
            if (kpi.kind() != KpiKind.UNDEFINED) {
                found.add(Violation.of(path + ".kpi", "change.target-already-set"));
                return plan;
            }
            if (PlanDraft.blank(change.kind()) || WireNames.parse(KpiKind.class, change.kind()) == KpiKind.UNDEFINED) {
                found.add(Violation.of(path + ".kind", "change.kind-required"));
                return plan;
            }
            merged = new KpiDraft(kpi.code(), kpi.name(), PlanDraft.blank(change.unit()) ? kpi.unit() : change.unit(),
                    change.kind(), change.direction(), baseline(kpi), change.target(), change.recurrence(),
                    change.factor(), kpi.note(), change.intermediateTargets(), WireNames.of(kpi.accumulation()))
                    .keeping(kpi);
        } else {
            if (kpi.kind() == KpiKind.UNDEFINED || kpi.kind() == KpiKind.QUALITATIVE) {
                found.add(kpi.kind() == KpiKind.UNDEFINED
                        ? Violation.of(path + ".kpi", "change.target-not-set")
                        : Violation.of(path + ".kpi", "change.qualitative-no-target"));
                return plan;
            }
            if (change.target() == null && change.intermediateTargets().isEmpty()) {
                found.add(Violation.of(path + ".target", "change.target-required"));
                return plan;
            }
            Plan.Target current = kpi.target();
            TargetDraft given = change.target() == null ? new TargetDraft(null, null, null) : change.target();
            TargetDraft target = new TargetDraft(
                    given.value() != null ? given.value() : current == null ? null : current.value(),
                    !PlanDraft.blank(given.due()) ? given.due() : current == null ? null : iso(current.due()),
                    given.text() != null ? given.text() : current == null ? null : current.text());
            List<TargetDraft> steps = change.intermediateTargets().isEmpty()
                    ? kpi.intermediateTargets().stream().map(step -> new TargetDraft(step.value(), iso(step.due()), step.text())).toList()
                    : change.intermediateTargets();
            merged = new KpiDraft(kpi.code(), kpi.name(), kpi.unit(), WireNames.of(kpi.kind()), WireNames.of(kpi.direction()),
                    baseline(kpi), target, kpi.recurrence() == null ? null
                            : new RecurrenceDraft(kpi.recurrence().times(), WireNames.of(kpi.recurrence().per())),
                    kpi.factor(), kpi.note(), steps, WireNames.of(kpi.accumulation())).keeping(kpi);
        }
        int before = found.size();
        PlanDraft.checkKpi(merged, path, found);
        if (found.size() > before) {
            return plan;
        }
        Plan.Kpi edited = merged.toKpi(kpi.id(), plan.issuedOn());
        return plan.mapMeasures(measure -> measure.withKpis(measure.kpis().stream()
                .map(k -> k.id().equals(kpi.id()) ? edited : k).toList()), now);
    }

    private static Plan addMeasure(Plan plan, ChangeDraft change, String path, Set<String> knownDepartments,
            Instant now, List<Violation> found) {
        boolean pillarKnown = plan.pillars().stream().anyMatch(pillar -> pillar.code().equals(change.pillar()));
        if (!pillarKnown) {
            found.add(Violation.of(path + ".pillar", "change.unknown-pillar", change.pillar()));
        }
        PlanDraft.MeasureDraft definition = change.definition();
        if (definition == null) {
            found.add(Violation.of(path + ".definition", "change.definition-required"));
            return plan;
        }
        String definitionPath = path + ".definition";
        int before = found.size();
        if (PlanDraft.blank(definition.code())) {
            found.add(Violation.of(definitionPath + ".code", "measure.code-required"));
        } else if (plan.measure(definition.code()).isPresent()) {
            found.add(Violation.of(definitionPath + ".code", "change.measure-code-used", definition.code()));
        }
        if (PlanDraft.blank(definition.title())) {
            found.add(Violation.of(definitionPath + ".title", "measure.title-required"));
        }
        PlanDraft.checkDepartment(definition.department(), knownDepartments(plan, knownDepartments),
                definitionPath + ".department", found);
        PlanDraft.checkMeasure(definition, definitionPath, found);
        if (found.size() > before || !pillarKnown) {
            return plan;
        }
        Plan.Measure added = definition.toMeasure(plan.id(), plan.issuedOn());
        return plan.withPillars(plan.pillars().stream().map(pillar -> {
            if (!pillar.code().equals(change.pillar())) {
                return pillar;
            }
            List<Plan.Measure> measures = new ArrayList<>(pillar.measures());
            measures.add(added);
            return new Plan.Pillar(pillar.code(), pillar.title(), measures);
        }).toList(), now);
    }

    /**
     * add-kpi: a KPI defined as a plan document defines one, added to an active measure; its id is made as the
     * import makes it (plan, measure, its code or its ordinal), and its code must not be used in the measure yet.
     */
    private static Plan addKpi(Plan plan, ChangeDraft change, String path, Instant now, List<Violation> found) {
        Optional<Plan.Measure> measure = activeMeasure(plan, change.measure(), path + ".measure", found);
        KpiDraft definition = change.kpiDefinition();
        if (definition == null) {
            found.add(Violation.of(path + ".kpiDefinition", "change.kpi-definition-required"));
            return plan;
        }
        String definitionPath = path + ".kpiDefinition";
        int before = found.size();
        PlanDraft.checkKpi(definition, definitionPath, found);
        if (measure.isEmpty()) {
            return plan;
        }
        List<Plan.Kpi> kpis = measure.get().kpis();
        String id = plan.id() + "." + measure.get().code() + "."
                + (PlanDraft.blank(definition.code()) ? String.valueOf(kpis.size() + 1) : definition.code());
        boolean codeUsed = !PlanDraft.blank(definition.code())
                && kpis.stream().anyMatch(kpi -> definition.code().equals(kpi.code()));
        if (codeUsed || plan.kpi(id).isPresent()) {
            found.add(PlanDraft.duplicate(definitionPath + ".code", "code.kpi",
                    PlanDraft.blank(definition.code()) ? id : definition.code()));
        }
        if (found.size() > before) {
            return plan;
        }
        Plan.Kpi added = definition.toKpi(id, plan.issuedOn());
        return plan.mapMeasures(m -> {
            if (!m.code().equals(measure.get().code())) {
                return m;
            }
            List<Plan.Kpi> grown = new ArrayList<>(m.kpis());
            grown.add(added);
            return m.withKpis(grown);
        }, now);
    }

    /** retire-kpi: the KPI stays in the plan (its history, the editions) but is no longer tracked. */
    private static Plan retireKpi(Plan plan, ChangeDraft change, String path, Instant now, List<Violation> found) {
        Optional<Plan.LocatedKpi> located = plan.kpi(change.kpi());
        if (located.isEmpty()) {
            found.add(Violation.of(path + ".kpi", "change.unknown-kpi", change.kpi()));
            return plan;
        }
        if (retiredKpi(located.get(), path + ".kpi", found)) {
            return plan;
        }
        String id = located.get().kpi().id();
        return plan.mapMeasures(measure -> measure.withKpis(measure.kpis().stream()
                .map(kpi -> kpi.id().equals(id) ? kpi.retire() : kpi).toList()), now);
    }

    /** add-milestone: a dated step added to an active measure, with an id made as the import makes them. */
    private static Plan addMilestone(Plan plan, ChangeDraft change, String path, Instant now, List<Violation> found) {
        Optional<Plan.Measure> measure = activeMeasure(plan, change.measure(), path + ".measure", found);
        int before = found.size();
        if (PlanDraft.blank(change.text())) {
            found.add(Violation.of(path + ".text", "milestone.text-required"));
        }
        if (PlanDraft.blank(change.due())) {
            found.add(Violation.of(path + ".due", "change.milestone-due-required"));
        } else {
            PlanDraft.checkDate(change.due(), path + ".due", found);
        }
        if (found.size() > before || measure.isEmpty()) {
            return plan;
        }
        String code = measure.get().code();
        Set<String> used = plan.milestones().map(Plan.Milestone::id).collect(Collectors.toSet());
        int ordinal = measure.get().milestones().size() + 1;
        while (used.contains(plan.id() + "." + code + ".m" + ordinal)) {
            ordinal++;
        }
        Plan.Milestone added = new Plan.Milestone(plan.id() + "." + code + ".m" + ordinal, change.text().strip(),
                PlanDraft.lastDay(change.due()), null, MilestoneStatus.NOT_STARTED, null, null, null);
        return plan.mapMeasures(m -> {
            if (!m.code().equals(code)) {
                return m;
            }
            List<Plan.Milestone> grown = new ArrayList<>(m.milestones());
            grown.add(added);
            return m.withMilestones(grown);
        }, now);
    }

    /**
     * set-publication: a KPI made 公開 or 非公開, or a measure's 非公開 fields replaced. Retired KPIs and measures
     * stay in the plan and what is published of it, so their publication may still change.
     */
    private static Plan setPublication(Plan plan, ChangeDraft change, String path, Instant now, List<Violation> found) {
        boolean kpiNamed = !PlanDraft.blank(change.kpi());
        boolean measureNamed = !PlanDraft.blank(change.measure());
        if (kpiNamed == measureNamed) {
            found.add(Violation.of(path + ".kpi", kpiNamed ? "change.publication-one-target"
                    : "change.publication-target-required"));
            return plan;
        }
        if (kpiNamed) {
            Optional<Plan.LocatedKpi> located = plan.kpi(change.kpi());
            if (located.isEmpty()) {
                found.add(Violation.of(path + ".kpi", "change.unknown-kpi", change.kpi()));
            }
            if (change.published() == null) {
                found.add(Violation.of(path + ".published", "change.published-required"));
            }
            if (located.isEmpty() || change.published() == null) {
                return plan;
            }
            String id = located.get().kpi().id();
            return plan.mapMeasures(measure -> measure.withKpis(measure.kpis().stream()
                    .map(kpi -> kpi.id().equals(id) ? kpi.withPublished(change.published()) : kpi).toList()), now);
        }
        Optional<Plan.Measure> measure = plan.measure(change.measure());
        if (measure.isEmpty()) {
            found.add(Violation.of(path + ".measure", "change.unknown-measure", change.measure()));
        }
        if (change.privateFields() == null) {
            found.add(Violation.of(path + ".privateFields", "change.private-fields-required"));
            return plan;
        }
        int before = found.size();
        for (int f = 0; f < change.privateFields().size(); f++) {
            String field = change.privateFields().get(f);
            if (field == null || !Plan.Measure.PRIVATE_FIELDS.contains(field)) {
                found.add(Violation.of(path + ".privateFields[" + f + "]", "measure.unknown-private-field", field,
                        String.join(", ", Plan.Measure.PRIVATE_FIELDS)));
            }
        }
        if (found.size() > before || measure.isEmpty()) {
            return plan;
        }
        String code = measure.get().code();
        return plan.mapMeasures(m -> m.code().equals(code) ? m.withPrivateFields(change.privateFields()) : m, now);
    }

    /** Whether the KPI or its measure is retired (recorded as a problem): a retired KPI takes no more changes. */
    private static boolean retiredKpi(Plan.LocatedKpi located, String path, List<Violation> found) {
        if (located.measure().retired()) {
            found.add(retired(path, located.measure().code()));
            return true;
        }
        if (located.kpi().retired()) {
            found.add(Violation.of(path, "change.kpi-retired", located.kpi().name()));
            return true;
        }
        return false;
    }

    private static Plan reassign(Plan plan, ChangeDraft change, String path, Set<String> knownDepartments, Instant now,
            List<Violation> found) {
        Optional<Plan.Measure> measure = activeMeasure(plan, change.measure(), path + ".measure", found);
        if (PlanDraft.blank(change.department())) {
            found.add(Violation.of(path + ".department", "change.department-required"));
            return plan;
        }
        PlanDraft.checkDepartment(change.department(), knownDepartments(plan, knownDepartments), path + ".department", found);
        return measure.map(target -> plan.mapMeasures(m -> m.code().equals(target.code())
                ? m.withDepartment(change.department()) : m, now)).orElse(plan);
    }

    private static Plan reschedule(Plan plan, ChangeDraft change, String path, Instant now, List<Violation> found) {
        Optional<Plan.Milestone> milestone = plan.milestones().filter(m -> m.id().equals(change.milestone())).findFirst();
        if (milestone.isEmpty()) {
            found.add(Violation.of(path + ".milestone", "change.unknown-milestone", change.milestone()));
        }
        if (PlanDraft.blank(change.due())) {
            found.add(Violation.of(path + ".due", "change.due-required"));
            return plan;
        }
        if (!PlanDraft.checkDate(change.due(), path + ".due", found) || milestone.isEmpty()) {
            return plan;
        }
        LocalDate due = PlanDraft.lastDay(change.due());
        return plan.withMilestone(milestone.get().rescheduled(due), now);
    }

    private static Optional<Plan.Measure> activeMeasure(Plan plan, String code, String path, List<Violation> found) {
        Optional<Plan.Measure> measure = plan.measure(code);
        if (measure.isEmpty()) {
            found.add(Violation.of(path, "change.unknown-measure", code));
        } else if (measure.get().retired()) {
            found.add(retired(path, code));
            return Optional.empty();
        }
        return measure;
    }

    private static Violation retired(String path, String measureCode) {
        return Violation.of(path, "change.measure-retired", measureCode);
    }

    private static Set<String> knownDepartments(Plan plan, Set<String> registered) {
        Set<String> known = new HashSet<>(registered);
        plan.departments().forEach(department -> known.add(department.code()));
        return known;
    }

    private static BaselineDraft baseline(Plan.Kpi kpi) {
        return kpi.baseline() == null ? null
                : new BaselineDraft(kpi.baseline().value(), iso(kpi.baseline().asOf()), kpi.baseline().text());
    }

    private static Integer fiscalYear(String text, List<Violation> found) {
        if (PlanDraft.blank(text)) {
            found.add(Violation.of("fiscalYear", "review.fiscal-year-required"));
            return null;
        }
        try {
            return FiscalYear.parse(text).startYear();
        } catch (InvalidDateReferenceException e) {
            found.add(new Violation("fiscalYear", e.messageJa(), e.messageEn()));
            return null;
        }
    }

    private static String fiscalYearLabel(int startYear) {
        return FiscalYear.of(startYear).label();
    }

    /** @param what the key of what is required ({@code field.note}) */
    private static void required(String text, String path, String what, List<Violation> found) {
        if (PlanDraft.blank(text)) {
            found.add(Violation.of(path, "field.required", PlanTexts.TEXTS.ja(what), PlanTexts.TEXTS.en(what)));
        }
    }

    private static String iso(LocalDate date) {
        return date == null ? null : date.toString();
    }
}
