package jp.shinchoku.calendar;

import java.text.Normalizer;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.chrono.JapaneseChronology;
import java.time.chrono.JapaneseDate;
import java.time.chrono.JapaneseEra;
import java.time.format.DateTimeParseException;
import java.time.format.TextStyle;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads dates the way plans write them, western or in the era calendar (和暦), through {@link JapaneseDate}:
 * <ul>
 * <li>{@code 2024-03-31}, {@code 2024年3月31日}, {@code 令和6年3月31日}, {@code 令和元年5月1日}: a day, which must exist
 * in its era ({@code 平成31年5月1日} does not: 令和 had begun);</li>
 * <li>{@code 令和4年3月末}, {@code 2022年3月}: a month;</li>
 * <li>{@code 令和5年度}, {@code 令和5年度末}, {@code 2023年度}: a fiscal year (1 April to 31 March);</li>
 * <li>{@code 2020年}: a calendar year.</li>
 * </ul>
 * A trailing {@code まで}, {@code までに} or {@code 中} is ignored; full-width digits and spaces are allowed
 * ({@code 令和 2 年度}). Plans written before an era ended name years past its end ({@code 平成32年度} = FY2020): such
 * years are read for year, fiscal-year and month references up to {@value #YEARS_PAST_ERA_END} years past the end.
 */
public final class DateReferences {

    static final int YEARS_PAST_ERA_END = 10;

    private static final String ERAS = "明治|大正|昭和|平成|令和";
    private static final Pattern ISO = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern ERA = Pattern.compile("(" + ERAS + ")(元|\\d{1,3})年(.*)");
    private static final Pattern WESTERN = Pattern.compile("(\\d{4})年(.*)");
    private static final Pattern FISCAL = Pattern.compile("度末?");
    private static final Pattern MONTH = Pattern.compile("(\\d{1,2})月(末)?");
    private static final Pattern DAY = Pattern.compile("(\\d{1,2})月(\\d{1,2})日");

    private DateReferences() {
    }

    public static DateReference parse(String text) {
        if (text == null || text.isBlank()) {
            throw new InvalidDateReferenceException("日付がありません", "no date given");
        }
        String normalized = Normalizer.normalize(text, Normalizer.Form.NFKC).replaceAll("\\s+", "")
                .replaceFirst("(までに|まで|中)$", "");
        if (ISO.matcher(normalized).matches()) {
            try {
                LocalDate day = LocalDate.parse(normalized);
                return new DateReference(text, DateReference.Precision.DAY, day, day);
            } catch (DateTimeParseException e) {
                throw invalid(text, "存在しない日付です", "no such day");
            }
        }
        Matcher era = ERA.matcher(normalized);
        if (era.matches()) {
            return eraReference(text, eraNamed(era.group(1)), "元".equals(era.group(2)) ? 1 : Integer.parseInt(era.group(2)),
                    era.group(3));
        }
        Matcher western = WESTERN.matcher(normalized);
        if (western.matches()) {
            return westernReference(text, Integer.parseInt(western.group(1)), western.group(2));
        }
        throw invalid(text, "日付として読めません（例: 2024-03-31, 令和5年度, 令和4年3月末）",
                "not a date we can read (e.g. 2024-03-31, 令和5年度, 令和4年3月末)");
    }

    /** Like {@link #parse}, but empty for a blank text. */
    public static Optional<DateReference> parseOptional(String text) {
        return text == null || text.isBlank() ? Optional.empty() : Optional.of(parse(text));
    }

    private static DateReference eraReference(String text, JapaneseEra era, int yearOfEra, String rest) {
        if (yearOfEra < 1) {
            throw invalid(text, Wareki.eraName(era) + yearOfEra + "年はありません（元年が最初の年です）",
                    "there is no year " + yearOfEra + " of " + era + " (the first year is 1)");
        }
        Matcher day = DAY.matcher(rest);
        if (day.matches()) {
            try {
                LocalDate date = LocalDate.from(JapaneseDate.of(era, yearOfEra, Integer.parseInt(day.group(1)),
                        Integer.parseInt(day.group(2))));
                return new DateReference(text, DateReference.Precision.DAY, date, date);
            } catch (DateTimeException e) {
                throw invalid(text, "この日付は" + Wareki.eraName(era) + "に存在しません", "no such day in the " + era + " era");
            }
        }
        int firstYear = JapaneseChronology.INSTANCE.prolepticYear(era, 1);
        int year = firstYear + yearOfEra - 1;
        Optional<Integer> lastYear = lastYearOf(era);
        if (lastYear.isPresent() && year > lastYear.get() + YEARS_PAST_ERA_END) {
            throw invalid(text, Wareki.eraName(era) + yearOfEra + "年は" + Wareki.eraName(era) + "の終わりから遠すぎます",
                    "year " + yearOfEra + " of " + era + " is too far past the end of that era");
        }
        return westernReference(text, year, rest);
    }

    private static DateReference westernReference(String text, int year, String rest) {
        if (rest.isEmpty()) {
            return new DateReference(text, DateReference.Precision.YEAR, LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31));
        }
        if (FISCAL.matcher(rest).matches()) {
            FiscalYear fiscalYear = FiscalYear.of(year);
            return new DateReference(text, DateReference.Precision.FISCAL_YEAR, fiscalYear.firstDay(), fiscalYear.lastDay());
        }
        Matcher month = MONTH.matcher(rest);
        if (month.matches()) {
            int m = Integer.parseInt(month.group(1));
            if (m < 1 || m > 12) {
                throw invalid(text, m + "月はありません", "there is no month " + m);
            }
            YearMonth yearMonth = YearMonth.of(year, m);
            return new DateReference(text, DateReference.Precision.MONTH, yearMonth.atDay(1), yearMonth.atEndOfMonth());
        }
        Matcher day = DAY.matcher(rest);
        if (day.matches()) {
            try {
                LocalDate date = LocalDate.of(year, Integer.parseInt(day.group(1)), Integer.parseInt(day.group(2)));
                return new DateReference(text, DateReference.Precision.DAY, date, date);
            } catch (DateTimeException e) {
                throw invalid(text, "存在しない日付です", "no such day");
            }
        }
        throw invalid(text, "日付として読めません（例: 2024-03-31, 令和5年度, 令和4年3月末）",
                "not a date we can read (e.g. 2024-03-31, 令和5年度, 令和4年3月末)");
    }

    private static JapaneseEra eraNamed(String name) {
        for (JapaneseEra era : JapaneseEra.values()) {
            if (era.getDisplayName(TextStyle.FULL, Locale.JAPAN).equals(name)) {
                return era;
            }
        }
        throw new IllegalStateException("unknown era " + name);
    }

    /** The last western year of an era that has ended; empty for the current era. */
    private static Optional<Integer> lastYearOf(JapaneseEra era) {
        JapaneseEra[] eras = JapaneseEra.values();
        for (int i = 0; i < eras.length - 1; i++) {
            if (eras[i].equals(era)) {
                return Optional.of(JapaneseChronology.INSTANCE.prolepticYear(eras[i + 1], 1));
            }
        }
        return Optional.empty();
    }

    private static InvalidDateReferenceException invalid(String text, String reasonJa, String reasonEn) {
        return new InvalidDateReferenceException("「" + text + "」: " + reasonJa, "'" + text + "': " + reasonEn);
    }
}
