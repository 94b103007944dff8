package jp.shinchoku.portal.web;

import java.util.ArrayList;
import java.util.List;

import jp.shinchoku.portal.api.ApiProblemException;
import jp.shinchoku.portal.api.NotificationClient;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The inbox: firing alerts by severity (critical first), each acknowledged with what is being done or silenced until a
 * day with why; the silences in force; the log of what was sent to whom. A department sees its own alerts.
 */
@Controller
class InboxController {

    private static final List<String> SEVERITIES = List.of("CRITICAL", "WARNING", "INFO");

    private final NotificationClient notifications;
    private final MessageSource messages;

    InboxController(NotificationClient notifications, MessageSource messages) {
        this.notifications = notifications;
        this.messages = messages;
    }

    record Group(String severity, List<AlertItem> alerts) {
    }

    record AlertItem(String id, String summaryJa, String summaryEn, String rule, String since, boolean silenced,
            String kpiId, String acknowledgedBy, String acknowledgement) {
        static AlertItem of(NotificationClient.Alert alert) {
            NotificationClient.Acknowledgement ack = alert.acknowledgement();
            return new AlertItem(alert.id(), alert.summaryJa(), alert.summaryEn(), alert.ruleJa(),
                    PageModel.date(alert.firstRaisedAt()), !alert.silencedBy().isEmpty(), alert.labels().get("kpiId"),
                    ack == null ? null : ack.by(), ack == null ? null : ack.comment());
        }
    }

    record NotificationItem(String at, String receiver, String reason, int alerts, String deliveries) {
        static NotificationItem of(NotificationClient.Sent sent) {
            NotificationClient.Notification notification = sent.notification();
            List<String> deliveries = sent.deliveries().stream().map(d -> d.channel() + ": " + d.status()).toList();
            return new NotificationItem(PageModel.date(notification.createdAt()), notification.receiver(),
                    notification.reason(), notification.items().size(), String.join(", ", deliveries));
        }
    }

    record SilenceItem(String id, String matchers, String endsAt, String comment, String createdBy) {
        static SilenceItem of(NotificationClient.Silence silence) {
            return new SilenceItem(silence.id(), String.join(", ", silence.matchers()), PageModel.date(silence.endsAt()),
                    silence.comment(), silence.createdBy());
        }
    }

    @GetMapping("/inbox")
    String inbox(@AuthenticationPrincipal OidcUser user, Model model) {
        Me me = Me.of(user);
        String receiver = me.oversees() ? "promotion-hq" : "department:" + me.department();
        List<NotificationClient.Alert> alerts = notifications.firing(receiver);
        List<Group> groups = new ArrayList<>();
        for (String severity : SEVERITIES) {
            List<AlertItem> of = alerts.stream().filter(alert -> severity.equals(alert.severity()))
                    .map(AlertItem::of).toList();
            if (!of.isEmpty()) {
                groups.add(new Group(severity, of));
            }
        }
        model.addAttribute("groups", groups);
        model.addAttribute("count", alerts.size());
        model.addAttribute("silences", me.oversees()
                ? notifications.activeSilences().stream().map(SilenceItem::of).toList()
                : List.of());
        return "inbox";
    }

    @PostMapping("/inbox/{alertId}/acknowledgement")
    String acknowledge(@PathVariable String alertId, @RequestParam(required = false) String comment,
            RedirectAttributes redirect) {
        return act(redirect, "inbox.acknowledged", () -> notifications.acknowledge(alertId, comment));
    }

    /** Silences exactly this alert (all its labels) until the end of the day given. */
    @PostMapping("/inbox/{alertId}/silence")
    String silence(@PathVariable String alertId, @RequestParam(required = false) String endsAt,
            @RequestParam(required = false) String comment, RedirectAttributes redirect) {
        return act(redirect, "inbox.silenced", () -> {
            NotificationClient.Alert alert = notifications.alert(alertId);
            List<String> matchers = new ArrayList<>();
            alert.labels().forEach((name, value) -> {
                if (!name.equals("municipality")) {
                    matchers.add(name + "=" + value);
                }
            });
            notifications.silence(matchers.subList(0, Math.min(matchers.size(), 9)), endsAt, comment);
        });
    }

    @PostMapping("/inbox/silences/{silenceId}/expire")
    String expire(@PathVariable String silenceId, RedirectAttributes redirect) {
        return act(redirect, "inbox.expired", () -> notifications.expire(silenceId));
    }

    /** What was sent to whom and how each delivery went. */
    @GetMapping("/inbox/notifications")
    String notifications(Model model) {
        model.addAttribute("notifications", notifications.notifications().stream().map(NotificationItem::of).toList());
        return "notifications";
    }

    private String act(RedirectAttributes redirect, String done, Runnable call) {
        try {
            call.run();
            redirect.addFlashAttribute("notice", messages.getMessage(done, null, LocaleContextHolder.getLocale()));
        } catch (ApiProblemException refused) {
            redirect.addFlashAttribute("problem", refused.detail(LocaleContextHolder.getLocale()));
        }
        return "redirect:/inbox";
    }
}
