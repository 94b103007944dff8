package jp.shinchoku.notification.alerts;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Where alerts are kept; each change that others follow is stored with its event in one atomic write. */
public interface AlertRepository {

    Optional<Alert> find(String alertId);

    List<Alert> findAll(Collection<String> alertIds);

    /**
     * Stores new or re-firing alerts, each with its {@code alert.raised} event, in one bulk write; an alert another
     * instance raised meanwhile counts as seen again.
     */
    void raiseAll(List<Alert> alerts);

    /**
     * Records that firing alerts' conditions were seen again (no event), with what they say now (labels, text,
     * receivers, link), in one bulk write.
     */
    void seenAgainAll(List<Alert> alerts);

    /** Resolves firing alerts, each with its {@code alert.resolved} event, in one bulk write. */
    void resolveAll(List<Alert> alerts);

    /** Records the acknowledgement of a firing, unacknowledged alert, with its event; false if it was not. */
    boolean acknowledge(Alert alert);

    /** Records that unacknowledged alerts were escalated to another receiver, in one bulk write. */
    void escalateAll(List<Alert> alerts);

    /** Firing alerts about the KPI (the rules per KPI decide these). */
    List<Alert> firingForKpi(String kpiId);

    /** Firing alerts about the plan. */
    List<Alert> firingForPlan(String planId);

    /** The firing alerts about each of these KPIs, in two reads by key (a KPI without any is absent). */
    Map<String, List<Alert>> firingForKpis(Collection<String> kpiIds);

    /** The firing alerts about a department of a municipality (its missing reports, its KPIs). */
    List<Alert> firingForDepartment(String municipality, String departmentCode);

    /** Every firing alert. */
    List<Alert> firing();

    /** A receiver's alerts (everyone's, when the query names none), newest first. */
    List<Alert> inbox(InboxQuery query);

    /**
     * What an inbox lists: a receiver's alerts, optionally of one state, rule, municipality, plan or department, and
     * acknowledged or not. Null means any.
     */
    record InboxQuery(String receiver, Alert.State state, AlertRule rule, String municipality, String planId,
            String departmentCode, Boolean acknowledged) {

        public static InboxQuery of(String receiver, Alert.State state) {
            return new InboxQuery(receiver, state, null, null, null, null, null);
        }
    }
}
