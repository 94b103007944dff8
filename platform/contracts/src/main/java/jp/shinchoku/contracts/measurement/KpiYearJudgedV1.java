package jp.shinchoku.contracts.measurement;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * {@code kpi.year-judged.v1}: a fiscal year's verdict (年度の判定) for a KPI judged year by year (recurring, relative to
 * the previous year, counted per period, a level to keep), made the morning after the year ends and made again only
 * when a correction of that year changes it. Keyed by KPI id on the progress topic, after the progress change that
 * made it.
 *
 * @param fiscalYear      the fiscal year judged: its starting calendar year (2023 is 令和5年度, April 2023 – March 2024)
 * @param value           what the year came to; null when nothing was reported for it
 * @param target          what it was to come to
 * @param verdict         {@code ACHIEVED} (達成) or {@code MISSED} (未達)
 * @param previousVerdict the year's verdict before a correction changed it; null for a first verdict
 * @param shortMonths     for a per-month minimum, the months (yyyy-MM) below it (they make the year 未達)
 * @param judgedOn        the day the verdict was made
 */
public record KpiYearJudgedV1(
        String kpiId,
        String planId,
        String municipalityCode,
        String departmentCode,
        int fiscalYear,
        BigDecimal value,
        BigDecimal target,
        String verdict,
        String previousVerdict,
        List<String> shortMonths,
        LocalDate judgedOn) {

    public KpiYearJudgedV1 {
        Objects.requireNonNull(kpiId, "kpiId");
        Objects.requireNonNull(planId, "planId");
        Objects.requireNonNull(verdict, "verdict");
        shortMonths = shortMonths == null ? List.of() : List.copyOf(shortMonths);
    }
}
