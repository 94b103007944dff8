package jp.shinchoku.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.MonthDay;

/**
 * A municipality's business days (開庁日): not Saturdays, Sundays, public holidays ({@link JapaneseHolidays}) or
 * the year-end closure (年末年始の休庁日, 29 December to 3 January).
 */
public final class BusinessDays {

    private static final MonthDay CLOSURE_START = MonthDay.of(12, 29);
    private static final MonthDay CLOSURE_END = MonthDay.of(1, 3);

    private BusinessDays() {
    }

    public static boolean isBusinessDay(LocalDate date) {
        DayOfWeek day = date.getDayOfWeek();
        return day != DayOfWeek.SATURDAY && day != DayOfWeek.SUNDAY && !yearEndClosure(date)
                && !JapaneseHolidays.isHoliday(date);
    }

    /** 年末年始: 29 December to 3 January. */
    public static boolean yearEndClosure(LocalDate date) {
        MonthDay day = MonthDay.from(date);
        return !day.isBefore(CLOSURE_START) || !day.isAfter(CLOSURE_END);
    }

    /** The business day {@code days} business days after {@code date} (0: {@code date} itself if a business day, else the next). */
    public static LocalDate plus(LocalDate date, int days) {
        LocalDate day = date;
        while (!isBusinessDay(day)) {
            day = day.plusDays(1);
        }
        for (int i = 0; i < days; i++) {
            day = day.plusDays(1);
            while (!isBusinessDay(day)) {
                day = day.plusDays(1);
            }
        }
        return day;
    }

    /** How many business days lie after {@code from} up to and including {@code to} (0 if {@code to} is not later). */
    public static int between(LocalDate from, LocalDate to) {
        int count = 0;
        for (LocalDate day = from.plusDays(1); !day.isAfter(to); day = day.plusDays(1)) {
            if (isBusinessDay(day)) {
                count++;
            }
        }
        return count;
    }
}
