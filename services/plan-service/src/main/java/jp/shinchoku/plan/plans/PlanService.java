package jp.shinchoku.plan.plans;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jp.shinchoku.plan.departments.DepartmentService;

/** The plan use cases. */
public class PlanService {

    private final PlanRepository plans;
    private final DepartmentService departments;
    private final Clock clock;

    public PlanService(PlanRepository plans, DepartmentService departments, Clock clock) {
        this.plans = plans;
        this.departments = departments;
        this.clock = clock;
    }

    public Plan publish(PlanDraft draft) {
        return publish(draft, null);
    }

    /**
     * Publishes a plan (revision 1). A measure's department must be listed in the plan or registered for the
     * municipality; the departments the plan lists are registered where the registry does not know them yet.
     */
    public Plan publish(PlanDraft draft, String publishedBy) {
        String municipality = draft.municipality() == null || draft.municipality().name() == null ? null
                : draft.municipality().key();
        Set<String> registered = municipality == null ? Set.of() : departments.activeCodes(municipality);
        Plan.Published published = Plan.publish(draft, newPlanId(), publishedBy, registered, clock.instant());
        departments.registerMissing(municipality, draft.departments().stream()
                .map(department -> new DepartmentService.Listed(department.code(), department.name(), department.contact()))
                .toList());
        plans.insert(published.plan(), published.events());
        return published.plan();
    }

    /** The 推進本部 revises a plan: sets or changes targets, adds or retires measures, reassigns departments. */
    public Plan revise(String planId, RevisionDraft revision) {
        return plans.update(planId, plan -> plan.revise(revision, knownDepartments(plan), clock.instant()))
                .orElseThrow(() -> new PlanNotFoundException(planId))
                .plan();
    }

    /** The 推進本部 records a fiscal year's review (年度見直し) and the revisions it decided, all or none. */
    public Plan review(String planId, ReviewDraft review) {
        return plans.update(planId, plan -> plan.review(review, knownDepartments(plan), clock.instant()))
                .orElseThrow(() -> new PlanNotFoundException(planId))
                .plan();
    }

    /** A department reports a milestone's status: 未着手, 実施中, 完了, 遅延 or 中止, with a comment. */
    public Plan reportMilestone(String planId, String milestoneId, MilestoneStatus status, String comment,
            String reportedBy) {
        return plans.update(planId, plan -> plan.reportMilestone(milestoneId, status, comment, reportedBy, clock.instant()))
                .orElseThrow(() -> new PlanNotFoundException(planId))
                .plan();
    }

    public Plan get(String planId) {
        return plans.find(planId).orElseThrow(() -> new PlanNotFoundException(planId));
    }

    /** The plan as it stood at the end of {@code date} (in the service's time zone). */
    public Plan asOf(String planId, LocalDate date) {
        Instant endOfDay = date.plusDays(1).atStartOfDay(clock.getZone()).toInstant().minusMillis(1);
        get(planId);
        return plans.findAsOf(planId, endOfDay)
                .orElseThrow(() -> new RevisionNotFoundException(planId, date.toString()));
    }

    /** The plan as revision {@code revision} made it. */
    public Plan atRevision(String planId, int revision) {
        get(planId);
        return plans.findAtRevision(planId, revision)
                .orElseThrow(() -> new RevisionNotFoundException(planId, String.valueOf(revision)));
    }

    /** Two revisions of a plan and what differs between them. */
    public record Comparison(Plan.Revision from, Plan.Revision to, List<Difference> differences) {
    }

    public Comparison compare(String planId, int from, int to) {
        Plan current = get(planId);
        Plan.Revision fromEntry = current.revisionEntry(from)
                .orElseThrow(() -> new RevisionNotFoundException(planId, String.valueOf(from)));
        Plan.Revision toEntry = current.revisionEntry(to)
                .orElseThrow(() -> new RevisionNotFoundException(planId, String.valueOf(to)));
        return new Comparison(fromEntry, toEntry, PlanDiff.between(atRevision(planId, from), atRevision(planId, to)));
    }

    public List<Plan> list(PlanFilter filter) {
        return plans.findAll(filter.municipality()).stream().filter(filter::matches).toList();
    }

    /** A KPI with the plan it belongs to. */
    public record PlanKpi(Plan plan, Plan.LocatedKpi located) {
    }

    public List<PlanKpi> kpis(PlanFilter filter) {
        return plans.findAll(filter.municipality()).stream().filter(plan -> filter.planId() == null || filter.planId().equals(plan.id()))
                .flatMap(plan -> filter.kpis(plan).map(located -> new PlanKpi(plan, located)))
                .toList();
    }

    /** A milestone with the plan it belongs to. */
    public record PlanMilestone(Plan plan, Plan.LocatedMilestone located) {
    }

    public List<PlanMilestone> milestones(PlanFilter filter) {
        return plans.findAll(filter.municipality()).stream().filter(plan -> filter.planId() == null || filter.planId().equals(plan.id()))
                .flatMap(plan -> filter.milestones(plan).map(located -> new PlanMilestone(plan, located)))
                .toList();
    }

    private Set<String> knownDepartments(Plan plan) {
        return departments.activeCodes(plan.municipalityKey());
    }

    private static String newPlanId() {
        return "pln-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
