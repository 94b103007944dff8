package jp.shinchoku.portal.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

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

/** A KPI's page: where it stands, its values against the trajectory, every value reported and its corrections. */
@Controller
class KpiController {

    private final MeasurementClient measurement;
    private final MessageSource messages;

    KpiController(MeasurementClient measurement, MessageSource messages) {
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
        MeasurementClient.Series series = measurement.series(kpiId);
        MeasurementClient.KpiProgress progress = measurement.progress(kpiId);
        List<Chart.Point> trajectory = new ArrayList<>();
        for (MeasurementClient.Point point : series.trajectory()) {
            if (point.value() != null) {
                trajectory.add(new Chart.Point(LocalDate.parse(point.date()), point.value(), point.label()));
            }
        }
        List<Chart.Point> values = new ArrayList<>();
        for (MeasurementClient.Observation observation : series.observations()) {
            if (observation.value() != null) {
                values.add(new Chart.Point(LocalDate.parse(observation.measuredOn()), observation.value(),
                        observation.periodLabel()));
            }
        }
        List<Value> history = new ArrayList<>();
        for (MeasurementClient.Reported m : measurement.measurements(kpiId)) {
            String shown = m.value() != null ? plain(m.value()) : m.text();
            history.add(new Value(m.id(), PageModel.date(m.measuredOn()), m.periodLabel(), shown, m.comment(),
                    m.reportedBy(), m.state(), m.supersedes(), m.correctionReason()));
        }
        model.addAttribute("kpiId", kpiId);
        model.addAttribute("series", series);
        model.addAttribute("status", series.statusToday() == null ? "UNKNOWN" : series.statusToday());
        model.addAttribute("latest", progress == null || progress.latestValue() == null ? null
                : plain(progress.latestValue()));
        model.addAttribute("provisional", progress != null && progress.provisional());
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
        try {
            measurement.correct(kpiId, measurementId, value.strip(), reason.strip());
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
