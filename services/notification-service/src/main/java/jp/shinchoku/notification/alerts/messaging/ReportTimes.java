package jp.shinchoku.notification.alerts.messaging;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;

/**
 * When each KPI's latest report was recorded, as the measurement events said, for the time from a report to the alert
 * it raises. Bounded: the most recent {@value #KEPT} KPIs; an alert about an older one is not timed.
 */
@Component
public class ReportTimes {

    static final int KEPT = 50_000;

    private final Map<String, Instant> latest = Collections.synchronizedMap(new LinkedHashMap<>(1024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Instant> eldest) {
            return size() > KEPT;
        }
    });

    public void noted(String kpiId, Instant recordedAt) {
        if (kpiId != null && recordedAt != null) {
            latest.put(kpiId, recordedAt);
        }
    }

    public Optional<Instant> of(String kpiId) {
        return kpiId == null ? Optional.empty() : Optional.ofNullable(latest.get(kpiId));
    }
}
