package jp.shinchoku.measurement.measurements;

import java.math.BigDecimal;
import java.text.Normalizer;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import jp.shinchoku.calendar.InvalidDateReferenceException;
import jp.shinchoku.calendar.ReportingCadence;
import jp.shinchoku.calendar.ReportingPeriod;
import jp.shinchoku.calendar.Wareki;
import jp.shinchoku.measurement.kpis.KpiCatalog;
import jp.shinchoku.measurement.kpis.KpiDefinition;
import jp.shinchoku.measurement.kpis.KpiKind;
import jp.shinchoku.measurement.measurements.MeasurementRejectedException.Reason;

/**
 * Accepts departments' measured values and their corrections, whichever way they come (REST, CSV, Kafka): each is
 * read against its KPI's kind and unit, dated within the plan's period and not in the future, placed in a reporting
 * period of the plan's cadence, and kept once per idempotency key. Nothing kept is ever changed: a correction is a
 * new measurement that supersedes an earlier one. A batch of reports costs one read of their KPIs and one bulk write,
 * however much is kept; what follows a recording in this service ({@link AfterRecording}: progress) runs on the same
 * path, before the "recorded" events go out.
 */
public class MeasurementService {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final int MAX_TEXT = 4000;
    /** A comment or a correction's reason at the most, so that no accepted report makes an event the broker refuses. */
    static final int MAX_COMMENT = 2000;
    /** How far a rate sent with its numerator and denominator may be from theirs (rounding to 0.1%). */
    private static final BigDecimal RATE_TOLERANCE = new BigDecimal("0.05");
    private static final Set<String> TRUE = Set.of("true", "1", "yes", "はい", "実現", "済", "達成");
    private static final Set<String> FALSE = Set.of("false", "0", "no", "いいえ", "未実現", "未", "未達成");

    private final KpiCatalog kpis;
    private final MeasurementRepository measurements;
    private final Clock clock;
    private final AfterRecording afterRecording;
    private final ClosedYears closedYears;
    private final ApprovalPolicy approval;

    public MeasurementService(KpiCatalog kpis, MeasurementRepository measurements, Clock clock,
            AfterRecording afterRecording) {
        this(kpis, measurements, clock, afterRecording, ClosedYears.NONE, ApprovalPolicy.NONE);
    }

    /**
     * @param closedYears the fiscal years closed (年度締め): reports and corrections of them are refused
     * @param approval    the municipalities whose 推進本部 approve reports: theirs are submitted (提出済) first
     */
    public MeasurementService(KpiCatalog kpis, MeasurementRepository measurements, Clock clock,
            AfterRecording afterRecording, ClosedYears closedYears, ApprovalPolicy approval) {
        this.closedYears = closedYears;
        this.approval = approval;
        this.kpis = kpis;
        this.measurements = measurements;
        this.clock = clock;
        this.afterRecording = afterRecording;
    }

    /**
     * A department's report of one value, or a correction of an earlier one ({@code supersedes} and its
     * {@code reason}).
     *
     * @param period         a reporting-period code or label; null = the period of the plan's cadence containing
     *                       {@code measuredOn} (for a correction: the corrected value's)
     * @param measuredOn     null only for a correction (the corrected value's date is kept)
     * @param idempotencyKey null = a new key (the report is not protected against being sent twice)
     */
    public record Report(String kpiId, ReportedValue value, LocalDate measuredOn, String period, String comment,
            Reporter reporter, String idempotencyKey, String supersedes, String reason) {

        public static Report of(String kpiId, ReportedValue value, LocalDate measuredOn, String comment,
                Reporter reporter, String idempotencyKey) {
            return new Report(kpiId, value, measuredOn, null, comment, reporter, idempotencyKey, null, null);
        }

        /** Who reported, as recorded. */
        public String reportedBy() {
            return reporter == null ? null : reporter.who();
        }
    }

    /** What became of a report: recorded (or found recorded before), or rejected. */
    public sealed interface Outcome permits Recorded, Rejected {
    }

    /**
     * The measurement kept for a report; {@code replayed} when the report was a repeat of an earlier one;
     * {@code municipality} the KPI's.
     */
    public record Recorded(Measurement measurement, boolean replayed, String municipality) implements Outcome {
    }

    /** A report that cannot be accepted, and why. */
    public record Rejected(MeasurementRejectedException reason) implements Outcome {
    }

    /** @throws MeasurementRejectedException when the report cannot be accepted */
    public Recorded record(Report report) {
        return switch (recordAll(List.of(report)).getFirst()) {
            case Recorded recorded -> recorded;
            case Rejected rejected -> throw rejected.reason();
        };
    }

    /**
     * Reports in one go (a poll's batch, an upload): each is accepted or rejected on its own, all accepted ones are kept
     * in one bulk write, then what follows a recording runs for them all.
     *
     * @return each report's outcome, in the reports' order
     */
    public List<Outcome> recordAll(List<Report> reports) {
        Map<String, KpiDefinition> known = kpis.findAll(reports.stream().map(Report::kpiId)
                        .filter(id -> id != null && !id.isBlank()).distinct().toList()).stream()
                .collect(Collectors.toMap(KpiDefinition::id, Function.identity()));
        Map<String, Set<Integer>> closed = closedYears.of(known.values().stream().map(KpiDefinition::planId)
                .filter(java.util.Objects::nonNull).distinct().toList());
        Set<String> approving = approval.requiring(known.values().stream().map(KpiDefinition::municipalityCode)
                .filter(java.util.Objects::nonNull).distinct().toList());
        Outcome[] outcomes = new Outcome[reports.size()];
        Map<Measurement, Integer> fresh = new IdentityHashMap<>();
        List<Measurement> toInsert = new ArrayList<>();
        for (int i = 0; i < reports.size(); i++) {
            try {
                Measurement measurement = measurementFor(reports.get(i), known, closed, approving);
                fresh.put(measurement, i);
                toInsert.add(measurement);
            } catch (MeasurementRejectedException e) {
                outcomes[i] = new Rejected(e);
            }
        }
        List<Measurement> conflicting = toInsert.isEmpty() ? List.of() : measurements.insertAll(toInsert);
        Set<Measurement> notKept = Collections.newSetFromMap(new IdentityHashMap<>());
        notKept.addAll(conflicting);
        for (Measurement measurement : toInsert) {
            int i = fresh.get(measurement);
            if (!notKept.contains(measurement)) {
                outcomes[i] = new Recorded(measurement, false, known.get(measurement.kpiId()).municipalityCode());
                continue;
            }
            try {
                outcomes[i] = earlier(reports.get(i), measurement, known.get(measurement.kpiId()).municipalityCode());
            } catch (MeasurementRejectedException e) {
                outcomes[i] = new Rejected(e);
            }
        }
        List<Measurement> accepted = Arrays.stream(outcomes)
                .flatMap(outcome -> outcome instanceof Recorded r ? Stream.of(r.measurement())
                        : Stream.empty())
                .toList();
        if (!accepted.isEmpty()) {
            // a report sent again (replayed) runs it again too: the first attempt may have stopped before it
            afterRecording.recorded(accepted);
            measurements.release(toInsert.stream().filter(m -> !notKept.contains(m)).map(Measurement::id).toList());
        }
        return List.of(outcomes);
    }

    /** A report whose key (or correction) collided with a kept measurement: the same report again, or a refusal. */
    private Recorded earlier(Report report, Measurement measurement, String municipality) {
        Optional<Measurement> earlier = measurements.findByIdempotencyKey(measurement.idempotencyKey());
        if (earlier.isEmpty()) {
            throw alreadySuperseded(measurements.findSupersederOf(report.supersedes())
                    .orElseThrow(() -> new DuplicateMeasurementException(measurement)));
        }
        if (!earlier.get().sameRequestAs(measurement)) {
            throw MeasurementRejectedException.of(Reason.IDEMPOTENCY_KEY_REUSED, "idempotency-key-reused.different-report",
                    measurement.idempotencyKey());
        }
        return new Recorded(earlier.get(), true, municipality);
    }

    private Measurement measurementFor(Report report, Map<String, KpiDefinition> known,
            Map<String, Set<Integer>> closed, Set<String> approving) {
        if (report.kpiId() == null || report.kpiId().isBlank()) {
            throw MeasurementRejectedException.of(Reason.UNKNOWN_KPI, "unknown-kpi.missing-id");
        }
        KpiDefinition kpi = Optional.ofNullable(known.get(report.kpiId()))
                // another municipality's KPI does not exist for the reporter: nothing leaks of it
                .filter(found -> report.reporter() == null || report.reporter().sees(found))
                .orElseThrow(() -> MeasurementRejectedException.of(Reason.UNKNOWN_KPI, "unknown-kpi.not-registered",
                        report.kpiId()));
        if (report.reporter() == null || !report.reporter().mayReport(kpi)) {
            throw MeasurementRejectedException.of(Reason.NOT_ASSIGNED, "not-assigned.other-department", kpi.name(),
                    kpi.id(), kpi.departmentCode());
        }
        if (kpi.retired()) {
            throw MeasurementRejectedException.of(Reason.RETIRED_KPI, "retired-kpi.retired", kpi.name(), kpi.id());
        }
        checkLength(report.comment(), "field.comment");
        checkLength(report.reason(), "field.correction-reason");
        Measurement corrected = report.supersedes() == null ? null : correctable(kpi, report);
        LocalDate measuredOn = report.measuredOn() != null ? report.measuredOn()
                : corrected != null ? corrected.measuredOn() : null;
        checkDate(kpi, measuredOn);
        ReportingPeriod period = report.period() == null || report.period().isBlank()
                ? corrected != null ? corrected.period() : ReportingPeriod.containing(kpi.cadence(), measuredOn)
                : period(kpi, report.period(), measuredOn);
        checkOpen(kpi, period, closed);
        if (corrected != null) {
            checkOpen(kpi, corrected.period(), closed);
        }
        Interpreted value = interpret(kpi, report.value());
        String key = report.idempotencyKey() == null || report.idempotencyKey().isBlank()
                ? UUID.randomUUID().toString() : report.idempotencyKey();
        return new Measurement("msr-" + UUID.randomUUID(), kpi.id(), kpi.planId(),
                kpi.departmentCode(), value.number(), value.text(), measuredOn, period, report.comment(),
                report.reportedBy() == null ? kpi.departmentCode() : report.reportedBy(), key, clock.instant(),
                report.supersedes(), corrected == null ? null : report.reason().strip(), value.numerator(),
                value.denominator(), report.reporter() == null ? null : report.reporter().origin(),
                kpi.municipalityCode() != null && approving.contains(kpi.municipalityCode()));
    }

    /** Every measurement of a KPI, corrections and the values they replaced included, in date order. */
    public List<Measurement> history(String kpiId) {
        return measurements.findByKpi(kpiId);
    }

    public Optional<Measurement> find(String measurementId) {
        return measurements.findById(measurementId);
    }

    private Measurement correctable(KpiDefinition kpi, Report report) {
        Measurement corrected = measurements.findById(report.supersedes())
                .filter(m -> m.kpiId().equals(kpi.id()))
                .orElseThrow(() -> MeasurementRejectedException.of(Reason.MEASUREMENT_NOT_FOUND,
                        "measurement-not-found.not-of-kpi", kpi.name(), report.supersedes(), kpi.id()));
        if (report.reason() == null || report.reason().isBlank()) {
            throw MeasurementRejectedException.of(Reason.MISSING_REASON, "missing-reason.correction");
        }
        Optional<Measurement> superseder = measurements.findSupersederOf(corrected.id());
        if (superseder.isPresent()
                && !superseder.get().idempotencyKey().equals(report.idempotencyKey())) {
            throw alreadySuperseded(superseder.get());
        }
        return corrected;
    }

    private static MeasurementRejectedException alreadySuperseded(Measurement superseder) {
        return MeasurementRejectedException.of(Reason.ALREADY_SUPERSEDED, "already-superseded.corrected",
                superseder.reportedBy(), superseder.id());
    }

    /** A report or correction of a fiscal year its plan has closed (年度締め) is refused until the year is reopened. */
    private static void checkOpen(KpiDefinition kpi, ReportingPeriod period, Map<String, Set<Integer>> closed) {
        int year = period.fiscalYear().startYear();
        if (kpi.planId() != null && closed.getOrDefault(kpi.planId(), Set.of()).contains(year)) {
            throw MeasurementRejectedException.of(Reason.PERIOD_CLOSED, "period-closed.closed",
                    period.fiscalYear().label(), period.fiscalYear().labelEn(), period.code());
        }
    }

    /** @param field the key of the field's name ({@code field.comment}) */
    private static void checkLength(String text, String field) {
        if (text != null && text.length() > MAX_COMMENT) {
            throw MeasurementRejectedException.of(Reason.OUT_OF_RANGE, "out-of-range.too-long", RejectionTexts.TEXTS.ja(field),
                    RejectionTexts.TEXTS.en(field), MAX_COMMENT, text.length());
        }
    }

    private void checkDate(KpiDefinition kpi, LocalDate measuredOn) {
        if (measuredOn == null) {
            throw MeasurementRejectedException.of(Reason.MISSING_VALUE, "missing-value.date");
        }
        LocalDate today = LocalDate.now(clock);
        if (measuredOn.isAfter(today)) {
            throw MeasurementRejectedException.of(Reason.FUTURE_DATE, "future-date.future", Wareki.formatBoth(measuredOn),
                    Wareki.formatBoth(today), measuredOn, today);
        }
        LocalDate first = kpi.firstMeasurableDay();
        LocalDate last = kpi.lastMeasurableDay();
        if ((first != null && measuredOn.isBefore(first)) || (last != null && measuredOn.isAfter(last))) {
            throw MeasurementRejectedException.of(Reason.OUTSIDE_PLAN_PERIOD, "outside-plan-period.date",
                    Wareki.formatBoth(measuredOn), span(first, last), measuredOn, first, last);
        }
    }

    private ReportingPeriod period(KpiDefinition kpi, String text, LocalDate measuredOn) {
        ReportingPeriod period;
        try {
            period = ReportingPeriod.parse(text);
        } catch (InvalidDateReferenceException e) {
            throw new MeasurementRejectedException(Reason.INVALID_PERIOD, e.messageJa(), e.messageEn());
        }
        ReportingCadence cadence = kpi.cadence();
        if (period.cadence() != cadence) {
            ReportingPeriod example = ReportingPeriod.containing(cadence, measuredOn);
            throw MeasurementRejectedException.of(Reason.INVALID_PERIOD, "invalid-period.cadence", cadence.labelJa(),
                    example.code(), example.label(), cadence.wireName());
        }
        if (period.firstDay().isAfter(LocalDate.now(clock))) {
            throw MeasurementRejectedException.of(Reason.INVALID_PERIOD, "invalid-period.not-begun", period.label(),
                    period.code());
        }
        if (measuredOn.isBefore(period.firstDay())) {
            throw MeasurementRejectedException.of(Reason.INVALID_PERIOD, "invalid-period.date-before",
                    Wareki.formatBoth(measuredOn), period.label(), measuredOn, period.code());
        }
        if ((kpi.planFrom() != null && period.fiscalYear().compareTo(kpi.planFrom()) < 0)
                || (kpi.planTo() != null && period.lastDay().isAfter(kpi.lastMeasurableDay()))) {
            throw MeasurementRejectedException.of(Reason.OUTSIDE_PLAN_PERIOD, "outside-plan-period.period",
                    period.label(), period.code());
        }
        return period;
    }

    /** A value read against its KPI's kind: a number, or a qualitative KPI's text; a rate with what it came from. */
    private record Interpreted(BigDecimal number, String text, BigDecimal numerator, BigDecimal denominator) {
        Interpreted(BigDecimal number, String text) {
            this(number, text, null, null);
        }
    }

    private static Interpreted interpret(KpiDefinition kpi, ReportedValue value) {
        if (value == null || (value instanceof ReportedValue.Text(String text) && text.isBlank())) {
            throw MeasurementRejectedException.of(Reason.MISSING_VALUE, "missing-value.value");
        }
        if (value instanceof ReportedValue.Fraction fraction) {
            return fraction(kpi, fraction);
        }
        return switch (kpi.kind()) {
            case QUALITATIVE -> new Interpreted(null, qualitative(value));
            case BOOLEAN -> new Interpreted(realized(value) ? BigDecimal.ONE : BigDecimal.ZERO, null);
            default -> new Interpreted(inRange(kpi, number(value)), null);
        };
    }

    /** 記載率 = 記載した業務数 / 業務数 × 100: both kept, the rate derived (and checked against a rate sent too). */
    private static Interpreted fraction(KpiDefinition kpi, ReportedValue.Fraction fraction) {
        if (kpi.kind() != KpiKind.PERCENTAGE) {
            throw MeasurementRejectedException.of(Reason.INVALID_VALUE, "invalid-value.fraction-not-percentage");
        }
        if (fraction.numerator() == null || fraction.denominator() == null) {
            throw MeasurementRejectedException.of(Reason.MISSING_VALUE, "missing-value.fraction");
        }
        BigDecimal numerator = number(fraction.numerator());
        BigDecimal denominator = number(fraction.denominator());
        if (denominator.signum() <= 0 || numerator.signum() < 0 || numerator.compareTo(denominator) > 0) {
            throw MeasurementRejectedException.of(Reason.OUT_OF_RANGE, "out-of-range.fraction",
                    numerator.toPlainString(), denominator.toPlainString());
        }
        BigDecimal rate = Rates.percentage(numerator, denominator);
        if (fraction.rate() != null) {
            BigDecimal sent = number(fraction.rate());
            if (sent.subtract(rate).abs().compareTo(RATE_TOLERANCE) > 0) {
                throw MeasurementRejectedException.of(Reason.INVALID_VALUE, "invalid-value.rate-mismatch",
                        sent.toPlainString(), rate.toPlainString());
            }
        }
        return new Interpreted(rate, null, numerator, denominator);
    }

    private static String qualitative(ReportedValue value) {
        String text = switch (value) {
            case ReportedValue.Text(String t) -> t.strip();
            case ReportedValue.Number(BigDecimal n) -> n.abs().compareTo(MAX_MAGNITUDE) < 0 ? n.toPlainString() : n.toString();
            case ReportedValue.Bool(boolean b) -> b ? "実現" : "未実現";
            case ReportedValue.Fraction f -> throw new IllegalStateException("read before");
        };
        if (text.length() > MAX_TEXT) {
            throw MeasurementRejectedException.of(Reason.OUT_OF_RANGE, "out-of-range.qualitative", MAX_TEXT);
        }
        return text;
    }

    private static boolean realized(ReportedValue value) {
        String word = switch (value) {
            case ReportedValue.Bool(boolean b) -> Boolean.toString(b);
            case ReportedValue.Number(BigDecimal n) -> n.compareTo(BigDecimal.ONE) == 0 ? "1"
                    : n.signum() == 0 ? "0" : n.toString();
            case ReportedValue.Text(String t) -> Normalizer.normalize(t, Normalizer.Form.NFKC).strip().toLowerCase(Locale.ROOT);
            case ReportedValue.Fraction f -> throw new IllegalStateException("read before");
        };
        if (TRUE.contains(word)) {
            return true;
        }
        if (FALSE.contains(word)) {
            return false;
        }
        throw MeasurementRejectedException.of(Reason.INVALID_VALUE, "invalid-value.not-boolean", word);
    }

    /** The largest value a report may carry, and its decimals: beyond them a value is a mistake, not a measurement. */
    static final BigDecimal MAX_MAGNITUDE = new BigDecimal("1E15");
    static final int MAX_DECIMALS = 6;

    /** A JSON number, or text with full-width digits or thousands separators (1,234 / １２．５), within range. */
    private static BigDecimal number(ReportedValue value) {
        BigDecimal number = unbounded(value);
        if (number.abs().compareTo(MAX_MAGNITUDE) >= 0 || number.stripTrailingZeros().scale() > MAX_DECIMALS) {
            throw MeasurementRejectedException.of(Reason.OUT_OF_RANGE, "out-of-range.number", MAX_DECIMALS);
        }
        return number;
    }

    private static BigDecimal unbounded(ReportedValue value) {
        return switch (value) {
            case ReportedValue.Number(BigDecimal n) -> n;
            case ReportedValue.Bool(boolean b) -> throw MeasurementRejectedException.of(Reason.INVALID_VALUE,
                    "invalid-value.boolean-not-number");
            case ReportedValue.Fraction f -> throw MeasurementRejectedException.of(Reason.INVALID_VALUE,
                    "invalid-value.fraction-not-number");
            case ReportedValue.Text(String t) -> {
                String plain = Normalizer.normalize(t, Normalizer.Form.NFKC).strip().replace(",", "");
                try {
                    yield new BigDecimal(plain);
                } catch (NumberFormatException e) {
                    throw MeasurementRejectedException.of(Reason.INVALID_VALUE, "invalid-value.not-a-number", t);
                }
            }
        };
    }

    private static BigDecimal inRange(KpiDefinition kpi, BigDecimal value) {
        boolean percentage = kpi.kind() == KpiKind.PERCENTAGE || "%".equals(kpi.unit());
        if (percentage && (value.signum() < 0 || value.compareTo(HUNDRED) > 0)) {
            throw MeasurementRejectedException.of(Reason.OUT_OF_RANGE, "out-of-range.percentage");
        }
        boolean whole = kpi.kind() == KpiKind.COUNT || kpi.kind() == KpiKind.RECURRING;
        if (whole && (value.signum() < 0 || value.stripTrailingZeros().scale() > 0)) {
            throw MeasurementRejectedException.of(Reason.OUT_OF_RANGE,
                    kpi.kind() == KpiKind.RECURRING ? "out-of-range.recurring" : "out-of-range.count");
        }
        if (kpi.kind() == KpiKind.RELATIVE && value.signum() < 0) {
            throw MeasurementRejectedException.of(Reason.OUT_OF_RANGE, "out-of-range.relative");
        }
        return value;
    }

    private static String span(LocalDate first, LocalDate last) {
        return RejectionTexts.TEXTS.ja("outside-plan-period.span", first == null ? "" : Wareki.format(first),
                last == null ? "" : Wareki.format(last));
    }
}
