package jp.shinchoku.notification.alerts;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import jp.shinchoku.notification.kpis.KpiWatch;

/**
 * Decides on alerts. Each evaluation finds the conditions that hold now; an alert is raised for a new one, updated for
 * one seen again (the same labels), and resolved when its condition no longer holds. Safe to repeat.
 * <ul>
 * <li>{@link #evaluate(KpiWatch)}: the rules about one KPI, when its definition or progress changes;</li>
 * <li>{@link #evaluateAll(List)}: every rule over every KPI, on the daily schedule (time alone makes deadlines near
 * and reports overdue).</li>
 * </ul>
 */
public class AlertService {

    private final AlertRepository alerts;
    private final DeadlineRule deadlineRule;
    private final MissingReportRule missingReports;
    private final Clock clock;

    public AlertService(AlertRepository alerts, DeadlineRule deadlineRule, MissingReportRule missingReports, Clock clock) {
        this.alerts = alerts;
        this.deadlineRule = deadlineRule;
        this.missingReports = missingReports;
        this.clock = clock;
    }

    /** What an evaluation changed. */
    public record Outcome(int holding, int raised, int resolved) {
    }

    public Outcome evaluate(KpiWatch kpi) {
        return reconcile(kpiConditions(kpi, LocalDate.now(clock)), alerts.firingForKpi(kpi.kpiId()));
    }

    public Outcome evaluateAll(List<KpiWatch> kpis) {
        LocalDate today = LocalDate.now(clock);
        List<AlertCondition> found = new ArrayList<>();
        kpis.forEach(kpi -> found.addAll(kpiConditions(kpi, today)));
        found.addAll(missingReports.evaluate(kpis, today));
        return reconcile(found, alerts.firing());
    }

    /**
     * The missing-report rules for one department, when one of its reports arrives: its digest shrinks, and resolves
     * with the last missing report.
     */
    public Outcome evaluateReports(List<KpiWatch> kpis, String departmentCode) {
        List<AlertCondition> found = missingReports.evaluate(kpis, LocalDate.now(clock)).stream()
                .filter(c -> departmentCode.equals(c.labels().get("departmentCode"))).toList();
        List<Alert> firing = alerts.firing().stream()
                .filter(a -> a.rule() == AlertRule.REPORT_MISSING || a.rule() == AlertRule.REPORT_ESCALATED)
                .filter(a -> departmentCode.equals(a.labels().get("departmentCode"))).toList();
        return reconcile(found, firing);
    }

    private List<AlertCondition> kpiConditions(KpiWatch kpi, LocalDate today) {
        List<AlertCondition> found = new ArrayList<>();
        deadlineRule.evaluate(kpi, today).ifPresent(found::add);
        found.addAll(KpiStatusRules.evaluate(kpi));
        return found;
    }

    private Outcome reconcile(List<AlertCondition> found, List<Alert> firing) {
        Instant now = clock.instant();
        int raised = 0;
        for (AlertCondition condition : found) {
            raised += fire(condition, now) ? 1 : 0;
        }
        Set<String> holding = found.stream().map(AlertCondition::alertId).collect(Collectors.toSet());
        int resolved = 0;
        for (Alert alert : firing) {
            if (!holding.contains(alert.id())) {
                alerts.resolve(new Alert(alert.id(), alert.rule(), alert.receiver(), alert.labels(), alert.summaryJa(),
                        alert.summaryEn(), Alert.State.RESOLVED, alert.firstRaisedAt(), alert.lastSeenAt(), now));
                resolved++;
            }
        }
        return new Outcome(holding.size(), raised, resolved);
    }

    /** @return whether the alert was raised (rather than seen again) */
    private boolean fire(AlertCondition condition, Instant now) {
        Optional<Alert> existing = alerts.find(condition.alertId()).filter(a -> a.state() == Alert.State.FIRING);
        Alert alert = new Alert(condition.alertId(), condition.rule(), condition.receiver(), condition.labels(),
                condition.summaryJa(), condition.summaryEn(), Alert.State.FIRING,
                existing.map(Alert::firstRaisedAt).orElse(now), now, null);
        if (existing.isPresent()) {
            alerts.seenAgain(alert);
            return false;
        }
        alerts.raise(alert);
        return true;
    }

    public List<Alert> inbox(String receiver, Alert.State state) {
        return alerts.inbox(receiver, state);
    }
}
