package jp.shinchoku.measurement.measurements.web;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import jp.shinchoku.calendar.Wareki;
import jp.shinchoku.measurement.measurements.Measurement;

/**
 * A measurement as the API shows it: the reporting period as code and label, the date in both calendars, and where
 * it stands in the history ({@code current}, or {@code superseded} by a correction, named in {@code supersededBy}).
 */
record MeasurementView(String id, String kpiId, BigDecimal value, String text, LocalDate measuredOn,
        String measuredOnLabel, String period, String periodLabel, String comment, String reportedBy,
        Instant recordedAt, String supersedes, String correctionReason, String supersededBy, String state,
        BigDecimal numerator, BigDecimal denominator) {

    static MeasurementView of(Measurement m, String supersededBy) {
        return new MeasurementView(m.id(), m.kpiId(), m.value(), m.text(), m.measuredOn(), Wareki.format(m.measuredOn()),
                m.period().code(), m.period().label(), m.comment(), m.reportedBy(), m.recordedAt(), m.supersedes(),
                m.correctionReason(), supersededBy, supersededBy == null ? "current" : "superseded", m.numerator(),
                m.denominator());
    }

    /** A whole history, each measurement told whether a correction replaced it. */
    static List<MeasurementView> history(List<Measurement> history) {
        Map<String, String> supersededBy = history.stream().filter(Measurement::isCorrection)
                .collect(Collectors.toMap(Measurement::supersedes, Measurement::id, (a, b) -> a));
        return history.stream().map(m -> of(m, supersededBy.get(m.id()))).toList();
    }

    static Function<Measurement, MeasurementView> unsuperseded() {
        return m -> of(m, null);
    }
}
