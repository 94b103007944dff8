package jp.shinchoku.plan.plans.web;

import java.net.URI;
import java.util.List;

import jp.shinchoku.plan.plans.InvalidPlanException;
import jp.shinchoku.plan.plans.MilestoneNotFoundException;
import jp.shinchoku.plan.plans.MilestoneStatus;
import jp.shinchoku.plan.plans.Plan;
import jp.shinchoku.plan.plans.PlanDraft;
import jp.shinchoku.plan.plans.PlanNotFoundException;
import jp.shinchoku.plan.plans.PlanService;
import jp.shinchoku.platform.web.ApiProblem;
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
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/plans")
class PlanController {

    private final PlanService plans;

    PlanController(PlanService plans) {
        this.plans = plans;
    }

    /** Publishes a plan written in the plan-definition format, as JSON. */
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<PlanView> publish(@RequestBody PlanDraft draft) {
        return created(plans.publish(draft));
    }

    /** Publishes a plan written in the plan-definition format, as YAML (UTF-8). */
    @PostMapping(consumes = {"application/yaml", "application/x-yaml", "text/yaml"})
    ResponseEntity<PlanView> publishYaml(@RequestBody byte[] yaml) {
        return created(plans.publish(PlanDocuments.readYaml(yaml)));
    }

    /** The body of a milestone report: the status (未着手 / not-started, …), a comment, who reports. */
    record MilestoneReport(String status, String comment, String reportedBy) {
    }

    /** A department reports a milestone's status (スケジュールの進捗報告). */
    @PutMapping("/{planId}/milestones/{milestoneId}/status")
    PlanView reportMilestone(@PathVariable String planId, @PathVariable String milestoneId,
            @RequestBody MilestoneReport report) {
        MilestoneStatus status = MilestoneStatus.parse(report.status()).orElseThrow(() -> new ApiProblem(
                HttpStatus.BAD_REQUEST, "invalid-milestone-status", "スケジュールの状況を受け付けられません",
                "The milestone status is invalid",
                "状況「" + report.status() + "」は使えません（未着手, 実施中, 完了, 遅延, 中止）",
                "unknown status '" + report.status() + "' (not-started, in-progress, done, delayed, cancelled)"));
        return PlanView.of(plans.reportMilestone(planId, milestoneId, status, report.comment(), report.reportedBy()));
    }

    @ExceptionHandler(MilestoneNotFoundException.class)
    ResponseEntity<ProblemDetail> milestoneNotFound(MilestoneNotFoundException e) {
        return new ApiProblem(HttpStatus.NOT_FOUND, "milestone-not-found", "スケジュールが見つかりません",
                "Milestone not found", "スケジュール「" + e.milestoneId() + "」はこの計画にありません",
                "The plan has no milestone " + e.milestoneId()).toResponse();
    }

    private static ResponseEntity<PlanView> created(Plan plan) {
        return ResponseEntity.created(URI.create("/api/plans/" + plan.id())).body(PlanView.of(plan));
    }

    @GetMapping("/{planId}")
    PlanView get(@PathVariable String planId) {
        return PlanView.of(plans.get(planId));
    }

    @GetMapping
    List<PlanView> list() {
        return plans.list().stream().map(PlanView::of).toList();
    }

    @ExceptionHandler(PlanNotFoundException.class)
    ResponseEntity<ProblemDetail> notFound(PlanNotFoundException e) {
        return new ApiProblem(HttpStatus.NOT_FOUND, "plan-not-found", "計画が見つかりません", "Plan not found",
                "計画「" + e.planId() + "」は登録されていません", "There is no plan " + e.planId()).toResponse();
    }

    @ExceptionHandler(PlanDocuments.UnreadableDocumentException.class)
    ResponseEntity<ProblemDetail> unreadable(PlanDocuments.UnreadableDocumentException e) {
        return new ApiProblem(HttpStatus.BAD_REQUEST, "unreadable-request", "計画定義を読み取れません",
                "The plan document cannot be read", "YAML として読めません: " + e.getMessage(),
                "Not readable as YAML: " + e.getMessage()).toResponse();
    }

    @ExceptionHandler(InvalidPlanException.class)
    ResponseEntity<ProblemDetail> invalid(InvalidPlanException e) {
        return new ApiProblem(HttpStatus.BAD_REQUEST, "invalid-plan", "計画の内容に誤りがあります",
                "The plan is invalid", e.violations().size() + " 件の問題があります",
                e.violations().size() + " problems were found")
                .with("errors", e.violations()).toResponse();
    }
}
