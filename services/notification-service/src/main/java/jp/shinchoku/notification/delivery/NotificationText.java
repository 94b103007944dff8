package jp.shinchoku.notification.delivery;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import jp.shinchoku.calendar.Wareki;
import jp.shinchoku.notification.alerts.AlertRule;
import jp.shinchoku.notification.alerts.AlertTexts;
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
            case REPEAT -> AlertTexts.TEXTS.ja("notification.subject.repeat");
            case UPDATE -> AlertTexts.TEXTS.ja("notification.subject.update");
            case FIRST -> "";
        };
        String counts = (firing.isEmpty() ? "" : AlertTexts.TEXTS.ja("notification.subject.firing", firing.size()))
                + (resolved == 0 ? "" : (firing.isEmpty() ? "" : AlertTexts.TEXTS.ja("notification.subject.separator"))
                        + AlertTexts.TEXTS.ja("notification.subject.resolved", resolved));
        String worst = firing.stream().map(Notification.Item::severity).max(Enum::compareTo)
                .map(s -> s == AlertRule.Severity.CRITICAL ? AlertTexts.TEXTS.ja("notification.subject.critical") : "")
                .orElse("");
        return AlertTexts.TEXTS.ja("notification.subject", worst, head, Receiver.nameJa(notification.receiver()), counts)
                + " / " + AlertTexts.TEXTS.en("notification.subject", firing.size(), resolved);
    }

    public static String body(Notification notification, Links links) {
        StringBuilder text = new StringBuilder();
        LocalDate on = LocalDate.ofInstant(notification.createdAt(), JAPAN);
        text.append(AlertTexts.TEXTS.ja("notification.body.opening", Receiver.nameJa(notification.receiver()),
                Wareki.formatBoth(on))).append('\n');
        section(text, "notification.section.firing", notification.firing(), links, true);
        section(text, "notification.section.resolved", notification.resolved(), links, true);
        text.append('\n').append(AlertTexts.TEXTS.ja("notification.body.inbox", links.inbox(notification.receiver())))
                .append('\n');
        text.append('\n').append(AlertTexts.TEXTS.en("notification.body.english")).append('\n')
                .append(AlertTexts.TEXTS.en("notification.body.opening", notification.receiver(), on)).append('\n');
        section(text, "notification.section.firing", notification.firing(), links, false);
        section(text, "notification.section.resolved", notification.resolved(), links, false);
        text.append('\n').append(AlertTexts.TEXTS.en("notification.body.footer", notification.id())).append('\n');
        return text.toString();
    }

    private static void section(StringBuilder text, String title, List<Notification.Item> items, Links links,
            boolean japanese) {
        if (items.isEmpty()) {
            return;
        }
        text.append('\n').append(AlertTexts.TEXTS.in(japanese, title)).append('\n');
        for (Notification.Item item : items) {
            text.append(japanese ? AlertTexts.TEXTS.ja("notification.item", item.rule().label(), item.summaryJa())
                    : AlertTexts.TEXTS.en("notification.item", item.rule().name(), item.summaryEn()));
            if (item.acknowledged()) {
                text.append(AlertTexts.TEXTS.in(japanese, "notification.item.acknowledged"));
            }
            if (item.escalated()) {
                text.append(AlertTexts.TEXTS.in(japanese, "notification.item.escalated"));
            }
            text.append('\n');
            if (item.link() != null) {
                text.append("  ").append(links.resolve(item.link())).append('\n');
            }
        }
    }
}
