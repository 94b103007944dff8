package jp.shinchoku.portal.web;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jp.shinchoku.calendar.ReportingPeriod;
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
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 報告一覧: a department's KPIs with what is due this period, the last value, status and grade, a form per KPI fitted
 * to its kind; its milestones with a status form. A report sent from a row (htmx) answers with that row redrawn.
 */
@Controller
class ReportsController {

    private final PlanClient planClient;
    private final MeasurementClient measurement;
    private final MessageSource messages;

    ReportsController(PlanClient planClient, MeasurementClient measurement, MessageSource messages) {
        this.planClient = planClient;
        this.measurement = measurement;
        this.messages = messages;
    }

    /** A KPI's row: what it is, where it stands, what is due. */
    record Row(String kpiId, String name, String measureTitle, String unit, String kind, String latestValue,
            String latestText, String latestMeasuredOn, String status, String grade, String period, String periodLabel,
            String dueOn, String dueState, String defaultDate, String message, boolean failed, boolean provisional) {

        Row withMessage(String text, boolean failure) {
            return new Row(kpiId, name, measureTitle, unit, kind, latestValue, latestText, latestMeasuredOn, status,
                    grade, period, periodLabel, dueOn, dueState, defaultDate, text, failure, provisional);
        }
    }

    record MilestoneRow(String planId, String id, String text, String measureTitle, String due, String status,
            String statusLabel, String comment) {
    }

    @GetMapping("/reports")
    String reports(@RequestParam(required = false) String plan, @AuthenticationPrincipal OidcUser user, Model model) {
        Me me = Me.of(user);
        Plans plans = Plans.of(planClient, plan);
        model.addAttribute("plans", plans);
        if (plans.chosen() == null || me.department() == null) {
            model.addAttribute("rows", List.of());
            model.addAttribute("milestones", List.of());
            return "reports";
        }
        model.addAttribute("rows", rows(plans.chosen().id(), me.department()));
        model.addAttribute("milestones", milestones(plans.chosen().id(), me.department()));
        return "reports";
    }

    /** A report from a row's form: the value as the KPI's kind takes it, its date and period, a comment. */
    @PostMapping("/reports/{kpiId}")
    String report(@PathVariable String kpiId, @RequestParam String plan, @RequestParam(required = false) String value,
            @RequestParam(required = false) String numerator, @RequestParam(required = false) String denominator,
            @RequestParam(required = false) String measuredOn, @RequestParam(required = false) String period,
            @RequestParam(required = false) String comment, @AuthenticationPrincipal OidcUser user,
            @RequestHeader(name = "HX-Request", required = false) String htmx, Model model,
            RedirectAttributes redirect) {
        Map<String, Object> body = new LinkedHashMap<>();
        put(body, "value", value);
        put(body, "numerator", numerator);
        put(body, "denominator", denominator);
        put(body, "measuredOn", measuredOn);
        put(body, "period", period);
        put(body, "comment", comment);
        String text;
        boolean failed;
        try {
            measurement.report(kpiId, body);
            MeasurementClient.KpiProgress progress = measurement.progress(kpiId);
            text = message("reports.reported", message("status." + (progress == null || progress.status() == null
                    ? "UNKNOWN" : progress.status())));
            failed = false;
        } catch (ApiProblemException refused) {
            text = refused.detail(LocaleContextHolder.getLocale());
            failed = true;
        }
        if (htmx != null) {
            Me me = Me.of(user);
            Row row = rows(plan, me.department()).stream().filter(r -> r.kpiId().equals(kpiId)).findFirst()
                    .orElseThrow();
            model.addAttribute("row", row.withMessage(text, failed));
            model.addAttribute("planId", plan);
            return "reports :: reportRow(row=${row})";
        }
        redirect.addFlashAttribute(failed ? "problem" : "notice", text);
        redirect.addAttribute("plan", plan);
        return "redirect:/reports";
    }

    /** A milestone's status (未着手, 実施中, 完了, 遅延, 中止) with a comment. */
    @PostMapping("/milestones/{planId}/{milestoneId}")
    String milestone(@PathVariable String planId, @PathVariable String milestoneId, @RequestParam String status,
            @RequestParam(required = false) String comment, RedirectAttributes redirect) {
        try {
            planClient.reportMilestone(planId, milestoneId, new PlanClient.MilestoneReport(given(status), given(comment)));
            redirect.addFlashAttribute("notice", message("reports.milestone-saved"));
        } catch (ApiProblemException refused) {
            redirect.addFlashAttribute("problem", refused.detail(LocaleContextHolder.getLocale()));
        }
        redirect.addAttribute("plan", planId);
        return "redirect:/reports";
    }

    List<Row> rows(String planId, String department) {
        Map<String, MeasurementClient.Due> due = new HashMap<>();
        measurement.due(planId, department).forEach(item -> due.put(item.kpiId(), item));
        List<Row> rows = new ArrayList<>();
        for (MeasurementClient.PlanKpi kpi : measurement.kpis(planId, department, null, null).kpis()) {
            if (!department.equals(kpi.departmentCode())) {
                continue;
            }
            MeasurementClient.Due d = due.get(kpi.kpiId());
            String period = d == null ? null : d.period();
            rows.add(new Row(kpi.kpiId(), kpi.name(), kpi.measureTitle(), kpi.unit(), kpi.kind(),
                    kpi.latestValue() == null ? null : kpi.latestValue().toPlainString(), kpi.latestText(),
                    PageModel.date(kpi.latestMeasuredOn()), kpi.status() == null ? "UNKNOWN" : kpi.status(),
                    kpi.grade(), period, d == null ? null : d.periodLabel(), PageModel.date(d == null ? null : d.dueOn()),
                    d == null ? null : d.state(), lastDay(period), null, false, kpi.provisional()));
        }
        return rows;
    }

    /** The day a period's value is measured on, by default: its last (the form's date). */
    private static String lastDay(String period) {
        try {
            return period == null ? null : ReportingPeriod.parse(period).lastDay().toString();
        } catch (RuntimeException unreadable) {
            return null;
        }
    }

    private List<MilestoneRow> milestones(String planId, String department) {
        List<MilestoneRow> rows = new ArrayList<>();
        for (PlanClient.MilestoneItem item : planClient.milestones(planId, department)) {
            PlanClient.Milestone milestone = item.milestone();
            if (milestone == null) {
                continue;
            }
            rows.add(new MilestoneRow(planId, orEmpty(milestone.id()), orEmpty(milestone.text()),
                    orEmpty(item.measureTitle()), PageModel.date(milestone.due() == null ? null : milestone.due().date()),
                    orEmpty(milestone.status()), orEmpty(milestone.statusLabel()), milestone.comment()));
        }
        return rows;
    }

    private String message(String key, Object... args) {
        Locale locale = LocaleContextHolder.getLocale();
        return messages.getMessage(key, args, locale);
    }

    private static void put(Map<String, Object> body, String name, String value) {
        if (value != null && !value.isBlank()) {
            body.put(name, value.strip());
        }
    }

    /** A form's field as sent: stripped, none when blank. */
    private static String given(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static String orEmpty(String text) {
        return text == null ? "" : text;
    }
}
