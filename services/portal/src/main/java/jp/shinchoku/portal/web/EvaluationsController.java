package jp.shinchoku.portal.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import jakarta.servlet.http.HttpServletResponse;
import jp.shinchoku.calendar.FiscalYear;
import jp.shinchoku.portal.api.ApiProblemException;
import jp.shinchoku.portal.api.MeasurementClient;
import jp.shinchoku.portal.api.MeasurementClient.EvaluationKpi;
import jp.shinchoku.portal.api.MeasurementClient.HqDecision;
import jp.shinchoku.portal.api.MeasurementClient.MeasureEvaluation;
import jp.shinchoku.portal.api.MeasurementClient.SelfDraft;
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
 * 施策評価 of a fiscal year (the one that ended last, at first): a department's measures, each with its KPIs' figures
 * as the year ended beside its 自己評価 form (saved as a draft, then submitted; read-only once submitted, with the
 * 推進本部's evaluation when there is one); the 推進本部's page, by 柱, with every measure's 自己評価 and an
 * evaluation form for the submitted ones; the year's 取組状況報告書 (Excel, PDF) passed on from the measurement service;
 * a decided 見直し or 廃止 starts the matching 計画の改定 (the revision form filled in from the evaluation).
 */
@Controller
class EvaluationsController {

    /** How many fiscal years back the year chooser offers. */
    private static final int YEARS_BACK = 9;
    static final List<String> DIRECTIONS = List.of("CONTINUE", "EXPAND", "REVISE", "COMPLETE", "ABOLISH");
    static final List<String> GRADES = List.of("S", "A", "B", "C");

    private final PlanClient planClient;
    private final MeasurementClient measurement;
    private final MessageSource messages;

    EvaluationsController(PlanClient planClient, MeasurementClient measurement, MessageSource messages) {
        this.planClient = planClient;
        this.measurement = measurement;
        this.messages = messages;
    }

    /** A KPI's figures as the year ended, as shown: value with its unit, status and verdict as codes. */
    record Figure(String kpiId, String name, String value, String status, String grade, String verdict) {
        static Figure of(EvaluationKpi kpi) {
            return new Figure(kpi.kpiId(), kpi.name() == null ? kpi.kpiId() : kpi.name(), number(kpi.value(), kpi.unit()),
                    kpi.status() == null ? "UNKNOWN" : kpi.status(), kpi.grade() == null ? "—" : kpi.grade(),
                    kpi.verdict() == null ? null : kpi.verdict().verdict());
        }
    }

    /**
     * A measure as a page shows it: what it is, its state, its KPIs, the form's values (what was kept, or what was
     * typed when the service refused it) and the problems at their fields.
     */
    record Item(String code, String title, String pillarCode, String pillarTitle, String department, String state,
            String asOf, String suggestedGrade, List<Figure> figures, Map<String, String> form,
            Map<String, String> problems, String selfBy, String selfAt, MeasurementClient.HqEvaluation hq,
            String hqAt) {

        /** The department may still write it. */
        public boolean editable() {
            return "DRAFT".equals(state);
        }

        /** The engine offers a grade (none where no KPI is graded). */
        public boolean suggests() {
            return GRADES.contains(suggestedGrade);
        }

        public String value(String field) {
            String value = form.get(field);
            return value == null ? "" : value;
        }

        public String problem(String field) {
            return problems.get(field);
        }

        public boolean invalid(String field) {
            return problems.containsKey(field);
        }
    }

    /** A 柱 and its measures (the 推進本部's page). */
    record Pillar(String code, String title, List<Item> items) {
    }

    /** What a refused form had typed and what the service said of it, field by field. */
    record Attempt(String measureCode, Map<String, String> form, Map<String, String> problems) {
    }

    @GetMapping("/evaluations")
    String department(@RequestParam(required = false) String plan, @RequestParam(required = false) Integer fiscalYear,
            @AuthenticationPrincipal OidcUser user, Model model) {
        return departmentPage(plan, fiscalYear, Me.of(user), null, model);
    }

    /** The department's 自己評価: kept as a draft ({@code action=draft}) or submitted ({@code action=submit}). */
    @PostMapping("/evaluations/{measureCode}")
    String self(@PathVariable String measureCode, @RequestParam String plan, @RequestParam int fiscalYear,
            @RequestParam(required = false) String activities, @RequestParam(required = false) String results,
            @RequestParam(required = false) String issues, @RequestParam(required = false) String direction,
            @RequestParam(required = false) String grade, @RequestParam(defaultValue = "draft") String action,
            @AuthenticationPrincipal OidcUser user, Model model, HttpServletResponse response,
            RedirectAttributes redirect) {
        SelfDraft self = new SelfDraft(given(activities), given(results), given(issues), given(direction), given(grade));
        boolean submit = "submit".equals(action);
        try {
            MeasureEvaluation done = submit ? measurement.submitEvaluation(plan, fiscalYear, measureCode, self)
                    : measurement.draftEvaluation(plan, fiscalYear, measureCode, self);
            String title = done == null || done.measureTitle() == null ? measureCode : done.measureTitle();
            redirect.addFlashAttribute("notice", text(submit ? "evaluations.submitted" : "evaluations.saved", title));
        } catch (ApiProblemException refused) {
            Map<String, String> typed = new LinkedHashMap<>();
            typed.put("activities", activities);
            typed.put("results", results);
            typed.put("issues", issues);
            typed.put("direction", direction);
            typed.put("grade", grade);
            return refusedPage(refused, measureCode, typed, response, model,
                    attempt -> departmentPage(plan, fiscalYear, Me.of(user), attempt, model));
        }
        return "redirect:" + here("/evaluations", plan, fiscalYear);
    }

    @GetMapping("/evaluations/hq")
    String headquarters(@RequestParam(required = false) String plan, @RequestParam(required = false) Integer fiscalYear,
            @AuthenticationPrincipal OidcUser user, Model model) {
        return headquartersPage(plan, fiscalYear, Me.of(user), null, model);
    }

    /** The 推進本部's evaluation of a submitted 自己評価: grade, direction decided, comment. */
    @PostMapping("/evaluations/hq/{measureCode}")
    String evaluate(@PathVariable String measureCode, @RequestParam String plan, @RequestParam int fiscalYear,
            @RequestParam(required = false) String grade, @RequestParam(required = false) String direction,
            @RequestParam(required = false) String comment, @AuthenticationPrincipal OidcUser user, Model model,
            HttpServletResponse response, RedirectAttributes redirect) {
        try {
            MeasureEvaluation done = measurement.evaluate(plan, fiscalYear, measureCode,
                    new HqDecision(given(comment), given(grade), given(direction)));
            String title = done == null || done.measureTitle() == null ? measureCode : done.measureTitle();
            redirect.addFlashAttribute("notice", text("evaluations.evaluated", title));
        } catch (ApiProblemException refused) {
            Map<String, String> typed = new LinkedHashMap<>();
            typed.put("grade", grade);
            typed.put("direction", direction);
            typed.put("comment", comment);
            return refusedPage(refused, measureCode, typed, response, model,
                    attempt -> headquartersPage(plan, fiscalYear, Me.of(user), attempt, model));
        }
        return "redirect:" + here("/evaluations/hq", plan, fiscalYear);
    }

    /** 取組状況報告書 of the year, as the measurement service makes it; a year not closed is said on the 推進本部's page. */
    @GetMapping("/evaluations/hq/report.xlsx")
    Object report(@RequestParam String plan, @RequestParam int fiscalYear, RedirectAttributes redirect) {
        return YearReportFiles.download(measurement, YearReportFiles.Format.XLSX, plan, fiscalYear,
                here("/evaluations/hq", plan, fiscalYear), redirect);
    }

    /** The same report as a PDF. */
    @GetMapping("/evaluations/hq/report.pdf")
    Object reportPdf(@RequestParam String plan, @RequestParam int fiscalYear, RedirectAttributes redirect) {
        return YearReportFiles.download(measurement, YearReportFiles.Format.PDF, plan, fiscalYear,
                here("/evaluations/hq", plan, fiscalYear), redirect);
    }

    /**
     * A refusal the form can say: at its fields (a field missing, too long, not a grade or direction) or for the form as
     * a whole (409: submitted, evaluated, not yet submitted), with what was typed kept; a page one may not see (403,
     * 404) is the portal's error page.
     */
    private String refusedPage(ApiProblemException refused, String measureCode, Map<String, String> typed,
            HttpServletResponse response, Model model, java.util.function.Function<Attempt, String> page) {
        if (refused.status() == 401 || refused.status() == 403 || refused.status() == 404) {
            throw refused;
        }
        response.setStatus(refused.status());
        String said = refused.detail(LocaleContextHolder.getLocale());
        Map<String, String> problems = new LinkedHashMap<>();
        for (String missing : MeasurementClient.missing(refused)) {
            problems.put(missing, text("evaluations.missing." + missing));
        }
        String field = MeasurementClient.field(refused);
        if (!field.isEmpty()) {
            problems.put(field, said);
        }
        model.addAttribute("problem", said);
        return page.apply(new Attempt(measureCode, typed, problems));
    }

    private String departmentPage(String plan, Integer wanted, Me me, Attempt attempt, Model model) {
        Plans plans = Plans.of(planClient, plan);
        int year = years(plans, wanted, me, model);
        List<Item> items = List.of();
        String departmentName = null;
        if (plans.chosen() != null && me.department() != null) {
            Departments departments = Departments.of(planClient, ApprovalsController.municipality(me, plans));
            departmentName = departments.name(me.department());
            items = measurement.evaluations(plans.chosen().id(), year).stream()
                    .filter(e -> me.department().equals(e.departmentCode()))
                    .map(e -> item(e, departments, attempt)).toList();
        }
        model.addAttribute("departmentName", departmentName);
        model.addAttribute("items", items);
        return "evaluations";
    }

    private String headquartersPage(String plan, Integer wanted, Me me, Attempt attempt, Model model) {
        Plans plans = Plans.of(planClient, plan);
        int year = years(plans, wanted, me, model);
        List<Pillar> pillars = new ArrayList<>();
        if (plans.chosen() != null) {
            Departments departments = Departments.of(planClient, ApprovalsController.municipality(me, plans));
            Map<String, List<Item>> byPillar = new LinkedHashMap<>();
            Map<String, String> titles = new LinkedHashMap<>();
            for (MeasureEvaluation e : measurement.evaluations(plans.chosen().id(), year)) {
                String key = e.pillarCode() == null ? "" : e.pillarCode();
                titles.putIfAbsent(key, e.pillarTitle());
                byPillar.computeIfAbsent(key, k -> new ArrayList<>()).add(item(e, departments, attempt));
            }
            byPillar.forEach((code, items) -> pillars.add(new Pillar(code, titles.get(code), items)));
        }
        model.addAttribute("pillars", pillars);
        return "evaluations-hq";
    }

    /** The plans, the year chosen (at first the one that ended last, as the measurement service counts the days). */
    private int years(Plans plans, Integer wanted, Me me, Model model) {
        model.addAttribute("plans", plans);
        LocalDate today = plans.chosen() == null ? LocalDate.now() : today(plans.chosen().id(), me);
        int current = FiscalYear.containing(today).startYear();
        int chosen = wanted == null ? current - 1 : wanted;
        TreeSet<Integer> offered = new TreeSet<>();
        for (int year = current; year >= current - YEARS_BACK; year--) {
            offered.add(year);
        }
        offered.add(chosen);
        model.addAttribute("years", offered.descendingSet().stream()
                .map(year -> new FiscalYearsController.YearChoice(year, FiscalYear.of(year).label())).toList());
        model.addAttribute("fiscalYear", chosen);
        model.addAttribute("yearLabel", LocaleContextHolder.getLocale().getLanguage().equals("en")
                ? FiscalYear.of(chosen).labelEn() : FiscalYear.of(chosen).label());
        model.addAttribute("directions", DIRECTIONS);
        model.addAttribute("grades", GRADES);
        model.addAttribute("textFields", List.of("activities", "results", "issues"));
        return chosen;
    }

    /**
     * The measurement service's today: a department reads it from its own KPIs (the plan's progress is not for it), the
     * others from the plan's progress.
     */
    private LocalDate today(String planId, Me me) {
        if (me.department() != null) {
            String asOf = measurement.kpis(planId, me.department(), null, null).asOf();
            return asOf == null || asOf.length() < 10 ? LocalDate.now() : LocalDate.parse(asOf.substring(0, 10));
        }
        return measurement.today(planId).orElseGet(LocalDate::now);
    }

    private static Item item(MeasureEvaluation e, Departments departments, Attempt attempt) {
        Map<String, String> form = new LinkedHashMap<>();
        MeasurementClient.SelfEvaluation self = e.self();
        form.put("activities", self == null ? null : self.activities());
        form.put("results", self == null ? null : self.results());
        form.put("issues", self == null ? null : self.issues());
        form.put("direction", self == null ? null : self.direction());
        // the engine's grade, chosen until the department chooses one
        form.put("grade", self != null && self.grade() != null ? self.grade()
                : GRADES.contains(e.suggestedGrade()) ? e.suggestedGrade() : null);
        // the 推進本部's form starts from the department's grade and direction
        form.put("hqGrade", self == null ? null : self.grade());
        form.put("hqDirection", self == null ? null : self.direction());
        form.put("comment", null);
        Map<String, String> problems = Map.of();
        if (attempt != null && attempt.measureCode().equals(e.measureCode())) {
            boolean hq = attempt.form().containsKey("comment");
            attempt.form().forEach((field, typed) -> form.put(hq && !"comment".equals(field)
                    ? "hq" + Character.toUpperCase(field.charAt(0)) + field.substring(1) : field, typed));
            problems = attempt.problems();
        }
        return new Item(e.measureCode(), e.measureTitle() == null ? e.measureCode() : e.measureTitle(), e.pillarCode(),
                e.pillarTitle(), departments.name(e.departmentCode()), e.state() == null ? "DRAFT" : e.state(),
                PageModel.date(e.asOf()), e.suggestedGrade(), e.kpis().stream().map(Figure::of).toList(), form,
                problems, self == null ? null : self.by(), self == null ? null : PageModel.time(self.at()), e.hq(),
                e.hq() == null ? null : PageModel.time(e.hq().at()));
    }

    private static String here(String path, String plan, int fiscalYear) {
        return UriComponentsBuilder.fromPath(path).queryParam("plan", plan).queryParam("fiscalYear", fiscalYear)
                .encode().build().toUriString();
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, args, LocaleContextHolder.getLocale());
    }

    /** A form's field as sent: stripped, none when blank. */
    private static String given(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static String number(BigDecimal value, String unit) {
        if (value == null) {
            return "—";
        }
        String plain = value.stripTrailingZeros().toPlainString();
        return unit == null || unit.isBlank() ? plain : plain + " " + unit;
    }
}
