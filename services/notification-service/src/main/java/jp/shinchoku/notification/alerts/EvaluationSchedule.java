package jp.shinchoku.notification.alerts;

import java.time.LocalDate;
import java.util.Map;
import java.util.Set;

/**
 * On which day each KPI, plan, department and alert is to be looked at again, because the calendar alone may change
 * what its rules find (a deadline near, a report overdue, a milestone due, an alert left unacknowledged), so that the
 * daily evaluation reads only those, by key.
 */
public interface EvaluationSchedule {

    /** What is planned: a KPI's rules, a plan's, a department's missing-report digests, an alert's escalation. */
    enum Kind {
        KPI, PLAN, DEPARTMENT, ALERT
    }

    /** Each id is looked at again on its day (an id may be planned for several days: it is then looked at on each). */
    void plan(Kind kind, Map<String, LocalDate> next);

    /** The ids of a kind planned for a day from {@code from} up to {@code upTo}, both included. */
    Set<String> due(Kind kind, LocalDate from, LocalDate upTo);

    /** The days from {@code from} up to {@code upTo} are done (every kind). */
    void done(LocalDate from, LocalDate upTo);

    /** No schedule: nothing planned, nothing due (the daily evaluation is then the full one). */
    EvaluationSchedule NONE = new EvaluationSchedule() {
        @Override
        public void plan(Kind kind, Map<String, LocalDate> next) {
        }

        @Override
        public Set<String> due(Kind kind, LocalDate from, LocalDate upTo) {
            return Set.of();
        }

        @Override
        public void done(LocalDate from, LocalDate upTo) {
        }
    };

    /** A department's id in the schedule: its municipality (empty where unknown) and its code. */
    static String department(String municipality, String departmentCode) {
        return (municipality == null ? "" : municipality) + "/" + departmentCode;
    }
}
