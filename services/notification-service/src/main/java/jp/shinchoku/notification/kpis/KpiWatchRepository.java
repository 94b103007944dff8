package jp.shinchoku.notification.kpis;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The KPIs being watched. Each update sets only its own half, so they may arrive in any order. */
public interface KpiWatchRepository {

    /** What the plan service says of a KPI: where it sits, its deadline, the plan's cadence and period. */
    record Definition(String kpiId, String planId, String municipalityCode, String measureCode, String departmentCode,
            String name, LocalDate deadline, boolean retired, String cadence, Integer planFromFiscalYear,
            Integer planToFiscalYear, String kind) {
    }

    KpiWatch saveDefinition(Definition definition);

    /** Keeps the progress and the status before it. */
    KpiWatch saveProgress(String kpiId, String planId, String departmentCode, LocalDate deadline, String status,
            String previousStatus, BigDecimal achievement, BigDecimal expectedAchievement, LocalDate asOf);

    /** A KPI's progress as the measurement service announced it. */
    record ProgressUpdate(String kpiId, String planId, String departmentCode, LocalDate deadline, String status,
            String previousStatus, BigDecimal achievement, BigDecimal expectedAchievement, LocalDate asOf) {
    }

    /** Keeps the progress of several KPIs (one bulk write, one read by key) and returns their watches. */
    List<KpiWatch> saveProgressAll(List<ProgressUpdate> updates);

    /** A fiscal year's verdict as the measurement service announced it. */
    record YearVerdict(String kpiId, int fiscalYear, boolean missed, BigDecimal value, BigDecimal target,
            List<String> shortMonths) {
    }

    /**
     * Keeps the verdicts of several KPIs' years (one bulk write, one read by key): a missed year is noted, a year
     * judged 達成 (again, after a correction) is no longer missed. Returns the watches of the KPIs.
     */
    List<KpiWatch> saveYearsAll(List<YearVerdict> verdicts);

    /**
     * A change to a KPI's submissions: a report submitted ({@code submission} awaiting), returned ({@code submission}
     * with its reason), or decided on or replaced ({@code submission} null: no longer kept).
     */
    record SubmissionUpdate(String kpiId, String measurementId, KpiWatch.Submission submission) {
    }

    /** Keeps the changes to several KPIs' submissions in one bulk write, in order, and returns the KPIs' watches. */
    List<KpiWatch> saveSubmissionsAll(List<SubmissionUpdate> updates);

    /** Notes that a value was reported for a KPI's reporting period ({@code FY2024-Q2}). */
    KpiWatch reported(String kpiId, String periodCode);

    /** Notes the reporting periods reported for several KPIs, in one bulk write. */
    void reportedAll(Map<String, ? extends Collection<String>> periodsByKpi);

    /** Every KPI being watched (the daily evaluation). */
    List<KpiWatch> findAll();

    /** A plan's KPIs (an event about one plan or one of its KPIs). */
    List<KpiWatch> findByPlan(String planId);

    /**
     * A department's KPIs, of every plan of its municipality (null where a KPI's definition has not said it): its
     * missing-report digests.
     */
    List<KpiWatch> findByDepartment(String municipalityCode, String departmentCode);

    Optional<KpiWatch> find(String kpiId);

    /** The watches of these KPIs, in one read by key. */
    List<KpiWatch> findAll(Collection<String> kpiIds);
}
