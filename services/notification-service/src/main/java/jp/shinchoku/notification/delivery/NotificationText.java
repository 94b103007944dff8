package jp.shinchoku.notification.delivery;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import jp.shinchoku.calendar.Wareki;
import jp.shinchoku.notification.alerts.AlertRule;
import jp.shinchoku.notification.alerts.Links;
import jp.shinchoku.notification.alerts.Receiver;

/**
 * A notification as people read it: a subject and a body in Japanese, with the English variant below, dates in 和暦
 * and 西暦, and a link to each KPI, milestone or plan.
 */
public final class NotificationText {

    private static final ZoneId JAPAN = ZoneId.of("Asia/Tokyo");

    private NotificationText() {
    }

    public static String subject(Notification notification) {
        List<Notification.Item> firing = notification.firing();
        int resolved = notification.resolved().size();
        String head = switch (notification.reason()) {
            case REPEAT -> "【再通知】";
            case UPDATE -> "【更新】";
            case FIRST -> "";
        };
        String counts = (firing.isEmpty() ? "" : "未対応 " + firing.size() + " 件")
                + (resolved == 0 ? "" : (firing.isEmpty() ? "" : "・") + "解消 " + resolved + " 件");
        String worst = firing.stream().map(Notification.Item::severity).max(Enum::compareTo)
                .map(s -> s == AlertRule.Severity.CRITICAL ? "【重要】" : "").orElse("");
        return worst + head + "[進捗] " + Receiver.nameJa(notification.receiver()) + "へのお知らせ：" + counts
                + " / Shinchoku: " + firing.size() + " firing, " + resolved + " resolved";
    }

    public static String body(Notification notification, Links links) {
        StringBuilder text = new StringBuilder();
        LocalDate on = LocalDate.ofInstant(notification.createdAt(), JAPAN);
        text.append(Receiver.nameJa(notification.receiver())).append(" 御中\n\n")
                .append(Wareki.formatBoth(on)).append(" 時点の官民データ活用推進計画の進捗に関するお知らせです。\n");
        section(text, "■ 対応が必要な事項", notification.firing(), links, true);
        section(text, "■ 解消した事項", notification.resolved(), links, true);
        text.append("\n確認（対応方針の記入）は受信箱から行えます：").append(links.inbox(notification.receiver())).append("\n");
        text.append("\n---- English ----\n")
                .append("Progress notice for ").append(notification.receiver()).append(" as of ").append(on).append(".\n");
        section(text, "Needs attention:", notification.firing(), links, false);
        section(text, "Resolved:", notification.resolved(), links, false);
        text.append("\nShinchoku notification ").append(notification.id()).append('\n');
        return text.toString();
    }

    private static void section(StringBuilder text, String title, List<Notification.Item> items, Links links,
            boolean japanese) {
        if (items.isEmpty()) {
            return;
        }
        text.append('\n').append(title).append('\n');
        for (Notification.Item item : items) {
            text.append("・").append(japanese ? "［" + item.rule().label() + "］" + item.summaryJa()
                    : "[" + item.rule().name() + "] " + item.summaryEn());
            if (item.acknowledged()) {
                text.append(japanese ? "（確認済み）" : " (acknowledged)");
            }
            if (item.escalated()) {
                text.append(japanese ? "（未確認のため上申）" : " (escalated: unacknowledged)");
            }
            text.append('\n');
            if (item.link() != null) {
                text.append("  ").append(links.resolve(item.link())).append('\n');
            }
        }
    }
}
