package jp.shinchoku.plan.departments.web;

import java.net.URI;
import java.util.Map;
import java.util.Optional;

import jp.shinchoku.plan.departments.DepartmentService;
import jp.shinchoku.plan.departments.InvalidDepartmentException;
import jp.shinchoku.plan.departments.RegisteredDepartment;
import jp.shinchoku.platform.audit.AuditEntry;
import jp.shinchoku.platform.audit.AuditTrail;
import jp.shinchoku.platform.security.Access;
import jp.shinchoku.platform.web.ApiProblem;
import jp.shinchoku.platform.web.PageView;
import jp.shinchoku.platform.web.RequestLimits;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * A municipality's department registry (担当部署). {@code municipality} is its 地方公共団体コード, or its name where
 * the code is not known.
 */
@RestController
@RequestMapping("/api/municipalities/{municipality}/departments")
class DepartmentController {

    /** The service's problems: {@code problems.properties} and {@code problems_ja.properties}. */
    private static final String PROBLEMS = "jp.shinchoku.plan.web.problems";

    private final DepartmentService departments;

    private final AuditTrail audit;

    DepartmentController(DepartmentService departments, AuditTrail audit) {
        this.departments = departments;
        this.audit = audit;
    }

    @GetMapping
    PageView<RegisteredDepartment> list(@PathVariable String municipality,
            @RequestParam(defaultValue = "false") boolean includeInactive,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        Access.sees(municipality, "municipality", municipality);
        return PageView.of(departments.list(municipality).stream()
                .filter(department -> includeInactive || department.active()).toList(), page, size);
    }

    @GetMapping("/{code}")
    RegisteredDepartment get(@PathVariable String municipality, @PathVariable String code) {
        Access.sees(municipality, "municipality", municipality);
        return departments.find(municipality, code).orElseThrow(() -> ApiProblem.of(PROBLEMS, HttpStatus.NOT_FOUND,
                "department-not-found", code, municipality));
    }

    /** Registers a department or changes its name, contact or activity ({@code active: false} retires it). */
    @PutMapping("/{code}")
    ResponseEntity<RegisteredDepartment> register(@PathVariable String municipality, @PathVariable String code,
            @RequestBody RegisteredDepartment.Entry entry) {
        // a department's contact decides where its alerts go: the 推進本部's to keep
        Access.manages(municipality, "municipality", municipality);
        RequestLimits.checkText("name", entry.name(), 200);
        RequestLimits.checkText("contact", entry.contact(), 500);
        Optional<RegisteredDepartment> before = departments.find(municipality, code);
        DepartmentService.Registration registration = departments.register(municipality, code, entry);
        if (registration.outcome() != DepartmentService.Registration.Outcome.UNCHANGED) {
            audit.record(audit.entry(before.isEmpty() ? "department.registered" : "department.changed",
                    municipality + "/" + code, municipality, code, before.map(DepartmentController::state).orElse(Map.of()),
                    state(registration.department())));
        }
        return registration.outcome() == DepartmentService.Registration.Outcome.REGISTERED
                ? ResponseEntity.created(URI.create("/api/municipalities/" + municipality + "/departments/" + code))
                        .body(registration.department())
                : ResponseEntity.ok(registration.department());
    }

    private static Map<String, String> state(RegisteredDepartment department) {
        return AuditEntry.state("name", department.name(), "contact", department.contact(), "active", department.active());
    }

    @ExceptionHandler(InvalidDepartmentException.class)
    ResponseEntity<ProblemDetail> invalid(InvalidDepartmentException e) {
        return ApiProblem.of(PROBLEMS, HttpStatus.BAD_REQUEST, "invalid-department", e.problems().size())
                .with("errors", e.problems().stream().map(problem -> Map.of("path", problem[0], "messageJa", problem[1],
                        "messageEn", problem[2])).toList())
                .toResponse();
    }
}
