package jp.shinchoku.platform.web;

import java.time.LocalDate;

import jp.shinchoku.calendar.DateReference;
import jp.shinchoku.calendar.DateReferences;
import jp.shinchoku.calendar.FiscalYear;
import jp.shinchoku.calendar.InvalidDateReferenceException;
import org.springframework.http.HttpStatus;

/**
 * Reads date query parameters as users write them, western or 和暦: {@code fiscalYear=令和6年度},
 * {@code asOf=令和6年9月末}, {@code dueFrom=2024-04-01}. A value that cannot be read is a 400 problem naming the
 * parameter, in Japanese and English. A blank parameter reads as null.
 */
public final class DateParameters {

    private DateParameters() {
    }

    public static FiscalYear fiscalYear(String name, String text) {
        if (blank(text)) {
            return null;
        }
        try {
            return FiscalYear.parse(text.strip());
        } catch (InvalidDateReferenceException e) {
            throw invalid(name, text, e.messageJa(), e.messageEn());
        }
    }

    /** The first day of what the text names ({@code 令和6年4月} → 2024-04-01). */
    public static LocalDate firstDay(String name, String text) {
        return blank(text) ? null : reference(name, text).firstDay();
    }

    /** The last day of what the text names ({@code 令和6年度} → 2025-03-31). */
    public static LocalDate lastDay(String name, String text) {
        return blank(text) ? null : reference(name, text).lastDay();
    }

    public static ApiProblem invalid(String name, String value, String whyJa, String whyEn) {
        return ApiProblem.of(HttpStatus.BAD_REQUEST, "invalid-parameter", name, value, whyJa, whyEn);
    }

    private static DateReference reference(String name, String text) {
        try {
            return DateReferences.parse(text.strip());
        } catch (InvalidDateReferenceException e) {
            throw invalid(name, text, e.messageJa(), e.messageEn());
        }
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}
