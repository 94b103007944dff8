package jp.shinchoku.measurement.measurements;

import java.text.Normalizer;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

import jp.shinchoku.calendar.DateReference;
import jp.shinchoku.calendar.DateReferences;
import jp.shinchoku.calendar.InvalidDateReferenceException;
import jp.shinchoku.measurement.measurements.MeasurementRejectedException.Reason;

/** Reads a measurement date as departments write it: {@code 2023-09-30}, {@code 2023/9/30} (Excel), {@code 令和5年9月30日}. */
public final class ReportedDay {

    private static final DateTimeFormatter SLASHED = DateTimeFormatter.ofPattern("uuuu/M/d");

    private ReportedDay() {
    }

    /** @return null for a blank text */
    public static LocalDate parse(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String normalized = Normalizer.normalize(text, Normalizer.Form.NFKC).strip();
        try {
            if (normalized.contains("/")) {
                return LocalDate.parse(normalized, SLASHED);
            }
            DateReference reference = DateReferences.parse(normalized);
            if (reference.precision() != DateReference.Precision.DAY) {
                throw MeasurementRejectedException.of(Reason.INVALID_DATE, "invalid-date.needs-day", text);
            }
            return reference.firstDay();
        } catch (DateTimeParseException e) {
            throw MeasurementRejectedException.of(Reason.INVALID_DATE, "invalid-date.unreadable", text);
        } catch (InvalidDateReferenceException e) {
            throw MeasurementRejectedException.of(Reason.INVALID_DATE, "invalid-date.reference", e.messageJa(),
                    e.messageEn());
        }
    }
}
