package jp.shinchoku.notification.messaging;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jp.shinchoku.contracts.Events;
import jp.shinchoku.notification.alerts.Alert;
import jp.shinchoku.notification.alerts.AlertEvent;
import jp.shinchoku.notification.alerts.AlertRule;
import jp.shinchoku.notification.alerts.Links;
import jp.shinchoku.notification.alerts.messaging.AlertContracts;
import jp.shinchoku.notification.alerts.messaging.ReportTimes;
import jp.shinchoku.notification.delivery.Delivered;
import jp.shinchoku.notification.delivery.messaging.DeliveryContracts;
import jp.shinchoku.platform.outbox.EventContracts;
import jp.shinchoku.platform.outbox.Outbox.OutboxEvent;
import org.springframework.stereotype.Component;

/** The events this service publishes, from what its domain raises. */
@Component
class NotificationEventContracts implements EventContracts {

    private final Links links;
    private final MeterRegistry meters;
    private final ReportTimes reportTimes;
    private final Clock clock;
    private final Timer toAlert;

    NotificationEventContracts(Links links, MeterRegistry meters, ReportTimes reportTimes, Clock clock) {
        this.links = links;
        this.meters = meters;
        this.reportTimes = reportTimes;
        this.clock = clock;
        this.toAlert = Timer.builder("shinchoku.report.to.alert")
                .description("From a report's recording to the alert it raised")
                .serviceLevelObjectives(Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(250),
                        Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofMillis(2500), Duration.ofSeconds(5),
                        Duration.ofSeconds(10), Duration.ofSeconds(30), Duration.ofSeconds(60), Duration.ofSeconds(120))
                .register(meters);
        for (AlertRule rule : AlertRule.values()) {
            for (String kind : List.of("raised", "resolved", "acknowledged", "escalated")) {
                Counter.builder("shinchoku.alert.events").description("Alerts raised, resolved, acknowledged and escalated")
                        .tag("event", kind).tag("rule", rule.name()).tag("severity", rule.severity().name())
                        .register(meters);
            }
        }
    }

    @Override
    public OutboxEvent<?> contractOf(Object event) {
        counted(event);
        // an alert about a KPI continues the trace of the progress change (and so of the report) that raised it
        return switch (event) {
            case AlertEvent.Raised raised -> new OutboxEvent<>(Events.ALERT_RAISED,
                    AlertContracts.raised(raised.alert(), links), causeOf(raised.alert()));
            case AlertEvent.Resolved resolved -> new OutboxEvent<>(Events.ALERT_RESOLVED,
                    AlertContracts.resolved(resolved.alert()), causeOf(resolved.alert()));
            case AlertEvent.Acknowledged acknowledged -> new OutboxEvent<>(Events.ALERT_ACKNOWLEDGED,
                    AlertContracts.acknowledged(acknowledged.alert()), causeOf(acknowledged.alert()));
            case Delivered delivered -> new OutboxEvent<>(Events.ALERT_DELIVERED,
                    DeliveryContracts.delivered(delivered.delivery(), delivered.notification()));
            default -> throw new IllegalArgumentException("the notification service publishes no " + event.getClass());
        };
    }

    private static String causeOf(Alert alert) {
        return alert.labels().get("kpiId");
    }

    /** Alerts raised, resolved and acknowledged, per rule and severity; a raised alert timed from its KPI's report. */
    private void counted(Object event) {
        Alert alert = switch (event) {
            case AlertEvent.Raised raised -> raised.alert();
            case AlertEvent.Resolved resolved -> resolved.alert();
            case AlertEvent.Acknowledged acknowledged -> acknowledged.alert();
            default -> null;
        };
        if (alert == null) {
            return;
        }
        String kind = switch (event) {
            case AlertEvent.Raised ignored -> "raised";
            case AlertEvent.Resolved ignored -> "resolved";
            default -> "acknowledged";
        };
        Counter.builder("shinchoku.alert.events").description("Alerts raised, resolved, acknowledged and escalated")
                .tag("event", kind).tag("rule", alert.rule().name()).tag("severity", alert.severity().name())
                .register(meters).increment();
        if (event instanceof AlertEvent.Raised) {
            reportTimes.of(alert.labels().get("kpiId")).map(reported -> Duration.between(reported, clock.instant()))
                    .filter(took -> !took.isNegative() && took.compareTo(Duration.ofHours(1)) < 0)
                    .ifPresent(toAlert::record);
        }
    }
}
