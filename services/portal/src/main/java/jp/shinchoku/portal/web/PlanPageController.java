package jp.shinchoku.portal.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import jp.shinchoku.portal.api.ApiProblemException;
import jp.shinchoku.portal.api.MeasurementClient;
import jp.shinchoku.portal.api.PlanClient;
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

/**
 * The plan: its pillars, measures, KPIs and milestones; its revisions with who, when and why, and what differs between
 * two; its departments; its open data. The 推進本部 imports a plan file here, its errors shown at their place.
 */
@Controller
class PlanPageController {

    private final PlanClient plans;
    private final MeasurementClient measurement;
    private final MessageSource messages;

    PlanPageController(PlanClient plans, MeasurementClient measurement, MessageSource messages) {
        this.plans = plans;
        this.measurement = measurement;
        this.messages = messages;
    }

    @GetMapping("/plans")
    String plans(Model model) {
        model.addAttribute("plans", Plans.of(plans, null));
        return "plans";
    }

    /** A plan file (YAML, the plan-definition format) as the 推進本部 wrote it. */
    @PostMapping("/plans")
    String importPlan(@RequestParam("file") MultipartFile file, Model model) throws IOException {
        try {
            PlanClient.Plan plan = plans.importPlan(file.getBytes());
            return "redirect:/plans/" + plan.id();
        } catch (ApiProblemException refused) {
            model.addAttribute("plans", Plans.of(plans, null));
            model.addAttribute("problem", refused.detail(LocaleContextHolder.getLocale()));
            model.addAttribute("errors", PlanClient.problems(refused));
            return "plans";
        }
    }

    @GetMapping("/plans/{planId}")
    String plan(@PathVariable String planId, Model model) {
        PlanClient.Plan plan = plans.plan(planId);
        model.addAttribute("plan", plan);
        model.addAttribute("revisions", plans.revisions(planId).reversed());
        model.addAttribute("reviews", plans.reviews(planId));
        // the registry names a municipality by its code, else its name
        String municipality = plan.municipality() == null || plan.municipality().key() == null ? ""
                : plan.municipality().key();
        model.addAttribute("municipality", municipality);
        model.addAttribute("departments", plans.departments(municipality));
        return "plan";
    }

    /** A department's name and contact (where its alerts go), kept by the 推進本部. */
    @PostMapping("/plans/{planId}/departments/{code}")
    String department(@PathVariable String planId, @PathVariable String code, @RequestParam String municipality,
            @RequestParam(required = false) String name, @RequestParam(required = false) String contact,
            RedirectAttributes redirect) {
        PlanClient.DepartmentEntry entry = new PlanClient.DepartmentEntry(name == null ? "" : name.strip(),
                contact == null || contact.isBlank() ? null : contact.strip());
        try {
            plans.saveDepartment(municipality, code, entry);
            redirect.addFlashAttribute("notice", messages.getMessage("plan.department-saved", null,
                    LocaleContextHolder.getLocale()));
        } catch (ApiProblemException refused) {
            redirect.addFlashAttribute("problem", refused.detail(LocaleContextHolder.getLocale()));
        }
        return "redirect:/plans/" + planId;
    }

    @GetMapping("/plans/{planId}/diff")
    String diff(@PathVariable String planId, @RequestParam int from, @RequestParam int to, Model model) {
        model.addAttribute("plan", plans.plan(planId));
        model.addAttribute("comparison", plans.diff(planId, from, to));
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
