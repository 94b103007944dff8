package jp.shinchoku.notification.alerts;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import jp.shinchoku.notification.kpis.KpiWatch;

/** Decides on alerts whenever what is known of a KPI changes. Safe to repeat. */
public class AlertService {

    private final AlertRepository alerts;
    private final DeadlineRule deadlineRule;
    private final Clock clock;

    public AlertService(AlertRepository alerts, DeadlineRule deadlineRule, Clock clock) {
        this.alerts = alerts;
        this.deadlineRule = deadlineRule;
        this.clock = clock;
    }

    public void evaluate(KpiWatch kpi) {
        Instant now = clock.instant();
        Optional<AlertCondition> condition = deadlineRule.evaluate(kpi, LocalDate.now(clock));
        condition.ifPresent(found -> fire(found, now));
        for (Alert firing : alerts.firingForKpi(kpi.kpiId())) {
            if (condition.map(c -> !c.alertId().equals(firing.id())).orElse(true)) {
                alerts.resolve(new Alert(firing.id(), firing.rule(), firing.receiver(), firing.labels(), firing.summaryJa(),
                        firing.summaryEn(), Alert.State.RESOLVED, firing.firstRaisedAt(), firing.lastSeenAt(), now));
            }
        }
    }

    private void fire(AlertCondition condition, Instant now) {
        Optional<Alert> existing = alerts.find(condition.alertId());
        Alert alert = new Alert(condition.alertId(), condition.rule(), condition.receiver(), condition.labels(),
                condition.summaryJa(), condition.summaryEn(), Alert.State.FIRING,
                existing.filter(a -> a.state() == Alert.State.FIRING).map(Alert::firstRaisedAt).orElse(now), now, null);
        if (existing.isPresent() && existing.get().state() == Alert.State.FIRING) {
            alerts.seenAgain(alert);
        } else {
            alerts.raise(alert);
        }
    }

    public List<Alert> inbox(String receiver, Alert.State state) {
        return alerts.inbox(receiver, state);
    }
}
