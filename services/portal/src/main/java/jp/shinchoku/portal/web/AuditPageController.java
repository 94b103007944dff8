package jp.shinchoku.portal.web;

import java.util.Map;
import java.util.stream.Collectors;

import jp.shinchoku.portal.api.AuditClient;
import jp.shinchoku.portal.api.AuditClient.AuditEntry;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * 監査記録: who did what, when, to what, and what it was before and after, from the three services' trails together,
 * newest first; narrowed by who, what (a prefix such as {@code fiscal-year}), target and dates (or 和暦).
 */
@Controller
class AuditPageController {

    private final AuditClient audit;

    AuditPageController(AuditClient audit) {
        this.audit = audit;
    }

    /** An entry as the page shows it. */
    record Item(String at, String service, String actor, String action, String target, String before, String after) {
        static Item of(AuditEntry entry) {
            return new Item(PageModel.time(entry.at()), entry.service(), entry.actor(), entry.action(), entry.target(),
                    state(entry.before()), state(entry.after()));
        }

        private static String state(Map<String, String> state) {
            return state.isEmpty() ? "—" : state.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                    .collect(Collectors.joining("; "));
        }
    }

    @GetMapping("/audit")
    String audit(@RequestParam(required = false) String actor, @RequestParam(required = false) String action,
            @RequestParam(required = false) String target, @RequestParam(required = false) String from,
            @RequestParam(required = false) String to, Model model) {
        AuditClient.Query query = new AuditClient.Query(actor, action, target, from, to);
        model.addAttribute("query", query);
        model.addAttribute("entries", audit.entries(query).stream().map(Item::of).toList());
        model.addAttribute("limit", AuditClient.LIMIT);
        return "audit";
    }
}
