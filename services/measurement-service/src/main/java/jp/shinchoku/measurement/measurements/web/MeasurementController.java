package jp.shinchoku.measurement.measurements.web;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Supplier;

import jp.shinchoku.measurement.kpis.web.KpiAccess;
import jp.shinchoku.measurement.measurements.MeasurementRejectedException;
import jp.shinchoku.measurement.measurements.MeasurementService;
import jp.shinchoku.measurement.measurements.ReportedValue;
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
import tools.jackson.databind.JsonNode;

/** Departments report measured values of their KPIs, and correct them. */
@RestController
@RequestMapping("/api/kpis/{kpiId}/measurements")
class MeasurementController {

    static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    private final MeasurementService measurements;
    private final KpiAccess kpiAccess;


    private final ReportMeters reportMeters;

    MeasurementController(MeasurementService measurements, KpiAccess kpiAccess,
            ReportMeters reportMeters) {
        this.reportMeters = reportMeters;
        this.measurements = measurements;
        this.kpiAccess = kpiAccess;
    }

    /**
     * The body of a report: the value (a number; {@code true}/{@code false} for a boolean KPI; text for a
     * qualitative one), the date it was measured, the reporting period ({@code FY2024-Q2}, {@code 2024-07},
     * {@code 令和6年度上期}; absent = the one containing the date), an optional comment and reporter. A percentage may
     * be reported as {@code numerator} and {@code denominator} instead of (or with) its value.
     */
    record ReportRequest(JsonNode value, LocalDate measuredOn, String period, String comment,
            JsonNode numerator, JsonNode denominator) {
    }

    /** A correction: the new value and why; date and period default to the corrected value's. */
    record CorrectionRequest(JsonNode value, LocalDate measuredOn, String period, String comment, String reason,
            JsonNode numerator, JsonNode denominator) {
    }

    /**
     * Records a value. With an {@code Idempotency-Key} header, a repeat of the same report is answered with the
     * measurement already kept (200, {@code Idempotent-Replayed: true}) and recorded nothing new.
     */
    @PostMapping
    ResponseEntity<MeasurementView> report(@PathVariable String kpiId, @RequestBody ReportRequest request,
            @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String idempotencyKey,
            @RequestHeader(name = ReportMeters.CHANNEL_HEADER, required = false) String channel) {
        // the measurement is its own audit entry (MeasurementAuditSource)
        return answer(kpiId, counted(channel, () -> measurements.record(new MeasurementService.Report(kpiId,
                ReportedValue.of(value(request.value()), value(request.numerator()), value(request.denominator())),
                request.measuredOn(), request.period(), request.comment(), Reporters.current(), idempotencyKey, null,
                null))));
    }

    /**
     * Corrects a value: records a new one that supersedes it, with the reason. The corrected value stays in the
     * history; a value can be corrected once (correct the correction after that).
     */
    @PostMapping("/{measurementId}/corrections")
    ResponseEntity<MeasurementView> correct(@PathVariable String kpiId, @PathVariable String measurementId,
            @RequestBody CorrectionRequest request,
            @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String idempotencyKey,
            @RequestHeader(name = ReportMeters.CHANNEL_HEADER, required = false) String channel) {
        MeasurementService.Recorded recorded = counted(channel, () -> measurements.record(new MeasurementService.Report(
                kpiId, ReportedValue.of(value(request.value()), value(request.numerator()), value(request.denominator())),
                request.measuredOn(), request.period(), request.comment(), Reporters.current(), idempotencyKey,
                measurementId, request.reason())));
        return answer(kpiId, recorded);
    }

    /** The KPI's whole history: every value reported, corrections and what they superseded included. */
    @GetMapping
    List<MeasurementView> history(@PathVariable String kpiId) {
        kpiAccess.readable(kpiId);
        return MeasurementView.history(measurements.history(kpiId));
    }

    @GetMapping("/{measurementId}")
    MeasurementView one(@PathVariable String kpiId, @PathVariable String measurementId) {
        kpiAccess.readable(kpiId);
        return MeasurementView.history(measurements.history(kpiId)).stream()
                .filter(view -> view.id().equals(measurementId)).findFirst()
                .orElseThrow(() -> new MeasurementRejectedException(MeasurementRejectedException.Reason.MEASUREMENT_NOT_FOUND,
                        "評価指標「" + kpiId + "」に測定値「" + measurementId + "」はありません",
                        "KPI " + kpiId + " has no measurement " + measurementId));
    }

    /** Counts the report by its channel and outcome, and its time to the progress change. */
    private MeasurementService.Recorded counted(String channel, Supplier<MeasurementService.Recorded> report) {
        long arrived = System.currentTimeMillis();
        String counted = ReportMeters.channel(channel, "rest");
        try {
            MeasurementService.Recorded recorded = report.get();
            reportMeters.recorded(counted, List.of(recorded), List.of(arrived));
            return recorded;
        } catch (MeasurementRejectedException rejected) {
            reportMeters.rejected(counted, 1);
            throw rejected;
        }
    }

    private static ResponseEntity<MeasurementView> answer(String kpiId, MeasurementService.Recorded recorded) {
        MeasurementView view = MeasurementView.unsuperseded().apply(recorded.measurement());
        if (recorded.replayed()) {
            return ResponseEntity.ok().header("Idempotent-Replayed", "true").body(view);
        }
        return ResponseEntity.created(URI.create("/api/kpis/" + kpiId + "/measurements/" + view.id())).body(view);
    }

    static ReportedValue value(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return null;
        }
        if (node.isNumber()) {
            try {
                return new ReportedValue.Number(node.decimalValue());
            } catch (NumberFormatException notFinite) { // a double beyond its range: Infinity
                return new ReportedValue.Text(node.toString());
            }
        }
        if (node.isBoolean()) {
            return new ReportedValue.Bool(node.booleanValue());
        }
        return new ReportedValue.Text(node.isString() ? node.stringValue() : node.toString());
    }

    @ExceptionHandler(MeasurementRejectedException.class)
    ResponseEntity<ProblemDetail> rejected(MeasurementRejectedException e) {
        return problem(e).toResponse();
    }

    static ApiProblem problem(MeasurementRejectedException e) {
        ApiProblem problem = switch (e.reason()) {
            case UNKNOWN_KPI -> new ApiProblem(HttpStatus.NOT_FOUND, "kpi-not-found", "評価指標が見つかりません",
                    "KPI not found", e.messageJa(), e.messageEn());
            case MEASUREMENT_NOT_FOUND -> new ApiProblem(HttpStatus.NOT_FOUND, "measurement-not-found",
                    "測定値が見つかりません", "Measurement not found", e.messageJa(), e.messageEn());
            case RETIRED_KPI -> new ApiProblem(HttpStatus.GONE, "kpi-retired", "廃止された評価指標です",
                    "The KPI is retired", e.messageJa(), e.messageEn());
            case UNAUTHENTICATED -> ApiProblem.of(HttpStatus.UNAUTHORIZED, "unauthenticated", e.messageEn());
            case NOT_ASSIGNED -> new ApiProblem(HttpStatus.FORBIDDEN, "kpi-not-assigned", "担当外の評価指標です",
                    "Not your department's KPI", e.messageJa(), e.messageEn());
            case IDEMPOTENCY_KEY_REUSED -> new ApiProblem(HttpStatus.CONFLICT, "idempotency-key-reused",
                    "冪等キーが別の報告に使われています", "Idempotency key reused", e.messageJa(), e.messageEn());
            case PERIOD_CLOSED -> new ApiProblem(HttpStatus.CONFLICT, "period-closed", "締められた年度です",
                    "The fiscal year is closed", e.messageJa(), e.messageEn());
            case ALREADY_SUPERSEDED -> new ApiProblem(HttpStatus.CONFLICT, "measurement-already-corrected",
                    "この測定値は既に訂正されています", "The measurement was already corrected", e.messageJa(), e.messageEn());
            case MISSING_VALUE, INVALID_VALUE, OUT_OF_RANGE, INVALID_DATE, FUTURE_DATE, OUTSIDE_PLAN_PERIOD,
                    INVALID_PERIOD, MISSING_REASON -> new ApiProblem(HttpStatus.BAD_REQUEST, "invalid-measurement",
                    "測定値を受け付けられません", "The measurement is invalid", e.messageJa(), e.messageEn());
        };
        return problem.with("reason", e.reason().name());
    }
}
