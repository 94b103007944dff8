package jp.shinchoku.notification.delivery;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import jp.shinchoku.notification.alerts.Alert;
import jp.shinchoku.notification.alerts.AlertRule;

/**
 * One message to a receiver about a group of alerts: the notification log's entry of who was told what, and when.
 *
 * @param groupLabels the labels the group is made by (its municipality, by default)
 * @param items       the group's firing alerts, and those resolved since the last message
 */
public record Notification(String id, String receiver, String groupKey, Map<String, String> groupLabels,
        Reason reason, List<Item> items, Instant createdAt) {

    /** Why the message went out. */
    public enum Reason {
        /** the group's first message, after the group wait */
        FIRST,
        /** alerts were raised or resolved since the last message */
        UPDATE,
        /** nothing changed, but firing alerts are still unacknowledged after the repeat interval */
        REPEAT
    }

    public Notification {
        groupLabels = Map.copyOf(groupLabels);
        items = List.copyOf(items);
    }

    /** An alert as the message tells it. */
    public record Item(String alertId, AlertRule rule, AlertRule.Severity severity, Alert.State state,
            Map<String, String> labels, String summaryJa, String summaryEn, String link, Instant firstRaisedAt,
            boolean acknowledged, boolean escalated) {

        public Item {
            labels = Map.copyOf(labels);
        }

        public static Item of(Alert alert) {
            return new Item(alert.id(), alert.rule(), alert.severity(), alert.state(), alert.labels(), alert.summaryJa(),
                    alert.summaryEn(), alert.link(), alert.firstRaisedAt(), alert.isAcknowledged(),
                    alert.escalatedAt() != null);
        }
    }

    public List<Item> firing() {
        return items.stream().filter(i -> i.state() == Alert.State.FIRING).toList();
    }

    public List<Item> resolved() {
        return items.stream().filter(i -> i.state() == Alert.State.RESOLVED).toList();
    }

    public List<String> alertIds() {
        return items.stream().map(Item::alertId).toList();
    }
}
