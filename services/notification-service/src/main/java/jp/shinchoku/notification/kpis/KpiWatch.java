package jp.shinchoku.notification.kpis;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What this service knows of a KPI to decide on alerts: its definition (from the plan service) and its
 * latest progress (from the measurement service). Either half may arrive first; absent parts are null. A
 * {@code retired} KPI's measure was ended by a plan revision: nothing is alerted for it any more.
 *
 * @param previousStatus  the status before the latest progress change
 * @param cadence         the plan's reporting cadence ({@code quarterly}, …); null where the plan does not say
 * @param reportedPeriods the reporting periods a value was recorded for
 * @param kind            the KPI's kind ({@code count}, …, {@code undefined} while its target is 未設定)
 * @param missedYears     the fiscal years judged 未達 (by their label, {@code FY2023}), for a KPI judged year by year
 * @param submissions     the KPI's reports the 推進本部 has yet to approve, or has returned (by measurement id)
 */
public record KpiWatch(
        String kpiId,
        String planId,
        String measureCode,
        String departmentCode,
        String name,
        LocalDate deadline,
        String status,
        BigDecimal achievement,
        BigDecimal expectedAchievement,
        LocalDate progressAsOf,
        Boolean retired,
        String previousStatus,
        String municipalityCode,
        String cadence,
        Integer planFromFiscalYear,
        Integer planToFiscalYear,
        List<String> reportedPeriods,
        String kind,
        Map<String, MissedYear> missedYears,
        Map<String, Submission> submissions) {

    public KpiWatch {
        reportedPeriods = reportedPeriods == null ? List.of() : List.copyOf(reportedPeriods);
        missedYears = missedYears == null ? Map.of() : java.util.Collections.unmodifiableMap(new TreeMap<>(missedYears));
        submissions = submissions == null ? Map.of() : java.util.Collections.unmodifiableMap(new TreeMap<>(submissions));
    }

    /** The watch as it was before submissions were kept. */
    public KpiWatch(String kpiId, String planId, String measureCode, String departmentCode, String name,
            LocalDate deadline, String status, BigDecimal achievement, BigDecimal expectedAchievement,
            LocalDate progressAsOf, Boolean retired, String previousStatus, String municipalityCode, String cadence,
            Integer planFromFiscalYear, Integer planToFiscalYear, List<String> reportedPeriods, String kind,
            Map<String, MissedYear> missedYears) {
        this(kpiId, planId, measureCode, departmentCode, name, deadline, status, achievement, expectedAchievement,
                progressAsOf, retired, previousStatus, municipalityCode, cadence, planFromFiscalYear, planToFiscalYear,
                reportedPeriods, kind, missedYears, null);
    }

    /**
     * A report submitted to a 推進本部 that approves reports (提出済): awaiting its decision, or returned (差戻し) with
     * a reason until the department corrects it.
     *
     * @param period      its reporting period ({@code FY2024-Q2})
     * @param submittedOn the day it was submitted
     * @param returned    why it was returned; null while it awaits a decision
     */
    public record Submission(String period, LocalDate submittedOn, String returned, String department) {

        /** A submission as kept before the department it came from was. */
        public Submission(String period, LocalDate submittedOn, String returned) {
            this(period, submittedOn, returned, null);
        }

        public boolean awaiting() {
            return returned == null;
        }
    }

    /** A fiscal year the KPI missed: what it came to against what it was to (and, for a monthly minimum, the months short). */
    public record MissedYear(int fiscalYear, BigDecimal value, BigDecimal target, List<String> shortMonths) {

        public MissedYear {
            shortMonths = shortMonths == null ? List.of() : List.copyOf(shortMonths);
        }

        /** The year's key among a watch's missed years: {@code FY2023}. */
        public static String key(int fiscalYear) {
            return "FY" + fiscalYear;
        }
    }

    /** A watch as the deadline rule first knew it: no status history, cadence, period or reports. */
    public KpiWatch(String kpiId, String planId, String measureCode, String departmentCode, String name,
            LocalDate deadline, String status, BigDecimal achievement, BigDecimal expectedAchievement,
            LocalDate progressAsOf, Boolean retired) {
        this(kpiId, planId, measureCode, departmentCode, name, deadline, status, achievement, expectedAchievement,
                progressAsOf, retired, null, null, null, null, null, null, null, null);
    }

    /** A watch as the missing-report rule first knew it: without the KPI's kind. */
    public KpiWatch(String kpiId, String planId, String measureCode, String departmentCode, String name,
            LocalDate deadline, String status, BigDecimal achievement, BigDecimal expectedAchievement,
            LocalDate progressAsOf, Boolean retired, String previousStatus, String municipalityCode, String cadence,
            Integer planFromFiscalYear, Integer planToFiscalYear, List<String> reportedPeriods) {
        this(kpiId, planId, measureCode, departmentCode, name, deadline, status, achievement, expectedAchievement,
                progressAsOf, retired, previousStatus, municipalityCode, cadence, planFromFiscalYear, planToFiscalYear,
                reportedPeriods, null, null);
    }

    /** Whether the KPI's target is still 未設定 (to be decided). */
    public boolean targetUndecided() {
        return "undefined".equals(kind);
    }

    public boolean isRetired() {
        return Boolean.TRUE.equals(retired);
    }

    /** Whether a value was reported for the reporting period with this code ({@code FY2024-Q2}, {@code 2024-07}). */
    public boolean reported(String periodCode) {
        return reportedPeriods.contains(periodCode);
    }

    /** The name to show: the KPI's name, or its id while the definition has not arrived. */
    public String displayName() {
        return name == null ? kpiId : name;
    }
}
