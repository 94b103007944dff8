package jp.shinchoku.measurement.progress;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

import jp.shinchoku.calendar.FiscalYear;

/**
 * A KPI's result for one ended fiscal year (年度の判定), for the KPIs judged year by year: what the year came to,
 * what it was to come to, and whether it did. Kept with the KPI's progress from the morning after the year ends;
 * judged again only when a value of that year is corrected while the year is open.
 *
 * @param fiscalYear  the fiscal year (its starting calendar year: 2023 is 令和5年度)
 * @param value       what the year came to (the year's sum, its value or the level at its end); null when nothing was
 *                    reported for it
 * @param target      what it was to come to that year
 * @param shortMonths for a per-month minimum, the months (yyyy-MM) below it; they make the year 未達 whatever its sum
 * @param judgedOn    the day the verdict was first made as it stands
 */
public record YearVerdict(int fiscalYear, BigDecimal value, BigDecimal target, Verdict verdict,
        List<String> shortMonths, LocalDate judgedOn) {

    public enum Verdict {
        /** 達成 */
        ACHIEVED,
        /** 未達 */
        MISSED
    }

    public YearVerdict {
        Objects.requireNonNull(verdict, "verdict");
        shortMonths = shortMonths == null ? List.of() : List.copyOf(shortMonths);
    }

    public FiscalYear year() {
        return FiscalYear.of(fiscalYear);
    }

    /** Whether this says the same of its year as {@code other} (whenever each was made). */
    public boolean sameAs(YearVerdict other) {
        return other != null && fiscalYear == other.fiscalYear && verdict == other.verdict
                && sameNumber(value, other.value) && sameNumber(target, other.target)
                && shortMonths.equals(other.shortMonths);
    }

    YearVerdict judgedOn(LocalDate day) {
        return new YearVerdict(fiscalYear, value, target, verdict, shortMonths, day);
    }

    public static boolean sameNumber(BigDecimal a, BigDecimal b) {
        return Objects.equals(a, b) || (a != null && b != null && a.compareTo(b) == 0);
    }
}
