package jp.shinchoku.notification.alerts.config;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import jp.shinchoku.notification.alerts.Alert;
import jp.shinchoku.notification.alerts.AlertRepository;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * The alerts firing per municipality, rule and severity, and those nobody has acknowledged yet, as gauges for the
 * 推進本部 overview: counted from the firing alerts every {@code shinchoku.notification.metrics.refresh} (five
 * minutes), in the store's batches, never on an event's path. Labels are bounded: municipalities × rules × severities.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
public class AlertMetrics {

    @Bean
    Gauges alertGauges(AlertRepository alerts, MeterRegistry meters) {
        return new Gauges(alerts, meters);
    }

    public static class Gauges {

        private final AlertRepository alerts;
        private final MultiGauge firing;
        private final MultiGauge unacknowledged;

        Gauges(AlertRepository alerts, MeterRegistry meters) {
            this.alerts = alerts;
            this.firing = MultiGauge.builder("shinchoku.alerts.firing")
                    .description("Alerts firing, by municipality, rule and severity").register(meters);
            this.unacknowledged = MultiGauge.builder("shinchoku.alerts.unacknowledged")
                    .description("Firing alerts nobody has acknowledged, by municipality and severity").register(meters);
        }

        @Scheduled(initialDelayString = "${shinchoku.notification.metrics.first:PT30S}",
                fixedDelayString = "${shinchoku.notification.metrics.refresh:PT5M}")
        public void refresh() {
            Map<Tags, Integer> byRule = new HashMap<>();
            Map<Tags, Integer> open = new HashMap<>();
            for (Alert alert : alerts.firing()) {
                String municipality = Objects.requireNonNullElse(alert.labels().get("municipality"), "unknown");
                String severity = alert.severity().name();
                byRule.merge(Tags.of("municipality", municipality, "rule", alert.rule().name(), "severity", severity), 1,
                        Integer::sum);
                if (alert.acknowledgement() == null) {
                    open.merge(Tags.of("municipality", municipality, "severity", severity), 1, Integer::sum);
                }
            }
            firing.register(rows(byRule), true);
            unacknowledged.register(rows(open), true);
        }

        private static List<MultiGauge.Row<?>> rows(Map<Tags, Integer> counts) {
            List<MultiGauge.Row<?>> rows = new ArrayList<>();
            counts.forEach((tags, count) -> rows.add(MultiGauge.Row.of(tags, count)));
            return rows;
        }
    }
}
