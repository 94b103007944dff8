package jp.shinchoku.portal.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jp.shinchoku.portal.api.Api;
import jp.shinchoku.portal.api.ApiProblemException;
import jp.shinchoku.portal.api.MeasurementClient;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import tools.jackson.databind.JsonNode;

/** A KPI's page: where it stands, its values against the trajectory, every value reported and its corrections. */
@Controller
class KpiController {

    private final Api api;
    private final MeasurementClient measurement;
    private final MessageSource messages;

    KpiController(Api api, MeasurementClient measurement, MessageSource messages) {
        this.api = api;
        this.measurement = measurement;
        this.messages = messages;
    }

    /** A past fiscal year's verdict as the page shows it. */
    record Year(String label, String labelEn, String value, String target, String verdict, String verdictJa,
            String verdictEn, String shortMonths) {
        static Year of(MeasurementClient.YearVerdict year) {
            return new Year(year.label(), year.labelEn(), year.value() == null ? "—" : plain(year.value()),
                    year.target() == null ? "—" : plain(year.target()), year.verdict(), year.verdictJa(),
                    year.verdictEn(), year.shortMonths().isEmpty() ? "—" : String.join(", ", year.shortMonths()));
        }
    }

    record Value(String id, String measuredOn, String period, String value, String comment, String reportedBy,
            String state, String supersedes, String reason) {
    }

    @GetMapping("/kpis/{kpiId}")
    String kpi(@PathVariable String kpiId, Model model) {
        JsonNode series = api.get(Api.Service.MEASUREMENT, "/api/kpis/{kpiId}/series", kpiId);
        JsonNode progress = api.get(Api.Service.MEASUREMENT, "/api/kpis/{kpiId}/progress", kpiId);
        List<Chart.Point> trajectory = new ArrayList<>();
        for (JsonNode point : series.path("trajectory")) {
            if (point.path("value").isNumber()) {
                trajectory.add(new Chart.Point(LocalDate.parse(point.path("date").asString()),
                        point.path("value").decimalValue(), ReportsController.text(point.path("label"))));
            }
        }
        List<Chart.Point> values = new ArrayList<>();
        for (JsonNode observation : series.path("observations")) {
            if (observation.path("value").isNumber()) {
                values.add(new Chart.Point(LocalDate.parse(observation.path("measuredOn").asString()),
                        observation.path("value").decimalValue(), ReportsController.text(observation.path("periodLabel"))));
            }
        }
        List<Value> history = new ArrayList<>();
        for (JsonNode m : api.get(Api.Service.MEASUREMENT, "/api/kpis/{kpiId}/measurements", kpiId)) {
            String shown = m.path("value").isNumber() ? plain(m.path("value").decimalValue())
                    : ReportsController.text(m.path("text"));
            history.add(new Value(m.path("id").asString(), PageModel.date(ReportsController.text(m.path("measuredOn"))),
                    ReportsController.text(m.path("periodLabel")), shown, ReportsController.text(m.path("comment")),
                    ReportsController.text(m.path("reportedBy")), ReportsController.text(m.path("state")),
                    ReportsController.text(m.path("supersedes")), ReportsController.text(m.path("correctionReason"))));
        }
        model.addAttribute("kpiId", kpiId);
        model.addAttribute("series", series);
        model.addAttribute("status", Statuses.code(series.path("statusToday").asString()));
        model.addAttribute("progress", progress);
        model.addAttribute("provisional", progress != null && progress.path("provisional").asBoolean(false));
        model.addAttribute("years", measurement.years(kpiId).stream().map(Year::of).toList().reversed());
        model.addAttribute("chart", Chart.of(trajectory, values));
        model.addAttribute("trajectory", trajectory.stream().map(p -> Map.of("date", PageModel.date(p.date().toString()),
                "value", plain(p.value()), "label", p.label() == null ? "" : p.label())).toList());
        model.addAttribute("history", history.reversed());
        return "kpi";
    }

    /** A correction of a value: the new value and why (the corrected one stays in the history). */
    @PostMapping("/kpis/{kpiId}/measurements/{measurementId}/corrections")
    String correct(@PathVariable String kpiId, @PathVariable String measurementId, @RequestParam String value,
            @RequestParam String reason, RedirectAttributes redirect) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("value", value.strip());
        body.put("reason", reason.strip());
        try {
            api.post(Api.Service.MEASUREMENT, body, "/api/kpis/{kpiId}/measurements/{measurementId}/corrections", kpiId,
                    measurementId);
            redirect.addFlashAttribute("notice", messages.getMessage("kpi.corrected", null,
                    LocaleContextHolder.getLocale()));
        } catch (ApiProblemException refused) {
            redirect.addFlashAttribute("problem", refused.detail(LocaleContextHolder.getLocale()));
        }
        return "redirect:/kpis/" + kpiId;
    }

    private static String plain(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }
}
