package jp.shinchoku.portal.web;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import jakarta.servlet.http.HttpServletResponse;
import jp.shinchoku.portal.api.ApiProblemException;
import jp.shinchoku.portal.api.MeasurementClient;
import jp.shinchoku.portal.api.MeasurementClient.AwaitingReport;
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
 * 承認待ち: the 推進本部's queue of reports awaiting its decision, by department and period; approve one, return one
 * with a reason, approve all of a department's period; and the municipality's choice whether it approves at all.
 */
@Controller
class ApprovalsController {

    private final PlanClient planClient;
    private final MeasurementClient measurement;
    private final MessageSource messages;

    ApprovalsController(PlanClient planClient, MeasurementClient measurement, MessageSource messages) {
        this.planClient = planClient;
        this.measurement = measurement;
        this.messages = messages;
    }

    /** A department's reports of one period awaiting a decision. */
    record Group(String departmentCode, String departmentName, String period, String periodLabel,
            List<Item> reports) {
    }

    /** A report as the queue shows it. */
    record Item(String measurementId, String kpiId, String kpiName, String value, String measuredOn, String reportedBy,
            String recordedAt, String supersedes, String correctionReason) {
        static Item of(AwaitingReport report) {
            String value = report.value() != null ? plain(report.value()) : report.text() == null ? "—" : report.text();
            return new Item(report.measurementId(), report.kpiId(), report.kpiName() == null ? report.kpiId()
                    : report.kpiName(), value, PageModel.date(report.measuredOn()), report.reportedBy(),
                    PageModel.time(report.recordedAt()),
                    report.supersedes(), report.correctionReason());
        }
    }

    @GetMapping("/approvals")
    String approvals(@RequestParam(required = false) String plan, @AuthenticationPrincipal OidcUser user, Model model) {
        return page(plan, user, model);
    }

    @PostMapping("/approvals/{measurementId}/approve")
    String approve(@PathVariable String measurementId, @RequestParam String plan, RedirectAttributes redirect) {
        return act(redirect, plan, "approvals.approved", () -> measurement.review(measurementId, "APPROVED", null));
    }

    /** A return needs its reason: without one the page says so at the field, and nothing is sent. */
    @PostMapping("/approvals/{measurementId}/return")
    String giveBack(@PathVariable String measurementId, @RequestParam String plan,
            @RequestParam(required = false) String reason, @AuthenticationPrincipal OidcUser user, Model model,
            HttpServletResponse response, RedirectAttributes redirect) {
        if (reason == null || reason.isBlank()) {
            response.setStatus(400);
            model.addAttribute("invalid", measurementId);
            model.addAttribute("problem", text("approvals.reason-required"));
            return page(plan, user, model);
        }
        return act(redirect, plan, "approvals.returned", () -> measurement.review(measurementId, "RETURNED",
                reason.strip()));
    }

    @PostMapping("/approvals/period")
    String approvePeriod(@RequestParam String plan, @RequestParam String department, @RequestParam String period,
            RedirectAttributes redirect) {
        return act(redirect, plan, "approvals.period-approved",
                () -> measurement.reviewPeriod(plan, department, period, "APPROVED", null));
    }

    /** Whether the municipality's 推進本部 approves its departments' reports. */
    @PostMapping("/approvals/setting")
    String choose(@RequestParam String plan, @RequestParam boolean required, @AuthenticationPrincipal OidcUser user,
            RedirectAttributes redirect) {
        String municipality = municipality(Me.of(user), Plans.of(planClient, plan));
        return act(redirect, plan, required ? "approvals.required-on" : "approvals.required-off",
                () -> measurement.chooseApproval(municipality, required));
    }

    private String page(String plan, OidcUser user, Model model) {
        Plans plans = Plans.of(planClient, plan);
        model.addAttribute("plans", plans);
        List<Group> groups = new ArrayList<>();
        MeasurementClient.ApprovalSetting setting = null;
        if (plans.chosen() != null) {
            String municipality = municipality(Me.of(user), plans);
            Departments departments = Departments.of(planClient, municipality);
            Map<String, List<AwaitingReport>> byDepartmentAndPeriod = new LinkedHashMap<>();
            for (AwaitingReport report : measurement.approvals(plans.chosen().id())) {
                byDepartmentAndPeriod.computeIfAbsent(report.departmentCode() + "\u0000" + report.period(),
                        key -> new ArrayList<>()).add(report);
            }
            byDepartmentAndPeriod.values().forEach(reports -> {
                AwaitingReport first = reports.getFirst();
                groups.add(new Group(first.departmentCode(), departments.name(first.departmentCode()), first.period(),
                        first.periodLabel() == null ? first.period() : first.periodLabel(),
                        reports.stream().map(Item::of).toList()));
            });
            setting = municipality == null ? null : measurement.approvalSetting(municipality);
        }
        model.addAttribute("groups", groups);
        model.addAttribute("count", groups.stream().mapToInt(group -> group.reports().size()).sum());
        model.addAttribute("setting", setting);
        model.addAttribute("settingAt", setting == null ? "—" : PageModel.time(setting.at()));
        return "approvals";
    }

    /** The 推進本部's own municipality; the plan's for someone of none (the administrator). */
    static String municipality(Me me, Plans plans) {
        if (me.municipality() != null && !me.municipality().isBlank()) {
            return me.municipality();
        }
        return plans.chosen() == null ? null : plans.chosen().municipality();
    }

    private String act(RedirectAttributes redirect, String plan, String done, Supplier<Object> call) {
        try {
            call.get();
            redirect.addFlashAttribute("notice", text(done));
        } catch (ApiProblemException refused) {
            redirect.addFlashAttribute("problem", refused.detail(LocaleContextHolder.getLocale()));
        }
        return "redirect:" + UriComponentsBuilder.fromPath("/approvals").queryParam("plan", plan).encode().build()
                .toUriString();
    }

    private String text(String key) {
        return messages.getMessage(key, null, LocaleContextHolder.getLocale());
    }

    private static String plain(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }
}
