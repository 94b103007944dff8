package jp.shinchoku.plan.plans.web;

import java.net.URI;
import java.util.List;
import java.util.Map;

import jp.shinchoku.plan.plans.InvalidPlanException;
import jp.shinchoku.plan.plans.InvalidRevisionException;
import jp.shinchoku.plan.plans.MilestoneNotFoundException;
import jp.shinchoku.plan.plans.MilestoneStatus;
import jp.shinchoku.plan.plans.Plan;
import jp.shinchoku.plan.plans.PlanDraft;
import jp.shinchoku.plan.plans.PlanService;
import jp.shinchoku.plan.plans.ReviewDraft;
import jp.shinchoku.plan.plans.RevisionDraft;
import jp.shinchoku.plan.plans.RevisionNotFoundException;
import jp.shinchoku.plan.plans.web.RevisionViews.ComparisonView;
import jp.shinchoku.plan.plans.web.RevisionViews.PlanSummary;
import jp.shinchoku.plan.plans.web.RevisionViews.ReviewView;
import jp.shinchoku.plan.plans.web.RevisionViews.RevisionView;
import jp.shinchoku.platform.audit.AuditEntry;
import jp.shinchoku.platform.audit.AuditTrail;
import jp.shinchoku.platform.security.Access;
import jp.shinchoku.platform.security.Caller;
import jp.shinchoku.platform.web.ApiProblem;
import jp.shinchoku.platform.web.PageView;
import jp.shinchoku.platform.web.RequestLimits;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/plans")
class PlanController {

    /** The service's problems: {@code problems.properties} and {@code problems_ja.properties}. */
    static final String PROBLEMS = "jp.shinchoku.plan.web.problems";

    private final PlanService plans;
    private final RequestLimits limits;
    private final AuditTrail audit;

    PlanController(PlanService plans, RequestLimits limits, AuditTrail audit) {
        this.plans = plans;
        this.limits = limits;
        this.audit = audit;
    }

    /** Publishes a plan written in the plan-definition format, as JSON. */
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<PlanView> publish(@RequestBody PlanDraft draft) {
        return created(audited(plans.publish(draft, publisher(draft))));
    }

    /** Publishes a plan written in the plan-definition format, as YAML (UTF-8). */
    @PostMapping(consumes = {"application/yaml", "application/x-yaml", "text/yaml"})
    ResponseEntity<PlanView> publishYaml(@RequestBody byte[] yaml) {
        PlanDraft draft = PlanDocuments.readYaml(yaml);
        return created(audited(plans.publish(draft, publisher(draft))));
    }

    private Plan audited(Plan published) {
        audit.record(audit.entry("plan.published", published.id(), published.municipalityKey(), null, Map.of(),
                AuditEntry.state("title", published.title(), "revision", published.revision(),
                        "kpis", published.kpis().count())));
        return published;
    }

    /** Who publishes: the 推進本部 of the plan's municipality (or the administrator). */
    private static String publisher(PlanDraft draft) {
        String municipality = draft.municipality() == null || draft.municipality().name() == null ? null
                : draft.municipality().key();
        if (municipality == null) {
            return Caller.required().subject(); // the plan is invalid: its validation says why
        }
        return Access.manages(municipality, "municipality", municipality).subject();
    }

    /** The plan, if the caller may see its municipality (else it does not exist for it). */
    private Plan visible(String planId) {
        Plan plan = plans.get(planId);
        Access.sees(plan.municipalityKey(), "plan", planId);
        return plan;
    }

    /**
     * The plans, a page at a time: a municipality's (by 地方公共団体コード or name), those whose period covers a fiscal
     * year, those with a KPI or milestone of a department or due within a window.
     */
    @GetMapping
    PageView<PlanSummary> list(@RequestParam(required = false) String municipality,
            @RequestParam(required = false) String department, @RequestParam(required = false) String fiscalYear,
            @RequestParam(required = false) String dueFrom, @RequestParam(required = false) String dueTo,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
        Caller caller = Caller.required();
        return PageView.of(plans.list(ListParameters.filter(municipality, null, department, fiscalYear, dueFrom, dueTo,
                null, false)).stream().filter(plan -> caller.sees(plan.municipalityKey())).map(PlanSummary::of).toList(),
                page, size);
    }

    /** The plan now, or as it stood at the end of a past day ({@code asOf=2024-06-30} or {@code 令和6年6月}). */
    @GetMapping("/{planId}")
    PlanView get(@PathVariable String planId, @RequestParam(required = false) String asOf) {
        Plan plan = visible(planId);
        return PlanView.of(asOf == null ? plan : plans.asOf(planId, ListParameters.day("asOf", asOf)));
    }

    /** The body of a milestone report: the status (未着手 / not-started, …) and a comment (who reports: the token). */
    record MilestoneReport(String status, String comment) {
    }

    /** A department reports a milestone's status (スケジュールの進捗報告). */
    @PutMapping("/{planId}/milestones/{milestoneId}/status")
    PlanView reportMilestone(@PathVariable String planId, @PathVariable String milestoneId,
            @RequestBody MilestoneReport report) {
        Plan plan = visible(planId);
        Plan.LocatedMilestone milestone = plan.locatedMilestones().filter(m -> m.milestone().id().equals(milestoneId))
                .findFirst().orElseThrow(() -> new MilestoneNotFoundException(planId, milestoneId));
        Caller caller = Access.reportsFor(plan.municipalityKey(), milestone.measure().departmentCode(), "milestone",
                milestoneId);
        String given = report == null ? null : report.status();
        limits.checkText("comment", report == null ? null : report.comment());
        MilestoneStatus status = MilestoneStatus.parse(given).orElseThrow(() -> ApiProblem.of(PROBLEMS,
                HttpStatus.BAD_REQUEST, "invalid-milestone-status", given));
        Plan reported = plans.reportMilestone(planId, milestoneId, status, report.comment(), caller.subject());
        audit.record(audit.entry("milestone.status-reported", milestoneId, plan.municipalityKey(),
                milestone.measure().departmentCode(),
                AuditEntry.state("status", milestone.milestone().status(), "comment", milestone.milestone().comment()),
                AuditEntry.state("status", status, "comment", report.comment())));
        return PlanView.of(reported);
    }

    /** The 推進本部 revises the plan (計画の改定): the new revision, with who, why and what changed. */
    @PostMapping("/{planId}/revisions")
    ResponseEntity<PlanView> revise(@PathVariable String planId, @RequestBody RevisionDraft revision) {
        Caller caller = Access.manages(visible(planId).municipalityKey(), "plan", planId);
        limits.checkText("reason", revision.reason());
        Plan current = visible(planId);
        Plan revised = plans.revise(planId, revision.by(caller.subject()));
        audit.record(audit.entry("plan.revised", planId, revised.municipalityKey(), null,
                AuditEntry.state("revision", current.revision()),
                AuditEntry.state("revision", revised.revision(), "reason", revision.reason(),
                        "changes", revision.changes() == null ? 0 : revision.changes().size())));
        return ResponseEntity.created(URI.create("/api/plans/" + planId + "/revisions/" + revised.revision()))
                .body(PlanView.of(revised));
    }

    /** The plan's history: every revision, from its publication (第1版) on. */
    @GetMapping("/{planId}/revisions")
    List<RevisionView> revisions(@PathVariable String planId) {
        return visible(planId).history().stream().map(RevisionView::of).toList();
    }

    /** The plan as a revision made it. */
    @GetMapping("/{planId}/revisions/{revision}")
    PlanView revision(@PathVariable String planId, @PathVariable int revision) {
        visible(planId);
        return PlanView.of(plans.atRevision(planId, revision));
    }

    /** What differs between two revisions ({@code from} and {@code to} are revision numbers). */
    @GetMapping("/{planId}/diff")
    ComparisonView diff(@PathVariable String planId, @RequestParam int from, @RequestParam int to) {
        visible(planId);
        return ComparisonView.of(plans.compare(planId, from, to));
    }

    /** The 推進本部 records a fiscal year's review (年度見直し) with its note and the revisions it decided. */
    @PostMapping("/{planId}/reviews")
    ResponseEntity<ReviewView> review(@PathVariable String planId, @RequestBody ReviewDraft review) {
        Caller caller = Access.manages(visible(planId).municipalityKey(), "plan", planId);
        limits.checkText("note", review.note());
        if (review.revisions() != null) {
            review.revisions().forEach(revision -> limits.checkText("revisions[].reason", revision.reason()));
        }
        Plan reviewed = plans.review(planId, review.by(caller.subject()));
        Plan.Review held = reviewed.reviews().getLast();
        audit.record(audit.entry("plan.reviewed", planId, reviewed.municipalityKey(), null, Map.of(),
                AuditEntry.state("fiscalYear", held.fiscalYear(), "note", held.note(), "revisions", held.revisions())));
        return ResponseEntity.created(URI.create("/api/plans/" + planId + "/reviews/" + held.fiscalYear()))
                .body(ReviewView.of(held));
    }

    @GetMapping("/{planId}/reviews")
    List<ReviewView> reviews(@PathVariable String planId) {
        return visible(planId).reviews().stream().map(ReviewView::of).toList();
    }

    @GetMapping("/{planId}/reviews/{fiscalYear}")
    ReviewView review(@PathVariable String planId, @PathVariable int fiscalYear) {
        return visible(planId).reviews().stream().filter(held -> held.fiscalYear() == fiscalYear).findFirst()
                .map(ReviewView::of)
                .orElseThrow(() -> ApiProblem.of(PROBLEMS, HttpStatus.NOT_FOUND, "review-not-found", fiscalYear));
    }

    private static ResponseEntity<PlanView> created(Plan plan) {
        return ResponseEntity.created(URI.create("/api/plans/" + plan.id())).body(PlanView.of(plan));
    }

    @ExceptionHandler(MilestoneNotFoundException.class)
    ResponseEntity<ProblemDetail> milestoneNotFound(MilestoneNotFoundException e) {
        return ApiProblem.of(PROBLEMS, HttpStatus.NOT_FOUND, "milestone-not-found", e.milestoneId()).toResponse();
    }

    @ExceptionHandler(RevisionNotFoundException.class)
    ResponseEntity<ProblemDetail> revisionNotFound(RevisionNotFoundException e) {
        return ApiProblem.of(PROBLEMS, HttpStatus.NOT_FOUND, "revision-not-found", e.planId(), e.revision())
                .toResponse();
    }

    @ExceptionHandler(PlanDocuments.UnreadableDocumentException.class)
    ResponseEntity<ProblemDetail> unreadable(PlanDocuments.UnreadableDocumentException e) {
        return ApiProblem.of(PROBLEMS, HttpStatus.BAD_REQUEST, "unreadable-request", e.getMessage()).toResponse();
    }

    @ExceptionHandler(InvalidPlanException.class)
    ResponseEntity<ProblemDetail> invalid(InvalidPlanException e) {
        return ApiProblem.of(PROBLEMS, HttpStatus.BAD_REQUEST, "invalid-plan", e.violations().size())
                .with("errors", e.violations()).toResponse();
    }

    @ExceptionHandler(InvalidRevisionException.class)
    ResponseEntity<ProblemDetail> invalidRevision(InvalidRevisionException e) {
        return ApiProblem.of(PROBLEMS, HttpStatus.BAD_REQUEST, "invalid-revision", e.violations().size())
                .with("errors", e.violations()).toResponse();
    }
}
