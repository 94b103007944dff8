package jp.shinchoku.portal.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jp.shinchoku.portal.api.Api;
import jp.shinchoku.portal.api.ApiProblemException;
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
import tools.jackson.databind.JsonNode;

/**
 * The inbox: firing alerts by severity (critical first), each acknowledged with what is being done or silenced until a
 * day with why; the silences in force; the log of what was sent to whom. A department sees its own alerts.
 */
@Controller
class InboxController {

    private static final List<String> SEVERITIES = List.of("CRITICAL", "WARNING", "INFO");

    private final Api api;
    private final MessageSource messages;

    InboxController(Api api, MessageSource messages) {
        this.api = api;
        this.messages = messages;
    }

    record Group(String severity, List<AlertItem> alerts) {
    }

    record AlertItem(String id, String summaryJa, String summaryEn, String rule, String since, boolean silenced,
            String kpiId, String acknowledgedBy, String acknowledgement) {
        static AlertItem of(JsonNode alert) {
            JsonNode ack = alert.path("acknowledgement");
            boolean acknowledged = ack.isObject();
            return new AlertItem(alert.path("id").asString(), alert.path("summaryJa").asString(),
                    alert.path("summaryEn").asString(), alert.path("ruleJa").asString(),
                    PageModel.date(alert.path("firstRaisedAt").asString()), !alert.path("silencedBy").isEmpty(),
                    ReportsController.text(alert.path("labels").path("kpiId")),
                    acknowledged ? ack.path("by").asString() : null, acknowledged ? ack.path("comment").asString() : null);
        }
    }

    record NotificationItem(String at, String receiver, String reason, int alerts, String deliveries) {
        static NotificationItem of(JsonNode view) {
            JsonNode notification = view.path("notification");
            List<String> deliveries = new ArrayList<>();
            view.path("deliveries").forEach(d -> deliveries.add(d.path("channel").asString() + ": "
                    + d.path("status").asString()));
            return new NotificationItem(PageModel.date(notification.path("createdAt").asString()),
                    notification.path("receiver").asString(), notification.path("reason").asString(),
                    notification.path("items").size(), String.join(", ", deliveries));
        }
    }

    record SilenceItem(String id, String matchers, String endsAt, String comment, String createdBy) {
        static SilenceItem of(JsonNode silence) {
            List<String> matchers = new ArrayList<>();
            silence.path("matchers").forEach(matcher -> matchers.add(matcher.asString()));
            return new SilenceItem(silence.path("id").asString(), String.join(", ", matchers),
                    PageModel.date(silence.path("endsAt").asString()), silence.path("comment").asString(),
                    silence.path("createdBy").asString());
        }
    }

    @GetMapping("/inbox")
    String inbox(@AuthenticationPrincipal OidcUser user, Model model) {
        Me me = Me.of(user);
        String receiver = me.oversees() ? "promotion-hq" : "department:" + me.department();
        JsonNode alerts = api.get(Api.Service.NOTIFICATION, "/api/inbox?receiver={receiver}&state=FIRING", receiver);
        List<Group> groups = new ArrayList<>();
        for (String severity : SEVERITIES) {
            List<AlertItem> of = alerts.valueStream().filter(alert -> severity.equals(alert.path("severity").asString()))
                    .map(AlertItem::of).toList();
            if (!of.isEmpty()) {
                groups.add(new Group(severity, of));
            }
        }
        model.addAttribute("groups", groups);
        model.addAttribute("count", alerts.size());
        model.addAttribute("silences", me.oversees()
                ? api.get(Api.Service.NOTIFICATION, "/api/silences?state=active").valueStream().map(SilenceItem::of).toList()
                : List.of());
        return "inbox";
    }

    @PostMapping("/inbox/{alertId}/acknowledgement")
    String acknowledge(@PathVariable String alertId, @RequestParam(required = false) String comment,
            RedirectAttributes redirect) {
        return act(redirect, "inbox.acknowledged", () -> api.post(Api.Service.NOTIFICATION,
                Map.of("comment", comment == null ? "" : comment), "/api/alerts/{alertId}/acknowledgement", alertId));
    }

    /** Silences exactly this alert (all its labels) until the end of the day given. */
    @PostMapping("/inbox/{alertId}/silence")
    String silence(@PathVariable String alertId, @RequestParam(required = false) String endsAt,
            @RequestParam(required = false) String comment, RedirectAttributes redirect) {
        return act(redirect, "inbox.silenced", () -> {
            JsonNode alert = api.get(Api.Service.NOTIFICATION, "/api/alerts/{alertId}", alertId);
            List<String> matchers = new ArrayList<>();
            alert.path("labels").properties().forEach(label -> {
                if (!label.getKey().equals("municipality")) {
                    matchers.add(label.getKey() + "=" + label.getValue().asString());
                }
            });
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("matchers", matchers.subList(0, Math.min(matchers.size(), 9)));
            body.put("endsAt", endsAt == null ? "" : endsAt);
            body.put("comment", comment == null ? "" : comment);
            return api.post(Api.Service.NOTIFICATION, body, "/api/silences");
        });
    }

    @PostMapping("/inbox/silences/{silenceId}/expire")
    String expire(@PathVariable String silenceId, RedirectAttributes redirect) {
        return act(redirect, "inbox.expired", () -> api.delete(Api.Service.NOTIFICATION, "/api/silences/{id}", silenceId));
    }

    /** What was sent to whom and how each delivery went. */
    @GetMapping("/inbox/notifications")
    String notifications(Model model) {
        model.addAttribute("notifications", api.get(Api.Service.NOTIFICATION, "/api/notifications?limit=100")
                .valueStream().map(NotificationItem::of).toList());
        return "notifications";
    }

    private String act(RedirectAttributes redirect, String done, java.util.function.Supplier<JsonNode> call) {
        try {
            call.get();
            redirect.addFlashAttribute("notice", messages.getMessage(done, null, LocaleContextHolder.getLocale()));
        } catch (ApiProblemException refused) {
            redirect.addFlashAttribute("problem", refused.detail(LocaleContextHolder.getLocale()));
        }
        return "redirect:/inbox";
    }
}
