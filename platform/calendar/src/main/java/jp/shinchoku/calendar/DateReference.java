package jp.shinchoku.calendar;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A date as plans write it: a day ({@code 令和4年3月31日}), a month ({@code 令和4年3月末}), a fiscal year
 * ({@code 令和5年度}, {@code 2023年度末}) or a calendar year ({@code 2020年まで}). A deadline written this way
 * falls on the period's {@link #lastDay()}.
 */
public record DateReference(String text, Precision precision, LocalDate firstDay, LocalDate lastDay) {

    /** How much of the calendar a reference covers. */
    public enum Precision {
        DAY, MONTH, FISCAL_YEAR, YEAR
    }

    public DateReference {
        Objects.requireNonNull(precision, "precision");
        Objects.requireNonNull(firstDay, "firstDay");
        Objects.requireNonNull(lastDay, "lastDay");
    }

    /** The fiscal year the reference ends in. */
    public FiscalYear fiscalYear() {
        return FiscalYear.containing(lastDay);
    }
}
