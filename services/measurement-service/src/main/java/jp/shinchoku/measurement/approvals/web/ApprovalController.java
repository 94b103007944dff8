package jp.shinchoku.measurement.approvals.web;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import jp.shinchoku.measurement.approvals.ApprovalSettings;
import jp.shinchoku.measurement.approvals.Approvals;
import jp.shinchoku.measurement.approvals.Approvals.Outcome;
import jp.shinchoku.measurement.approvals.Review;
import jp.shinchoku.measurement.kpis.KpiCatalog;
import jp.shinchoku.measurement.kpis.KpiDefinition;
import jp.shinchoku.measurement.kpis.web.KpiAccess;
import jp.shinchoku.measurement.measurements.Measurement;
import jp.shinchoku.platform.audit.AuditEntry;
import jp.shinchoku.platform.audit.AuditTrail;
import jp.shinchoku.platform.security.Access;
import jp.shinchoku.platform.security.Caller;
import jp.shinchoku.platform.web.ApiProblem;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * 承認・差戻し: the 推進本部's queue of submitted reports by department and period, its decision on one report or on
 * all of a department's period, and the municipality's choice whether it approves at all. Every decision and choice
 * is in the audit trail.
 */
@RestController
class ApprovalController {

    static final String PROBLEMS = "jp.shinchoku.measurement.web.problems";

    private final Approvals approvals;
    private final ApprovalSettings settings;
    private final KpiCatalog kpis;
    private final KpiAccess access;
    private final AuditTrail audit;
    private final java.time.Clock clock;
    private final boolean requiredUnlessChosen;

    ApprovalController(Approvals approvals, ApprovalSettings settings, KpiCatalog kpis, KpiAccess access,
            AuditTrail audit, java.time.Clock clock,
            @Value("${shinchoku.measurement.approval.required:false}") boolean requiredUnlessChosen) {
        this.approvals = approvals;
        this.settings = settings;
        this.kpis = kpis;
        this.access = access;
        this.audit = audit;
        this.clock = clock;
        this.requiredUnlessChosen = requiredUnlessChosen;
    }

    /** A decision: {@code APPROVED} or {@code RETURNED} (with its reason). */
    record DecisionRequest(String decision, String reason) {
    }

    /** A decision on all of a department's reports of a period awaiting one. */
    record PeriodDecisionRequest(String departmentCode, String period, String decision, String reason) {
    }

    /** A report awaiting the 推進本部's decision. */
    record AwaitingView(String measurementId, String kpiId, String kpiName, String departmentCode, String period,
            String periodLabel, BigDecimal value, String text, LocalDate measuredOn, String reportedBy, Instant recordedAt,
            String supersedes, String correctionReason) {
    }

    /** What was decided: the reports and the decision. */
    record DecidedView(String decision, List<String> measurementIds) {
    }

    /** A municipality's choice. */
    record ApprovalSettingView(String municipality, boolean required, boolean chosen, String by, Instant at) {
    }

    record ApprovalSettingRequest(Boolean required) {
    }

    @GetMapping("/api/plans/{planId}/approvals")
    List<AwaitingView> queue(@PathVariable String planId, @RequestParam(required = false) String department,
            @RequestParam(required = false) String period) {
        access.wholePlan(planId);
        List<Measurement> awaiting = approvals.queue(planId).stream()
                .filter(m -> department == null || department.equals(m.departmentCode()))
                .filter(m -> period == null || period.equals(m.period().code()))
                .toList();
        Map<String, KpiDefinition> byId = kpis.findAll(awaiting.stream().map(Measurement::kpiId).distinct().toList())
                .stream().collect(Collectors.toMap(KpiDefinition::id, Function.identity()));
        return awaiting.stream().map(m -> new AwaitingView(m.id(), m.kpiId(),
                byId.containsKey(m.kpiId()) ? byId.get(m.kpiId()).name() : null, m.departmentCode(), m.period().code(),
                m.period().label(), m.value(), m.text(), m.measuredOn(), m.reportedBy(), m.recordedAt(), m.supersedes(),
                m.correctionReason())).toList();
    }

    /** A report the 推進本部 returned to its department (差戻し), with who returned it, when and why. */
    record ReturnedView(String measurementId, String kpiId, String kpiName, String unit, String departmentCode,
            String period, String periodLabel, BigDecimal value, String text, LocalDate measuredOn, String reportedBy,
            Instant recordedAt, String returnedBy, Instant returnedAt, String reason) {
    }

    /**
     * A department's reports of a plan returned to it and not yet answered by a correction, by measurement date: the
     * department itself reads them, and whoever reads the whole plan (its 推進本部, the administrator).
     */
    @GetMapping("/api/plans/{planId}/departments/{departmentCode}/returned")
    List<ReturnedView> returned(@PathVariable String planId, @PathVariable String departmentCode) {
        access.department(planId, departmentCode);
        Map<String, KpiDefinition> byId = kpis.findByPlan(planId).stream()
                .filter(kpi -> departmentCode.equals(kpi.departmentCode()))
                .collect(Collectors.toMap(KpiDefinition::id, Function.identity()));
        return approvals.returned(byId.keySet()).stream().map(returned -> {
            Measurement m = returned.measurement();
            KpiDefinition kpi = byId.get(m.kpiId());
            return new ReturnedView(m.id(), m.kpiId(), kpi.name(), kpi.unit(), m.departmentCode(), m.period().code(),
                    m.period().label(), m.value(), m.text(), m.measuredOn(), m.reportedBy(), m.recordedAt(),
                    returned.review().by(), returned.review().at(), returned.review().reason());
        }).toList();
    }

    @PostMapping("/api/measurements/{measurementId}/review")
    DecidedView decide(@PathVariable String measurementId, @RequestBody(required = false) DecisionRequest request) {
        KpiDefinition kpi = approvals.find(measurementId).flatMap(m -> kpis.find(m.kpiId()))
                .orElseThrow(() -> Access.notFound("measurement", measurementId));
        Caller caller = Access.manages(kpi.municipalityCode(), "measurement", measurementId);
        Review.Decision decision = decision(request == null ? null : request.decision());
        return switch (approvals.decide(measurementId, kpi.municipalityCode(), decision, caller.subject(),
                request.reason())) {
            case Outcome.Done done -> {
                audited(done.reviewed());
                yield new DecidedView(decision.name(), List.of(measurementId));
            }
            case Outcome.NotFound notFound -> throw Access.notFound("measurement", measurementId);
            case Outcome.ReasonMissing missing -> throw ApiProblem.of(PROBLEMS, HttpStatus.BAD_REQUEST,
                    "return-without-reason", measurementId);
            case Outcome.NotAwaiting notAwaiting -> throw ApiProblem.of(PROBLEMS, HttpStatus.CONFLICT,
                    "not-awaiting-approval", measurementId).with("review", notAwaiting.review() == null ? null
                    : notAwaiting.review().decision().name());
        };
    }

    @PostMapping("/api/plans/{planId}/approvals")
    DecidedView decideAll(@PathVariable String planId, @RequestBody(required = false) PeriodDecisionRequest request) {
        Caller caller = access.managesPlan(planId);
        if (request == null || request.departmentCode() == null || request.period() == null) {
            throw ApiProblem.of(PROBLEMS, HttpStatus.BAD_REQUEST, "approval-without-period", planId);
        }
        Review.Decision decision = decision(request.decision());
        if (decision == Review.Decision.RETURNED && (request.reason() == null || request.reason().isBlank())) {
            throw ApiProblem.of(PROBLEMS, HttpStatus.BAD_REQUEST, "return-without-reason", request.period());
        }
        // managesPlan found the plan's municipality among its KPIs (404 for a plan without any)
        String municipality = kpis.findByPlan(planId).stream().map(KpiDefinition::municipalityCode)
                .filter(java.util.Objects::nonNull).findFirst().orElseThrow(() -> Access.notFound("plan", planId));
        List<Approvals.MeasurementReviewed> done = approvals.decideAll(planId, municipality, request.departmentCode(),
                request.period(), decision, caller.subject(), request.reason());
        done.forEach(this::audited);
        return new DecidedView(decision.name(), done.stream().map(r -> r.measurement().id()).toList());
    }

    @GetMapping("/api/municipalities/{municipality}/approval")
    ApprovalSettingView setting(@PathVariable String municipality) {
        Access.sees(municipality, "municipality", municipality);
        return view(municipality, settings.find(municipality).orElse(null));
    }

    @PutMapping("/api/municipalities/{municipality}/approval")
    ApprovalSettingView choose(@PathVariable String municipality,
            @RequestBody(required = false) ApprovalSettingRequest request) {
        Caller caller = Access.manages(municipality, "municipality", municipality);
        if (request == null || request.required() == null) {
            throw ApiProblem.of(PROBLEMS, HttpStatus.BAD_REQUEST, "approval-setting-missing", municipality);
        }
        ApprovalSettingView before = setting(municipality);
        ApprovalSettings.Setting chosen = new ApprovalSettings.Setting(municipality, request.required(), caller.subject(),
                clock.instant());
        settings.save(chosen);
        audit.record(audit.entry("approval.setting-changed", municipality, municipality, null,
                AuditEntry.state("required", before.required()), AuditEntry.state("required", chosen.required())));
        return view(municipality, chosen);
    }

    private ApprovalSettingView view(String municipality, ApprovalSettings.Setting setting) {
        return setting == null ? new ApprovalSettingView(municipality, requiredUnlessChosen, false, null, null)
                : new ApprovalSettingView(municipality, setting.required(), true, setting.by(), setting.at());
    }

    private void audited(Approvals.MeasurementReviewed reviewed) {
        Review review = reviewed.review();
        Measurement measurement = reviewed.measurement();
        audit.record(audit.entry(review.decision() == Review.Decision.APPROVED ? "measurement.approved"
                        : "measurement.returned", measurement.id(), reviewed.municipalityCode(),
                measurement.departmentCode(), AuditEntry.state("state", "SUBMITTED"),
                AuditEntry.state("state", review.decision().name(), "reason", review.reason(), "kpiId",
                        measurement.kpiId(), "period", measurement.period().code())));
    }

    private static Review.Decision decision(String text) {
        try {
            return Review.Decision.valueOf(text == null ? "" : text.strip().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ApiProblem.of(PROBLEMS, HttpStatus.BAD_REQUEST, "invalid-decision", String.valueOf(text));
        }
    }
}
