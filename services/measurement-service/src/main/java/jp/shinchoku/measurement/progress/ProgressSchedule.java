package jp.shinchoku.measurement.progress;

import java.time.LocalDate;
import java.util.Map;
import java.util.Set;

/**
 * On which day each KPI's progress may next change with the calendar alone (a threshold crossed, the deadline passed,
 * a fiscal year begun), so that the daily run reads only the KPIs the new day can change.
 */
public interface ProgressSchedule {

    /** Each KPI is looked at again on its day (a KPI may be listed on an earlier day too: it is then looked at twice). */
    void plan(Map<String, LocalDate> nextChange);

    /** The KPIs planned for a day after {@code after} up to {@code upTo}. */
    Set<String> due(LocalDate after, LocalDate upTo);

    /** The days after {@code after} up to {@code upTo} are done. */
    void done(LocalDate after, LocalDate upTo);
}
