package jp.shinchoku.measurement.measurements;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jp.shinchoku.measurement.kpis.KpiCatalog;
import jp.shinchoku.measurement.kpis.KpiDefinition;
import jp.shinchoku.measurement.kpis.KpiKind;
import jp.shinchoku.measurement.measurements.MeasurementRejectedException.Reason;

/** Accepts departments' measured values. */
public class MeasurementService {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private final KpiCatalog kpis;
    private final MeasurementRepository measurements;
    private final Clock clock;

    public MeasurementService(KpiCatalog kpis, MeasurementRepository measurements, Clock clock) {
        this.kpis = kpis;
        this.measurements = measurements;
        this.clock = clock;
    }

    /** A department's report of one value. */
    public record Report(String kpiId, BigDecimal value, LocalDate measuredOn, String comment, String reportedBy,
            String idempotencyKey) {
    }

    /** The measurement kept for a report; {@code replayed} when the report was a repeat of an earlier one. */
    public record Recorded(Measurement measurement, boolean replayed) {
    }

    public Recorded record(Report report) {
        KpiDefinition kpi = kpis.find(report.kpiId()).orElseThrow(() -> new MeasurementRejectedException(Reason.UNKNOWN_KPI,
                "評価指標「" + report.kpiId() + "」は登録されていません", "There is no KPI " + report.kpiId()));
        if (kpi.retired()) {
            throw new MeasurementRejectedException(Reason.RETIRED_KPI,
                    "評価指標「" + kpi.name() + "」の施策は計画の改定で廃止されたため、報告は受け付けません",
                    "The measure of KPI " + kpi.id() + " was retired by a plan revision; it takes no more reports");
        }
        validate(kpi, report);
        String key = report.idempotencyKey() == null || report.idempotencyKey().isBlank()
                ? UUID.randomUUID().toString() : report.idempotencyKey();
        Measurement measurement = new Measurement("msr-" + UUID.randomUUID(), kpi.id(), kpi.planId(),
                kpi.departmentCode(), report.value(), report.measuredOn(), report.comment(),
                report.reportedBy() == null ? kpi.departmentCode() : report.reportedBy(), key, clock.instant());
        try {
            measurements.insert(measurement);
            return new Recorded(measurement, false);
        } catch (DuplicateIdempotencyKeyException e) {
            Measurement earlier = measurements.findByIdempotencyKey(key).orElseThrow(() -> e);
            if (!earlier.sameRequestAs(measurement)) {
                throw new MeasurementRejectedException(Reason.IDEMPOTENCY_KEY_REUSED,
                        "冪等キー「" + key + "」は別の内容の報告に使われています",
                        "The idempotency key " + key + " was already used for a different report");
            }
            return new Recorded(earlier, true);
        }
    }

    public List<Measurement> history(String kpiId) {
        return measurements.findByKpi(kpiId);
    }

    private void validate(KpiDefinition kpi, Report report) {
        if (report.value() == null) {
            throw new MeasurementRejectedException(Reason.MISSING_VALUE, "測定値は必須です", "The value is required");
        }
        if (report.measuredOn() == null) {
            throw new MeasurementRejectedException(Reason.MISSING_VALUE, "測定日は必須です", "The measurement date is required");
        }
        LocalDate today = LocalDate.now(clock);
        if (report.measuredOn().isAfter(today)) {
            throw new MeasurementRejectedException(Reason.FUTURE_DATE,
                    "測定日 " + report.measuredOn() + " は未来の日付です（本日 " + today + "）",
                    "The measurement date " + report.measuredOn() + " is in the future (today is " + today + ")");
        }
        boolean percentage = kpi.kind() == KpiKind.PERCENTAGE || "%".equals(kpi.unit());
        if (percentage && (report.value().signum() < 0 || report.value().compareTo(HUNDRED) > 0)) {
            throw new MeasurementRejectedException(Reason.OUT_OF_RANGE, "割合は0から100の間で報告してください",
                    "A percentage must be between 0 and 100");
        }
        if (kpi.kind() == KpiKind.COUNT && (report.value().signum() < 0 || report.value().stripTrailingZeros().scale() > 0)) {
            throw new MeasurementRejectedException(Reason.OUT_OF_RANGE, "件数は0以上の整数で報告してください",
                    "A count must be a whole number of 0 or more");
        }
        if (kpi.kind() == KpiKind.BOOLEAN && report.value().compareTo(BigDecimal.ZERO) != 0
                && report.value().compareTo(BigDecimal.ONE) != 0) {
            throw new MeasurementRejectedException(Reason.OUT_OF_RANGE, "実現の有無は1（実現）か0（未実現）で報告してください",
                    "A boolean KPI takes 1 (realized) or 0 (not yet)");
        }
    }
}
