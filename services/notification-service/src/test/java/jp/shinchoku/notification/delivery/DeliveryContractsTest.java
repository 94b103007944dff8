package jp.shinchoku.notification.delivery;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import jp.shinchoku.contracts.Events;
import jp.shinchoku.notification.alerts.Alert;
import jp.shinchoku.notification.alerts.AlertRule;
import jp.shinchoku.notification.delivery.messaging.DeliveryContracts;
import jp.shinchoku.platform.events.EventJson;
import jp.shinchoku.testsupport.GoldenSamples;
import org.junit.jupiter.api.Test;

class DeliveryContractsTest {

    private final EventJson json = new EventJson();

    @Test
    void writesAlertDelivered() {
        Instant at = Instant.parse("2023-10-02T00:05:00Z");
        Notification notification = new Notification("ntf-5c0d1e2f3a4b5c6d", "promotion-hq", "promotion-hq{}", Map.of(),
                Notification.Reason.FIRST, List.of(new Notification.Item("alr-kpi-behind-9f2a",
                        AlertRule.KPI_BEHIND_NEAR_DEADLINE, AlertRule.Severity.WARNING, Alert.State.FIRING, Map.of(), "遅れ",
                        "behind", null, at, false, false)), at);
        Delivery delivery = Delivery.pending("dlv-3b9e0c41a7d2f510", notification,
                new Endpoint(Endpoint.EMAIL, "suishin@town.setouchi.lg.jp"), at).delivered(at);

        GoldenSamples.assertMatches(Events.ALERT_DELIVERED,
                json.writeString(DeliveryContracts.delivered(delivery, notification)));
    }
}
