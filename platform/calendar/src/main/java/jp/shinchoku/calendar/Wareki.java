package jp.shinchoku.calendar;

import java.time.LocalDate;
import java.time.chrono.JapaneseDate;
import java.time.chrono.JapaneseEra;
import java.time.format.TextStyle;
import java.time.temporal.ChronoField;
import java.util.Locale;

/** Dates in the Japanese era calendar (和暦), through {@link JapaneseDate}: 令和6年3月31日, 令和元年5月1日. */
public final class Wareki {

    private Wareki() {
    }

    public static String format(LocalDate date) {
        JapaneseDate japanese = JapaneseDate.from(date);
        return eraName(japanese.getEra()) + yearNumber(japanese.get(ChronoField.YEAR_OF_ERA)) + "年"
                + date.getMonthValue() + "月" + date.getDayOfMonth() + "日";
    }

    /** Both calendars, as users read them side by side: 令和6年3月31日（2024-03-31）. */
    public static String formatBoth(LocalDate date) {
        return format(date) + "（" + date + "）";
    }

    /** 令和, 平成, 昭和, ... */
    public static String eraName(JapaneseEra era) {
        return era.getDisplayName(TextStyle.FULL, Locale.JAPAN);
    }

    /** 元 for the first year of an era, the number otherwise. */
    static String yearNumber(int yearOfEra) {
        return yearOfEra == 1 ? "元" : Integer.toString(yearOfEra);
    }
}
