package jp.shinchoku.portal.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

import jakarta.servlet.http.HttpServletResponse;
import jp.shinchoku.calendar.FiscalYear;
import jp.shinchoku.portal.api.ApiProblemException;
import jp.shinchoku.portal.api.MeasurementClient;
import jp.shinchoku.portal.api.MeasurementClient.Compared;
import jp.shinchoku.portal.api.MeasurementClient.EditionRow;
import jp.shinchoku.portal.api.MeasurementClient.EditionSummary;
import jp.shinchoku.portal.api.MeasurementClient.FiscalYearState;
import jp.shinchoku.portal.api.MeasurementClient.YearVerdict;
import jp.shinchoku.portal.api.PlanClient;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * 年度締め: a plan's fiscal year, closed or not, and what holds a close back (未報告, 承認待ち); the 推進本部 closes it
 * (with a reason while something holds it back) or reopens it with a reason; its history; the editions closes and
 * reviews froze, each shown as it was and two compared.
 */
@Controller
class FiscalYearsController {

    /** How many fiscal years back the year chooser offers. */
    private static final int YEARS_BACK = 9;

    private final PlanClient planClient;
    private final MeasurementClient measurement;
    private final MessageSource messages;

    FiscalYearsController(PlanClient planClient, MeasurementClient measurement, MessageSource messages) {
        this.planClient = planClient;
        this.measurement = measurement;
        this.messages = messages;
    }

    /** A year the chooser offers: its start year and its label (令和5年度). */
    record YearChoice(int startYear, String label) {
    }

    /** A step of the year's history, as shown. */
    record Step(String action, String by, String at, String reason, String edition) {
    }

    /** An edition as listed. */
    record EditionItem(String id, String label, String cause, String by, String at, String note) {
        static EditionItem of(EditionSummary summary) {
            return new EditionItem(summary.id(), summary.label(), summary.cause(), summary.by(),
                    PageModel.time(summary.frozenAt()), summary.note());
        }
    }

    /** A KPI of an edition as shown: figures as text, status as its code, the year's verdict as its code. */
    record Row(String kpiId, String name, String department, String target, String due, String value, String status,
            String grade, String verdict, String verdictValue) {
        static Row of(EditionRow row, Departments departments) {
            YearVerdict verdict = row.verdict();
            return new Row(row.kpiId(), row.name(), departments.name(row.departmentCode()), number(row.target(), row.unit()),
                    PageModel.date(row.due()), number(row.value(), row.unit()), row.status() == null ? "UNKNOWN" : row.status(),
                    row.grade() == null ? "—" : row.grade(), verdict == null ? null : verdict.verdict(),
                    verdict == null ? null : number(verdict.value(), null) + " / " + number(verdict.target(), null));
        }
    }

    /** The fields two editions are compared on, in the order of the table's columns. */
    static final List<String> COMPARED = List.of("target", "due", "value", "status", "grade", "verdict");

    /** One field of a KPI in two editions: before, after, and whether it changed. */
    record Cell(String was, String now, boolean changed) {
    }

    /** A KPI in two editions: each field before and after, and what changed ({@code added}, {@code removed} too). */
    record ComparedRow(String kpiId, String name, List<Cell> cells, List<String> changed) {
    }

    @GetMapping("/fiscal-years")
    String fiscalYears(@RequestParam(required = false) String plan, @RequestParam(required = false) Integer fiscalYear,
            Model model) {
        return page(plan, fiscalYear, model);
    }

    /** A close; refused while something holds it back and no reason is given: the page lists what does. */
    @PostMapping("/fiscal-years/close")
    String close(@RequestParam String plan, @RequestParam int fiscalYear, @RequestParam(required = false) String reason,
            Model model, HttpServletResponse response, RedirectAttributes redirect) {
        try {
            measurement.close(plan, fiscalYear, reason == null || reason.isBlank() ? null : reason.strip());
        } catch (ApiProblemException refused) {
            response.setStatus(refused.status());
            model.addAttribute("problem", refused.detail(LocaleContextHolder.getLocale()));
            model.addAttribute("refusedBlockers", MeasurementClient.blockers(refused));
            return page(plan, fiscalYear, model);
        }
        redirect.addFlashAttribute("notice", text("years.closed-done"));
        return "redirect:" + here(plan, fiscalYear);
    }

    /** A reopening needs its reason: without one the page says so at the field, and nothing is sent. */
    @PostMapping("/fiscal-years/reopen")
    String reopen(@RequestParam String plan, @RequestParam int fiscalYear, @RequestParam(required = false) String reason,
            Model model, HttpServletResponse response, RedirectAttributes redirect) {
        if (reason == null || reason.isBlank()) {
            response.setStatus(400);
            model.addAttribute("problem", text("years.reason-required"));
            model.addAttribute("reopenInvalid", true);
            return page(plan, fiscalYear, model);
        }
        try {
            measurement.reopen(plan, fiscalYear, reason.strip());
            redirect.addFlashAttribute("notice", text("years.reopened-done"));
        } catch (ApiProblemException refused) {
            redirect.addFlashAttribute("problem", refused.detail(LocaleContextHolder.getLocale()));
        }
        return "redirect:" + here(plan, fiscalYear);
    }

    @GetMapping("/fiscal-years/edition")
    String edition(@RequestParam String plan, @RequestParam String id, @AuthenticationPrincipal OidcUser user,
            Model model) {
        MeasurementClient.Edition edition = measurement.edition(plan, id);
        Departments departments = departments(user, plan);
        model.addAttribute("edition", edition);
        model.addAttribute("plan", plan);
        model.addAttribute("yearLabel", FiscalYear.of(edition.fiscalYear()).label());
        model.addAttribute("causeLabel", text("years.action." + edition.cause()));
        model.addAttribute("frozenAt", PageModel.time(edition.frozenAt()));
        model.addAttribute("asOf", PageModel.date(edition.asOf()));
        model.addAttribute("rows", edition.rows().stream().map(row -> Row.of(row, departments)).toList());
        return "edition";
    }

    @GetMapping("/fiscal-years/compare")
    String compare(@RequestParam String plan, @RequestParam String from, @RequestParam String to,
            @AuthenticationPrincipal OidcUser user, Model model) {
        Departments departments = departments(user, plan);
        List<ComparedRow> rows = new ArrayList<>();
        for (Compared compared : measurement.compare(plan, from, to)) {
            Row was = compared.from() == null ? null : Row.of(compared.from(), departments);
            Row now = compared.to() == null ? null : Row.of(compared.to(), departments);
            boolean whole = compared.changed().contains("added") || compared.changed().contains("removed");
            List<Cell> cells = COMPARED.stream().map(field -> new Cell(field(was, field), field(now, field),
                    whole || compared.changed().contains(field))).toList();
            rows.add(new ComparedRow(compared.kpiId(), compared.name(), cells, compared.changed()));
        }
        model.addAttribute("plan", plan);
        model.addAttribute("from", from);
        model.addAttribute("to", to);
        model.addAttribute("rows", rows);
        model.addAttribute("changedCount", rows.stream().filter(row -> !row.changed().isEmpty()).count());
        return "compare";
    }

    /** A field of a KPI in an edition as the comparison shows it; a dash where the edition has no such KPI. */
    private String field(Row row, String field) {
        if (row == null) {
            return "—";
        }
        return switch (field) {
            case "target" -> row.target();
            case "due" -> row.due();
            case "value" -> row.value();
            case "status" -> text("status." + row.status());
            case "grade" -> row.grade();
            case "verdict" -> row.verdict() == null ? "—" : text("verdict." + row.verdict());
            default -> throw new IllegalArgumentException(field);
        };
    }

    private String page(String plan, Integer wanted, Model model) {
        Plans plans = Plans.of(planClient, plan);
        model.addAttribute("plans", plans);
        // the year that ended last, as the measurement service counts the days
        LocalDate today = plans.chosen() == null ? LocalDate.now()
                : measurement.today(plans.chosen().id()).orElseGet(LocalDate::now);
        int current = FiscalYear.containing(today).startYear();
        int chosen = wanted == null ? current - 1 : wanted;
        TreeSet<Integer> offered = new TreeSet<>();
        for (int year = current; year >= current - YEARS_BACK; year--) {
            offered.add(year);
        }
        offered.add(chosen);
        model.addAttribute("years", offered.descendingSet().stream()
                .map(year -> new YearChoice(year, FiscalYear.of(year).label())).toList());
        model.addAttribute("fiscalYear", chosen);
        if (plans.chosen() == null) {
            model.addAttribute("year", null);
            return "fiscal-years";
        }
        String planId = plans.chosen().id();
        FiscalYearState year = measurement.fiscalYear(planId, chosen);
        model.addAttribute("year", year);
        model.addAttribute("history", year.history().stream().map(step -> new Step(step.action(), step.by(),
                PageModel.time(step.at()), step.reason(), step.edition())).toList().reversed());
        model.addAttribute("editions", measurement.editions(planId).stream().map(EditionItem::of).toList().reversed());
        if (!model.containsAttribute("refusedBlockers")) {
            model.addAttribute("refusedBlockers", List.of());
        }
        model.addAttribute("departmentNames", Departments.of(planClient, plans.chosen().municipality()));
        return "fiscal-years";
    }

    private Departments departments(OidcUser user, String plan) {
        return Departments.of(planClient, ApprovalsController.municipality(Me.of(user), Plans.of(planClient, plan)));
    }

    private static String here(String plan, int fiscalYear) {
        return UriComponentsBuilder.fromPath("/fiscal-years").queryParam("plan", plan).queryParam("fiscalYear", fiscalYear)
                .encode().build().toUriString();
    }

    private String text(String key) {
        return messages.getMessage(key, null, LocaleContextHolder.getLocale());
    }

    private static String number(BigDecimal value, String unit) {
        if (value == null) {
            return "—";
        }
        String plain = value.stripTrailingZeros().toPlainString();
        return unit == null || unit.isBlank() ? plain : plain + " " + unit;
    }
}
