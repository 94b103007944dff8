package jp.shinchoku.notification.delivery.web;

import java.time.Clock;
import java.util.List;

import jp.shinchoku.notification.alerts.Alert;
import jp.shinchoku.notification.alerts.AlertRepository;
import jp.shinchoku.notification.alerts.AlertRule;
import jp.shinchoku.notification.alerts.AlertService;
import jp.shinchoku.notification.alerts.Links;
import jp.shinchoku.notification.alerts.Receiver;
import jp.shinchoku.notification.delivery.Dispatcher;
import jp.shinchoku.notification.delivery.Silence;
import jp.shinchoku.notification.delivery.SilenceRepository;
import jp.shinchoku.platform.audit.AuditEntry;
import jp.shinchoku.platform.audit.AuditTrail;
import jp.shinchoku.platform.security.Access;
import jp.shinchoku.platform.security.Caller;
import jp.shinchoku.platform.security.Role;
import jp.shinchoku.platform.web.ApiProblem;
import jp.shinchoku.platform.web.RequestLimits;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The in-app inbox of the 推進本部 and of each department ({@code receiver=department:<code>}): list and filter
 * alerts, acknowledge one with a comment.
 */
@RestController
class InboxController {

    /** The problems' texts: {@code problems.properties} and {@code problems_ja.properties} of the service. */
    static final String PROBLEMS = "jp.shinchoku.notification.web.problems";

    private final AlertService alerts;
    private final Dispatcher dispatcher;
    private final SilenceRepository silences;
    private final Links links;
    private final Clock clock;
    private final RequestLimits limits;
    private final AuditTrail audit;

    InboxController(AlertService alerts, Dispatcher dispatcher, SilenceRepository silences,
            Links links, Clock clock, RequestLimits limits, AuditTrail audit) {
        this.limits = limits;
        this.audit = audit;
        this.alerts = alerts;
        this.dispatcher = dispatcher;
        this.silences = silences;
        this.links = links;
        this.clock = clock;
    }

    @GetMapping("/api/inbox")
    List<AlertView> inbox(@RequestParam(defaultValue = Receiver.PROMOTION_HQ) String receiver,
            @RequestParam(required = false) Alert.State state, @RequestParam(required = false) AlertRule rule,
            @RequestParam(required = false) String municipality, @RequestParam(required = false) String plan,
            @RequestParam(required = false) String department, @RequestParam(required = false) Boolean acknowledged) {
        Caller caller = Access.anyOf(Role.HQ, Role.PREFECTURE, Role.ADMIN, Role.DEPARTMENT);
        if (municipality == null && (caller.is(Role.HQ) || caller.is(Role.DEPARTMENT)) && !caller.is(Role.ADMIN)) {
            municipality = caller.municipality(); // its own: read by that key, not every municipality's
        }
        List<Alert> firing = alerts.firing();
        List<Silence> all = silences.findAll();
        return alerts.inbox(new AlertRepository.InboxQuery(receiver, state, rule, municipality, plan, department,
                acknowledged)).stream().filter(alert -> visible(caller, alert))
                .map(alert -> AlertView.of(alert, alert.isFiring() ? dispatcher.muting(alert, firing, all, clock.instant())
                        : new Dispatcher.Muting(List.of(), List.of()), links))
                .toList();
    }

    @GetMapping("/api/alerts/{alertId}")
    AlertView alert(@PathVariable String alertId) {
        Alert alert = alerts.find(alertId).orElseThrow(() -> notFound(alertId));
        Access.readsDepartment(alert.labels().get("municipality"), alert.labels().get("departmentCode"), "alert", alertId);
        if (alert.labels().get("departmentCode") == null) {
            Access.readsWhole(alert.labels().get("municipality"), "alert", alertId);
        }
        return AlertView.of(alert, dispatcher.muting(alert), links);
    }

    /** A department reads the alerts about its own part; the 推進本部, a prefecture granted it and the administrator all. */
    static boolean visible(Caller caller, Alert alert) {
        String municipality = alert.labels().get("municipality");
        String department = alert.labels().get("departmentCode");
        return department == null ? caller.readsWhole(municipality) : caller.readsDepartment(municipality, department);
    }

    /** 確認: what is being done (who acknowledges: the signed-in 推進本部). */
    record AcknowledgementRequest(String comment) {
    }

    @PostMapping("/api/alerts/{alertId}/acknowledgement")
    AlertView acknowledge(@PathVariable String alertId, @RequestBody AcknowledgementRequest request) {
        Alert found = alerts.find(alertId).orElseThrow(() -> notFound(alertId));
        Caller caller = Access.manages(found.labels().get("municipality"), "alert", alertId);
        if (request == null || blank(request.comment())) {
            throw ApiProblem.of(PROBLEMS, HttpStatus.BAD_REQUEST, "acknowledgement-incomplete");
        }
        limits.checkText("comment", request.comment());
        return switch (alerts.acknowledge(alertId, caller.subject(), request.comment().strip())) {
            case AlertService.Acknowledged.Done done -> {
                audit.record(audit.entry("alert.acknowledged", alertId, found.labels().get("municipality"),
                        found.labels().get("departmentCode"), AuditEntry.state("state", found.state()),
                        AuditEntry.state("state", done.alert().state(), "comment", request.comment().strip())));
                yield AlertView.of(done.alert(), dispatcher.muting(done.alert()), links);
            }
            case AlertService.Acknowledged.NotFound ignored -> throw notFound(alertId);
            case AlertService.Acknowledged.NotFiring resolved -> throw ApiProblem.of(PROBLEMS, HttpStatus.CONFLICT,
                    "alert-resolved", resolved.alert().resolvedAt());
            case AlertService.Acknowledged.Already already -> throw ApiProblem.of(PROBLEMS, HttpStatus.CONFLICT,
                    "alert-already-acknowledged", already.alert().acknowledgement().by(),
                    already.alert().acknowledgement().at())
                    .with("acknowledgement", already.alert().acknowledgement());
        };
    }

    static boolean blank(String text) {
        return text == null || text.isBlank();
    }

    private static ApiProblem notFound(String alertId) {
        return ApiProblem.of(PROBLEMS, HttpStatus.NOT_FOUND, "alert-not-found", alertId);
    }
}
