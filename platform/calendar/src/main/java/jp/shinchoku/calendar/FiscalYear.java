package jp.shinchoku.calendar;

import java.time.LocalDate;
import java.time.Month;
import java.time.chrono.JapaneseDate;
import java.time.chrono.JapaneseEra;
import java.time.temporal.ChronoField;

/**
 * A Japanese fiscal year (年度): 1 April to 31 March, named by the western year it starts in
 * ({@code FiscalYear.of(2023)} runs from 2023-04-01 to 2024-03-31, 令和5年度).
 */
public record FiscalYear(int startYear) implements Comparable<FiscalYear> {

    public static FiscalYear of(int startYear) {
        return new FiscalYear(startYear);
    }

    /**
     * Reads a fiscal year as users write it: {@code 令和6年度}, {@code 2024年度}, {@code 平成32年度} or just
     * {@code 2024} (the year it starts in).
     *
     * @throws InvalidDateReferenceException for anything else, with a message in Japanese and English
     */
    public static FiscalYear parse(String text) {
        if (text != null && text.strip().matches("\\d{4}")) {
            return of(Integer.parseInt(text.strip()));
        }
        DateReference reference = DateReferences.parse(text);
        if (reference.precision() != DateReference.Precision.FISCAL_YEAR) {
            throw new InvalidDateReferenceException("「" + text + "」は年度ではありません（例: 令和6年度、2024年度）",
                    "'" + text + "' is not a fiscal year (e.g. 令和6年度, 2024年度)");
        }
        return reference.fiscalYear();
    }

    /** The fiscal year a date falls in. */
    public static FiscalYear containing(LocalDate date) {
        return new FiscalYear(date.getMonthValue() >= Month.APRIL.getValue() ? date.getYear() : date.getYear() - 1);
    }

    public LocalDate firstDay() {
        return LocalDate.of(startYear, Month.APRIL, 1);
    }

    /** 年度末: the last day, 31 March of the next calendar year. */
    public LocalDate lastDay() {
        return LocalDate.of(startYear + 1, Month.MARCH, 31);
    }

    public boolean contains(LocalDate date) {
        return !date.isBefore(firstDay()) && !date.isAfter(lastDay());
    }

    public FiscalYear next() {
        return new FiscalYear(startYear + 1);
    }

    public FiscalYear previous() {
        return new FiscalYear(startYear - 1);
    }

    /**
     * The fiscal year's era: the one that covers most of it (the era in force on 1 October). So FY2019, which
     * began under 平成 and became 令和 on 1 May, is 令和元年度, and FY1988 is 昭和63年度.
     */
    public JapaneseEra era() {
        return JapaneseDate.from(LocalDate.of(startYear, Month.OCTOBER, 1)).getEra();
    }

    /** The year of {@link #era()}: 5 for 令和5年度. */
    public int eraYear() {
        return JapaneseDate.from(LocalDate.of(startYear, Month.OCTOBER, 1)).get(ChronoField.YEAR_OF_ERA);
    }

    /** 令和5年度, 令和元年度. */
    public String label() {
        return Wareki.eraName(era()) + Wareki.yearNumber(eraYear()) + "年度";
    }

    /** FY2023. */
    public String labelEn() {
        return "FY" + startYear;
    }

    @Override
    public int compareTo(FiscalYear other) {
        return Integer.compare(startYear, other.startYear);
    }

    @Override
    public String toString() {
        return labelEn();
    }
}
