package jp.shinchoku.portal.api;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

/**
 * The notification service's inbox, alerts, silences and notification log, typed as the service answers them. Calls
 * go through {@link Api} with the signed-in user's token; a refusal is an {@link ApiProblemException}.
 */
@Component
public class NotificationClient {

    private final Api api;

    public NotificationClient(Api api) {
        this.api = api;
    }

    /** Who acknowledged an alert, with what is being done. */
    public record Acknowledgement(String by, Instant at, String comment) {
    }

    /**
     * An alert: its rule ({@code rule} its code, {@code REPORT_ESCALATED}; {@code ruleJa} its name), what it is about
     * (labels), since when, whether silenced or acknowledged.
     */
    public record Alert(String id, String severity, String state, String summaryJa, String summaryEn, String ruleJa,
            String firstRaisedAt, List<String> silencedBy, Map<String, String> labels,
            Acknowledgement acknowledgement, String rule) {
        public Alert {
            silencedBy = silencedBy == null ? List.of() : silencedBy;
            labels = labels == null ? Map.of() : labels;
        }
    }

    /** A silence in force until {@code endsAt}, for the alerts its matchers ({@code name=value}) match. */
    public record Silence(String id, List<String> matchers, String endsAt, String comment, String createdBy) {
        public Silence {
            matchers = matchers == null ? List.of() : matchers;
        }
    }

    public record Delivery(String channel, String status) {
    }

    /** What was sent to a receiver, why, and how many alerts it carried. */
    public record Notification(String createdAt, String receiver, String reason, List<Object> items) {
        public Notification {
            items = items == null ? List.of() : items;
        }
    }

    public record Sent(Notification notification, List<Delivery> deliveries) {
        public Sent {
            deliveries = deliveries == null ? List.of() : deliveries;
        }
    }

    /** The receiver's firing alerts ({@code promotion-hq}, {@code department:<code>}). */
    public List<Alert> firing(String receiver) {
        return MeasurementClient.list(api.get(Api.Service.NOTIFICATION, "/api/inbox?receiver={receiver}&state=FIRING",
                receiver), Alert.class);
    }

    public Alert alert(String alertId) {
        return MeasurementClient.one(api.get(Api.Service.NOTIFICATION, "/api/alerts/{alertId}", alertId), Alert.class);
    }

    public void acknowledge(String alertId, String comment) {
        api.post(Api.Service.NOTIFICATION, Map.of("comment", comment == null ? "" : comment),
                "/api/alerts/{alertId}/acknowledgement", alertId);
    }

    public List<Silence> activeSilences() {
        return MeasurementClient.list(api.get(Api.Service.NOTIFICATION, "/api/silences?state=active"), Silence.class);
    }

    /** A silence of the alerts these matchers match, until the end of {@code endsAt}, with why. */
    public Silence silence(List<String> matchers, String endsAt, String comment) {
        Map<String, Object> body = new java.util.LinkedHashMap<>();
        body.put("matchers", matchers);
        body.put("endsAt", endsAt == null ? "" : endsAt);
        body.put("comment", comment == null ? "" : comment);
        return MeasurementClient.one(api.post(Api.Service.NOTIFICATION, body, "/api/silences"), Silence.class);
    }

    public void expire(String silenceId) {
        api.delete(Api.Service.NOTIFICATION, "/api/silences/{id}", silenceId);
    }

    /** The last notifications sent, newest first. */
    public List<Sent> notifications() {
        return MeasurementClient.list(api.get(Api.Service.NOTIFICATION, "/api/notifications?limit=100"), Sent.class);
    }
}
