package jp.shinchoku.calendar;

import java.text.Normalizer;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A reporting period (報告期間) within a fiscal year: the whole year, a half (上期 April–September, 下期
 * October–March), a quarter (第1四半期 April–June … 第4四半期 January–March) or a month.
 * <p>
 * Written as a code: {@code FY2024} (令和6年度), {@code FY2024-H1}, {@code FY2024-Q2}, and a month as its calendar
 * month {@code 2025-01} (January 2025, in FY2024). A period's report is due by the end of the following month
 * (翌月末), the custom of municipal progress reports.
 *
 * @param index 1-based position in the fiscal year (a month's index is 1 for April … 12 for March)
 */
public record ReportingPeriod(FiscalYear fiscalYear, ReportingCadence cadence, int index)
        implements Comparable<ReportingPeriod> {

    private static final Pattern FISCAL = Pattern.compile("FY(\\d{4})(?:-([HQ])(\\d))?");
    private static final Pattern MONTH = Pattern.compile("(\\d{4})-(\\d{2})");
    private static final Pattern LABEL = Pattern.compile("(.+年度)(?:第(\\d)四半期|(上期|下期))?");

    public ReportingPeriod {
        Objects.requireNonNull(fiscalYear, "fiscalYear");
        Objects.requireNonNull(cadence, "cadence");
        if (index < 1 || index > cadence.periodsPerYear()) {
            throw new IllegalArgumentException(cadence + " has no period " + index);
        }
    }

    /** The period of this cadence that contains a date. */
    public static ReportingPeriod containing(ReportingCadence cadence, LocalDate date) {
        FiscalYear year = FiscalYear.containing(date);
        long monthsIn = ChronoUnit.MONTHS.between(YearMonth.from(year.firstDay()), YearMonth.from(date));
        return new ReportingPeriod(year, cadence, (int) (monthsIn / cadence.months()) + 1);
    }

    /**
     * Reads a period code ({@code FY2024}, {@code FY2024-H2}, {@code FY2024-Q3}, {@code 2025-01}) or its Japanese
     * label ({@code 令和6年度}, {@code 令和6年度上期}, {@code 令和6年度第3四半期}, {@code 令和7年1月}); full-width
     * characters are allowed.
     *
     * @throws InvalidDateReferenceException for anything else, in Japanese and English
     */
    public static ReportingPeriod parse(String text) {
        String code = text == null ? "" : Normalizer.normalize(text, Normalizer.Form.NFKC).strip().toUpperCase();
        Matcher fiscal = FISCAL.matcher(code);
        if (fiscal.matches()) {
            FiscalYear year = FiscalYear.of(Integer.parseInt(fiscal.group(1)));
            if (fiscal.group(2) == null) {
                return new ReportingPeriod(year, ReportingCadence.ANNUAL, 1);
            }
            ReportingCadence cadence = "H".equals(fiscal.group(2)) ? ReportingCadence.SEMIANNUAL : ReportingCadence.QUARTERLY;
            int index = Integer.parseInt(fiscal.group(3));
            if (index >= 1 && index <= cadence.periodsPerYear()) {
                return new ReportingPeriod(year, cadence, index);
            }
        }
        Matcher month = MONTH.matcher(code);
        if (month.matches() && Integer.parseInt(month.group(2)) >= 1 && Integer.parseInt(month.group(2)) <= 12) {
            return containing(ReportingCadence.MONTHLY,
                    LocalDate.of(Integer.parseInt(month.group(1)), Integer.parseInt(month.group(2)), 1));
        }
        Matcher label = LABEL.matcher(code);
        if (label.matches()) {
            FiscalYear year = FiscalYear.parse(label.group(1));
            if (label.group(2) != null && Integer.parseInt(label.group(2)) >= 1 && Integer.parseInt(label.group(2)) <= 4) {
                return new ReportingPeriod(year, ReportingCadence.QUARTERLY, Integer.parseInt(label.group(2)));
            }
            if (label.group(3) != null) {
                return new ReportingPeriod(year, ReportingCadence.SEMIANNUAL, "上期".equals(label.group(3)) ? 1 : 2);
            }
            if (label.group(2) == null) {
                return new ReportingPeriod(year, ReportingCadence.ANNUAL, 1);
            }
        }
        if (code.endsWith("月")) {
            DateReference named = DateReferences.parse(code);
            if (named.precision() == DateReference.Precision.MONTH) {
                return containing(ReportingCadence.MONTHLY, named.firstDay());
            }
        }
        throw new InvalidDateReferenceException(
                "報告期間「" + text + "」を読めません（例: FY2024 または 令和6年度、FY2024-H1 または 令和6年度上期、FY2024-Q2 または 令和6年度第2四半期、2024-07 または 令和6年7月）",
                "cannot read the reporting period '" + text + "' (e.g. FY2024, FY2024-H1, FY2024-Q2, 2024-07)");
    }

    public LocalDate firstDay() {
        return fiscalYear.firstDay().plusMonths((long) (index - 1) * cadence.months());
    }

    public LocalDate lastDay() {
        return firstDay().plusMonths(cadence.months()).minusDays(1);
    }

    /** 翌月末: the day the period's report is due, the last day of the month after the period. */
    public LocalDate reportDue() {
        return YearMonth.from(lastDay()).plusMonths(1).atEndOfMonth();
    }

    public boolean contains(LocalDate date) {
        return !date.isBefore(firstDay()) && !date.isAfter(lastDay());
    }

    public ReportingPeriod next() {
        return containing(cadence, lastDay().plusDays(1));
    }

    public ReportingPeriod previous() {
        return containing(cadence, firstDay().minusDays(1));
    }

    /** {@code FY2024}, {@code FY2024-H1}, {@code FY2024-Q2}, {@code 2024-07}. */
    public String code() {
        return switch (cadence) {
            case ANNUAL -> fiscalYear.labelEn();
            case SEMIANNUAL -> fiscalYear.labelEn() + "-H" + index;
            case QUARTERLY -> fiscalYear.labelEn() + "-Q" + index;
            case MONTHLY -> YearMonth.from(firstDay()).toString();
        };
    }

    /** 令和6年度, 令和6年度上期, 令和6年度第2四半期, 令和7年1月. */
    public String label() {
        return switch (cadence) {
            case ANNUAL -> fiscalYear.label();
            case SEMIANNUAL -> fiscalYear.label() + (index == 1 ? "上期" : "下期");
            case QUARTERLY -> fiscalYear.label() + "第" + index + "四半期";
            case MONTHLY -> {
                String day = Wareki.format(firstDay());
                yield day.substring(0, day.indexOf('月') + 1);
            }
        };
    }

    @Override
    public int compareTo(ReportingPeriod other) {
        int byStart = firstDay().compareTo(other.firstDay());
        return byStart != 0 ? byStart : Integer.compare(cadence.months(), other.cadence.months());
    }

    @Override
    public String toString() {
        return code();
    }
}
