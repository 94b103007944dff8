package jp.shinchoku.portal.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import jp.shinchoku.portal.api.Api;
import jp.shinchoku.portal.api.ApiProblemException;
import jp.shinchoku.portal.api.MeasurementClient;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import tools.jackson.databind.JsonNode;

/**
 * The plan: its pillars, measures, KPIs and milestones; its revisions with who, when and why, and what differs between
 * two; its departments; its open data. The 推進本部 imports a plan file here, its errors shown at their place.
 */
@Controller
class PlanPageController {

    private final Api api;
    private final MeasurementClient measurement;
    private final MessageSource messages;

    PlanPageController(Api api, MeasurementClient measurement, MessageSource messages) {
        this.api = api;
        this.measurement = measurement;
        this.messages = messages;
    }

    @GetMapping("/plans")
    String plans(Model model) {
        model.addAttribute("plans", Plans.of(api, null));
        return "plans";
    }

    /** A plan file (YAML, the plan-definition format) as the 推進本部 wrote it. */
    @PostMapping("/plans")
    String importPlan(@RequestParam("file") MultipartFile file, Model model) throws IOException {
        try {
            JsonNode plan = api.postBytes(Api.Service.PLAN, file.getBytes(), MediaType.parseMediaType("application/yaml"),
                    "/api/plans");
            return "redirect:/plans/" + plan.path("id").asString();
        } catch (ApiProblemException refused) {
            model.addAttribute("plans", Plans.of(api, null));
            model.addAttribute("problem", refused.detail(LocaleContextHolder.getLocale()));
            model.addAttribute("errors", refused.body() instanceof JsonNode body
                    ? body.path("errors").valueStream().toList() : List.of());
            return "plans";
        }
    }

    @GetMapping("/plans/{planId}")
    String plan(@PathVariable String planId, Model model) {
        JsonNode plan = api.get(Api.Service.PLAN, "/api/plans/{planId}", planId);
        model.addAttribute("plan", plan);
        model.addAttribute("revisions", api.get(Api.Service.PLAN, "/api/plans/{planId}/revisions", planId)
                .valueStream().toList().reversed());
        model.addAttribute("reviews", api.get(Api.Service.PLAN, "/api/plans/{planId}/reviews", planId)
                .valueStream().toList());
        String code = plan.path("municipality").path("code").asString("");
        String municipality = code.isBlank() ? plan.path("municipality").path("name").asString() : code;
        model.addAttribute("municipality", municipality);
        model.addAttribute("departments", api.get(Api.Service.PLAN,
                "/api/municipalities/{municipality}/departments?size=200", municipality).path("items").valueStream().toList());
        return "plan";
    }

    /** A department's name and contact (where its alerts go), kept by the 推進本部. */
    @PostMapping("/plans/{planId}/departments/{code}")
    String department(@PathVariable String planId, @PathVariable String code, @RequestParam String municipality,
            @RequestParam(required = false) String name, @RequestParam(required = false) String contact,
            RedirectAttributes redirect) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", name == null ? "" : name.strip());
        body.put("contact", contact == null || contact.isBlank() ? null : contact.strip());
        return act(redirect, "plan.department-saved", planId, () -> api.put(Api.Service.PLAN, body,
                "/api/municipalities/{municipality}/departments/{code}", municipality, code));
    }

    private String act(RedirectAttributes redirect, String done, String planId, Supplier<JsonNode> call) {
        try {
            call.get();
            redirect.addFlashAttribute("notice", messages.getMessage(done, null, LocaleContextHolder.getLocale()));
        } catch (ApiProblemException refused) {
            redirect.addFlashAttribute("problem", refused.detail(LocaleContextHolder.getLocale()));
        }
        return "redirect:/plans/" + planId;
    }

    @GetMapping("/plans/{planId}/diff")
    String diff(@PathVariable String planId, @RequestParam int from, @RequestParam int to, Model model) {
        model.addAttribute("plan", api.get(Api.Service.PLAN, "/api/plans/{planId}", planId));
        model.addAttribute("comparison", api.get(Api.Service.PLAN, "/api/plans/{planId}/diff?from={from}&to={to}", planId,
                from, to));
        return "diff";
    }

    /** The plan's progress as open data (CSV, UTF-8 with BOM), through the portal. */
    @GetMapping("/plans/{planId}/progress.csv")
    ResponseEntity<byte[]> openData(@PathVariable String planId) {
        byte[] csv = measurement.openDataCsv(planId);
        return ResponseEntity.ok().contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"progress.csv\"").body(csv);
    }
}
