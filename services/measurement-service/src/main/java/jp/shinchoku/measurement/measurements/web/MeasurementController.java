package jp.shinchoku.measurement.measurements.web;

import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;

import jp.shinchoku.measurement.measurements.Measurement;
import jp.shinchoku.measurement.measurements.MeasurementRejectedException;
import jp.shinchoku.measurement.measurements.MeasurementService;
import jp.shinchoku.platform.web.ApiProblem;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Departments report measured values of their KPIs. */
@RestController
@RequestMapping("/api/kpis/{kpiId}/measurements")
class MeasurementController {

    static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    private final MeasurementService measurements;

    MeasurementController(MeasurementService measurements) {
        this.measurements = measurements;
    }

    /** The body of a report: the value, the date it was measured, an optional comment and reporter. */
    record ReportRequest(BigDecimal value, LocalDate measuredOn, String comment, String reportedBy) {
    }

    /**
     * Records a value. With an {@code Idempotency-Key} header, a repeat of the same report is answered with the
     * measurement already kept (200, {@code Idempotent-Replayed: true}) and recorded nothing new.
     */
    @PostMapping
    ResponseEntity<Measurement> report(@PathVariable String kpiId, @RequestBody ReportRequest request,
            @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String idempotencyKey) {
        MeasurementService.Recorded recorded = measurements.record(new MeasurementService.Report(kpiId, request.value(),
                request.measuredOn(), request.comment(), request.reportedBy(), idempotencyKey));
        Measurement measurement = recorded.measurement();
        if (recorded.replayed()) {
            return ResponseEntity.ok().header("Idempotent-Replayed", "true").body(measurement);
        }
        return ResponseEntity.created(URI.create("/api/kpis/" + kpiId + "/measurements/" + measurement.id()))
                .body(measurement);
    }

    @GetMapping
    List<Measurement> history(@PathVariable String kpiId) {
        return measurements.history(kpiId);
    }

    @ExceptionHandler(MeasurementRejectedException.class)
    ResponseEntity<ProblemDetail> rejected(MeasurementRejectedException e) {
        return switch (e.reason()) {
            case UNKNOWN_KPI -> new ApiProblem(HttpStatus.NOT_FOUND, "kpi-not-found", "評価指標が見つかりません",
                    "KPI not found", e.messageJa(), e.messageEn()).toResponse();
            case RETIRED_KPI -> new ApiProblem(HttpStatus.GONE, "kpi-retired", "廃止された評価指標です",
                    "The KPI is retired", e.messageJa(), e.messageEn()).toResponse();
            case IDEMPOTENCY_KEY_REUSED -> new ApiProblem(HttpStatus.CONFLICT, "idempotency-key-reused",
                    "冪等キーが別の報告に使われています", "Idempotency key reused", e.messageJa(), e.messageEn()).toResponse();
            case MISSING_VALUE, FUTURE_DATE, OUT_OF_RANGE -> new ApiProblem(HttpStatus.BAD_REQUEST, "invalid-measurement",
                    "測定値を受け付けられません", "The measurement is invalid", e.messageJa(), e.messageEn())
                    .with("reason", e.reason().name()).toResponse();
        };
    }
}
