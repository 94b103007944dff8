package jp.shinchoku.portal.web;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;
import jp.shinchoku.portal.api.ApiProblemException;
import jp.shinchoku.portal.api.MeasurementClient;
import jp.shinchoku.portal.api.PlanClient;
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
import org.springframework.web.util.UriComponentsBuilder;

/**
 * 差し戻された報告: a department's reports the 推進本部 returned (差戻し), with why, by whom and when, each with a form
 * to resubmit it corrected (the right value and what was corrected). The service's refusal (a closed fiscal year, a
 * value it does not take) is said at the field it concerns, in the reader's language, the form kept as written.
 */
@Controller
class ReturnsController {

    private final PlanClient planClient;
    private final MeasurementClient measurement;
    private final MessageSource messages;

    ReturnsController(PlanClient planClient, MeasurementClient measurement, MessageSource messages) {
        this.planClient = planClient;
        this.measurement = measurement;
        this.messages = messages;
    }

    /** A returned report as the page shows it; {@code key} makes its form, sent twice, one resubmission. */
    record Item(String measurementId, String kpiId, String kpiName, String periodLabel, String value,
            String measuredOn, String reason, String returnedBy, String returnedAt, String key) {
        static Item of(MeasurementClient.Returned returned) {
            String value = returned.value() != null ? withUnit(plain(returned.value()), returned.unit())
                    : returned.text() == null ? "—" : returned.text();
            return new Item(returned.measurementId(), returned.kpiId(),
                    returned.kpiName() == null ? returned.kpiId() : returned.kpiName(),
                    returned.periodLabel() == null ? returned.period() : returned.periodLabel(), value,
                    PageModel.date(returned.measuredOn()), returned.reason(), returned.returnedBy(),
                    PageModel.time(returned.returnedAt()), UUID.randomUUID().toString());
        }
    }

    /** A resubmission the page draws again: what was typed, the field a problem is about and the problem. */
    record Attempt(String measurementId, String value, String note, String key, String field, String problem) {
    }

    @GetMapping("/returns")
    String returns(@RequestParam(required = false) String plan, @AuthenticationPrincipal OidcUser user, Model model) {
        return page(plan, Me.of(user), null, model);
    }

    @PostMapping("/returns/{measurementId}")
    String resubmit(@PathVariable String measurementId, @RequestParam String plan, @RequestParam String kpiId,
            @RequestParam(required = false) String kpiName, @RequestParam(required = false) String value,
            @RequestParam(required = false) String note, @RequestParam(required = false) String key,
            @AuthenticationPrincipal OidcUser user, Model model, HttpServletResponse response,
            RedirectAttributes redirect) {
        String sendOnce = key == null || key.isBlank() ? UUID.randomUUID().toString() : key;
        if (value == null || value.isBlank()) {
            response.setStatus(400);
            return page(plan, Me.of(user), new Attempt(measurementId, value, note, sendOnce, "value",
                    text("returns.value-missing")), model);
        }
        if (note == null || note.isBlank()) {
            response.setStatus(400);
            return page(plan, Me.of(user), new Attempt(measurementId, value, note, sendOnce, "note",
                    text("returns.note-missing")), model);
        }
        try {
            measurement.correctOnce(kpiId, measurementId, value.strip(), note.strip(), sendOnce);
        } catch (ApiProblemException refused) {
            if (refused.status() == 401 || refused.status() == 403 || refused.status() == 404) {
                throw refused; // not this department's report: the portal's error page
            }
            response.setStatus(refused.status());
            String field = "MISSING_REASON".equals(MeasurementClient.rejection(refused)) ? "note" : "value";
            return page(plan, Me.of(user), new Attempt(measurementId, value, note, sendOnce, field,
                    refused.detail(LocaleContextHolder.getLocale())), model);
        }
        redirect.addFlashAttribute("notice", messages.getMessage("returns.resubmitted",
                new Object[] {kpiName == null || kpiName.isBlank() ? kpiId : kpiName}, LocaleContextHolder.getLocale()));
        return "redirect:" + UriComponentsBuilder.fromPath("/returns").queryParam("plan", plan).encode().build()
                .toUriString();
    }

    private String page(String plan, Me me, Attempt attempt, Model model) {
        Plans plans = Plans.of(planClient, plan);
        model.addAttribute("plans", plans);
        model.addAttribute("attempt", attempt);
        List<Item> items = List.of();
        String departmentName = null;
        if (plans.chosen() != null && me.department() != null) {
            String municipality = ApprovalsController.municipality(me, plans);
            departmentName = Departments.of(planClient, municipality).name(me.department());
            items = measurement.returned(plans.chosen().id(), me.department()).stream().map(Item::of).toList();
        }
        model.addAttribute("departmentName", departmentName);
        model.addAttribute("items", items);
        return "returns";
    }

    private String text(String key) {
        return messages.getMessage(key, null, LocaleContextHolder.getLocale());
    }

    private static String plain(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }

    private static String withUnit(String value, String unit) {
        return unit == null || unit.isBlank() ? value : value + " " + unit;
    }
}
