package jp.shinchoku.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.time.temporal.TemporalAdjusters;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Japan's public holidays (国民の祝日), computed from the 国民の祝日に関する法律 as amended, for 2007 to 2099:
 * the fixed days, the Happy Monday days, 春分の日 and 秋分の日 by the astronomical approximation the Cabinet Office's
 * announcements follow, 振替休日 (a holiday on a Sunday moves to the next day that is not a holiday), 国民の休日 (a
 * day between two holidays), and the one-off changes of 2019 (the enthronement) and 2020–2021 (the Tokyo Games).
 * Tested against the Cabinet Office's published lists.
 */
public final class JapaneseHolidays {

    public static final int FIRST_YEAR = 2007;
    public static final int LAST_YEAR = 2099;

    private static final Map<Integer, Map<LocalDate, String>> BY_YEAR = new ConcurrentHashMap<>();

    private JapaneseHolidays() {
    }

    /** The holiday's name (元日, 振替休日, 国民の休日, …), or empty for an ordinary day. */
    public static Optional<String> name(LocalDate date) {
        return Optional.ofNullable(of(date.getYear()).get(date));
    }

    public static boolean isHoliday(LocalDate date) {
        return name(date).isPresent();
    }

    /** A year's holidays in date order. */
    public static Map<LocalDate, String> of(int year) {
        if (year < FIRST_YEAR || year > LAST_YEAR) {
            throw new IllegalArgumentException("holidays are known for " + FIRST_YEAR + "–" + LAST_YEAR + ", not " + year);
        }
        return BY_YEAR.computeIfAbsent(year, JapaneseHolidays::compute);
    }

    private static Map<LocalDate, String> compute(int year) {
        TreeMap<LocalDate, String> days = new TreeMap<>();
        days.put(LocalDate.of(year, 1, 1), "元日");
        days.put(monday(year, Month.JANUARY, 2), "成人の日");
        days.put(LocalDate.of(year, 2, 11), "建国記念の日");
        if (year >= 2020) {
            days.put(LocalDate.of(year, 2, 23), "天皇誕生日");
        }
        days.put(LocalDate.of(year, 3, vernalEquinox(year)), "春分の日");
        days.put(LocalDate.of(year, 4, 29), "昭和の日");
        days.put(LocalDate.of(year, 5, 3), "憲法記念日");
        days.put(LocalDate.of(year, 5, 4), "みどりの日");
        days.put(LocalDate.of(year, 5, 5), "こどもの日");
        switch (year) {
            case 2020 -> {
                days.put(LocalDate.of(2020, 7, 23), "海の日");
                days.put(LocalDate.of(2020, 7, 24), "スポーツの日");
                days.put(LocalDate.of(2020, 8, 10), "山の日");
            }
            case 2021 -> {
                days.put(LocalDate.of(2021, 7, 22), "海の日");
                days.put(LocalDate.of(2021, 7, 23), "スポーツの日");
                days.put(LocalDate.of(2021, 8, 8), "山の日");
            }
            default -> {
                days.put(monday(year, Month.JULY, 3), "海の日");
                if (year >= 2016) {
                    days.put(LocalDate.of(year, 8, 11), "山の日");
                }
                days.put(monday(year, Month.OCTOBER, 2), year >= 2020 ? "スポーツの日" : "体育の日");
            }
        }
        days.put(monday(year, Month.SEPTEMBER, 3), "敬老の日");
        days.put(LocalDate.of(year, 9, autumnalEquinox(year)), "秋分の日");
        days.put(LocalDate.of(year, 11, 3), "文化の日");
        days.put(LocalDate.of(year, 11, 23), "勤労感謝の日");
        if (year <= 2018) {
            days.put(LocalDate.of(year, 12, 23), "天皇誕生日");
        }
        if (year == 2019) {
            days.put(LocalDate.of(2019, 5, 1), "即位の日");
            days.put(LocalDate.of(2019, 10, 22), "即位礼正殿の儀の行われる日");
        }
        addCitizensHolidays(days);
        addSubstituteHolidays(days);
        return java.util.Collections.unmodifiableMap(days);
    }

    /** 国民の休日: a day that is not itself a holiday (nor a Sunday) between two holidays. */
    private static void addCitizensHolidays(TreeMap<LocalDate, String> days) {
        for (LocalDate day : java.util.List.copyOf(days.keySet())) {
            LocalDate between = day.plusDays(1);
            if (!days.containsKey(between) && days.containsKey(between.plusDays(1))
                    && between.getDayOfWeek() != DayOfWeek.SUNDAY) {
                days.put(between, "国民の休日");
            }
        }
    }

    /** 振替休日: a holiday on a Sunday makes the next day that is not a holiday a holiday. */
    private static void addSubstituteHolidays(TreeMap<LocalDate, String> days) {
        for (LocalDate day : java.util.List.copyOf(days.keySet())) {
            if (day.getDayOfWeek() == DayOfWeek.SUNDAY) {
                LocalDate substitute = day.plusDays(1);
                while (days.containsKey(substitute)) {
                    substitute = substitute.plusDays(1);
                }
                days.put(substitute, "振替休日");
            }
        }
    }

    private static LocalDate monday(int year, Month month, int ordinal) {
        return LocalDate.of(year, month, 1).with(TemporalAdjusters.dayOfWeekInMonth(ordinal, DayOfWeek.MONDAY));
    }

    /** 春分日, by the approximation valid 1980–2099 that the Cabinet Office's announcements agree with. */
    static int vernalEquinox(int year) {
        return (int) Math.floor(20.8431 + 0.242194 * (year - 1980) - Math.floor((year - 1980) / 4.0));
    }

    /** 秋分日, likewise. */
    static int autumnalEquinox(int year) {
        return (int) Math.floor(23.2488 + 0.242194 * (year - 1980) - Math.floor((year - 1980) / 4.0));
    }
}
