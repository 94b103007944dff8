package jp.shinchoku.portal.web;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;
import jp.shinchoku.portal.api.ApiProblemException;
import jp.shinchoku.portal.api.PlanClient;
import jp.shinchoku.portal.api.PlanClient.Change;
import jp.shinchoku.portal.api.PlanClient.KpiDefinition;
import jp.shinchoku.portal.api.PlanClient.MeasureDefinition;
import jp.shinchoku.portal.api.PlanClient.Plan;
import jp.shinchoku.portal.api.PlanClient.Problem;
import jp.shinchoku.portal.api.PlanClient.Revision;
import jp.shinchoku.portal.api.PlanClient.Review;
import jp.shinchoku.portal.api.PlanClient.Target;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 計画の改定 and 年度見直し: the 推進本部 revises the plan, or records a fiscal year's review with the revision it
 * decided, choosing KPIs, measures, departments and milestones from the plan as the plan service shows it. Each kind
 * of change has its fieldset (set or change a target, add or retire a measure, reassign its department, move a
 * milestone, add or retire a KPI, add a milestone); every fieldset filled in is one change, all made as one revision
 * (and with the review, as one set). A refusal's problems are shown at their fields, in the reader's language; nothing is made.
 */
@Controller
class RevisionController {

    /** The form's fields, each change type's own first (its fieldset), the field a problem's path names. */
    private static final Map<String, Map<String, String>> FIELDS = Map.of(
            "set-target", fields("setKpi", ".kind", "setKind", ".direction", "setDirection", ".unit", "setUnit",
                    ".target.due", "setDue", ".target", "setValue"),
            "change-target", fields("ctKpi", ".target.due", "ctDue", ".target", "ctValue"),
            "add-measure", fields("amTitle", ".pillar", "amPillar", ".definition.code", "amCode",
                    ".definition.department", "amDepartment", ".definition.kpis[0].name", "amKpiName",
                    ".definition.kpis[0].unit", "amKpiUnit", ".definition.kpis[0].kind", "amKpiKind",
                    ".definition.kpis[0].direction", "amKpiDirection", ".definition.kpis[0].target.due", "amKpiDue",
                    ".definition.kpis[0]", "amKpiValue"),
            "retire-measure", fields("rmMeasure"),
            "reassign-department", fields("rdMeasure", ".department", "rdDepartment"),
            "reschedule-milestone", fields("msMilestone", ".due", "msDue"),
            "add-kpi", fields("akMeasure", ".kpiDefinition", "akKind", ".kpiDefinition.code", "akCode",
                    ".kpiDefinition.name", "akName", ".kpiDefinition.unit", "akUnit", ".kpiDefinition.kind", "akKind",
                    ".kpiDefinition.direction", "akDirection", ".kpiDefinition.target.due", "akDue",
                    ".kpiDefinition.target", "akValue"),
            "retire-kpi", fields("rkKpi"),
            "add-milestone", fields("nmMeasure", ".text", "nmText", ".due", "nmDue"));

    /** The kinds a KPI can be given (未設定 and 定性 are not targets). */
    static final List<String> KINDS = List.of("count", "percentage", "boolean");
    static final List<String> DIRECTIONS = List.of("increase", "decrease", "achieve");

    private final PlanClient plans;
    private final MessageSource messages;

    RevisionController(PlanClient plans, MessageSource messages) {
        this.plans = plans;
        this.messages = messages;
    }

    /** A KPI, measure, department or milestone as a choice: its value and what the reader sees. */
    record Choice(String value, String label) {
    }

    /**
     * The revision form; from a 施策評価 whose decided direction is 廃止 ({@code ABOLISH}) or 見直し ({@code REVISE})
     * ({@code ?from-evaluation=3-1&fiscalYear=2024&direction=ABOLISH}) filled in with the matching change: the
     * measure retired, or each of its KPIs' target and deadline to change, and the reason. Nothing is kept: the
     * 推進本部 checks it and revises as always.
     */
    @GetMapping("/plans/{planId}/revisions/new")
    String revisionForm(@PathVariable String planId,
            @RequestParam(name = "from-evaluation", required = false) String fromEvaluation,
            @RequestParam(required = false) Integer fiscalYear, @RequestParam(required = false) String direction,
            Model model) {
        Plan plan = plans.plan(planId);
        Map<String, String> form = new LinkedHashMap<>();
        if (fromEvaluation != null && fiscalYear != null && direction != null) {
            fromEvaluation(plan, fromEvaluation, fiscalYear, direction, form, model);
        }
        return page(plan, false, form, Map.of(), List.of(), model);
    }

    /** The change a decided 廃止 or 見直し of an active measure calls for, and its reason, written into the form. */
    private void fromEvaluation(Plan plan, String measureCode, int fiscalYear, String direction,
            Map<String, String> form, Model model) {
        if (!"ABOLISH".equals(direction) && !"REVISE".equals(direction)) {
            return;
        }
        PlanClient.Measure measure = plan.pillars().stream().flatMap(p -> p.measures().stream())
                .filter(m -> m.code().equals(measureCode) && !m.retired()).findFirst().orElse(null);
        if (measure == null) {
            return;
        }
        jp.shinchoku.calendar.FiscalYear year = jp.shinchoku.calendar.FiscalYear.of(fiscalYear);
        String yearLabel = "en".equals(LocaleContextHolder.getLocale().getLanguage()) ? year.labelEn() : year.label();
        form.put("reason", message("publishing.revision-reason." + direction, yearLabel));
        if ("ABOLISH".equals(direction)) {
            form.put("rmMeasure", measure.code());
        } else {
            int row = 1;
            for (PlanClient.Kpi kpi : measure.kpis()) {
                if (kpi.retired() || "undefined".equals(kpi.kind()) || "qualitative".equals(kpi.kind())) {
                    continue;
                }
                String suffix = row == 1 ? "" : "-" + row;
                form.put("ctKpi" + suffix, kpi.id());
                form.put("ctValue" + suffix, kpi.target() == null ? "" : kpi.target().stripTrailingZeros().toPlainString());
                form.put("ctDue" + suffix, kpi.due() == null || kpi.due().date() == null ? "" : kpi.due().date());
                row++;
            }
        }
        model.addAttribute("fromEvaluation", message("publishing.from-evaluation." + direction, yearLabel,
                measure.code() + " " + measure.title()));
    }

    @GetMapping("/plans/{planId}/reviews/new")
    String reviewForm(@PathVariable String planId, Model model) {
        return page(planId, true, Map.of(), Map.of(), List.of(), model);
    }

    @PostMapping("/plans/{planId}/revisions")
    String revise(@PathVariable String planId, @RequestParam Map<String, String> form, Model model,
            HttpServletResponse response, RedirectAttributes redirect) {
        Changes changes = Changes.of(form);
        if (notNumbers(form, model, response)) {
            return page(planId, false, form, notNumbers(form), List.of(), model);
        }
        try {
            Plan revised = plans.revise(planId, new Revision(text(form, "reason"), changes.changes()));
            redirect.addFlashAttribute("notice", message("revise.done", revised.revision()));
            return "redirect:/plans/" + planId;
        } catch (ApiProblemException refused) {
            return refused(planId, false, form, changes, refused, "", model, response);
        }
    }

    @PostMapping("/plans/{planId}/reviews")
    String review(@PathVariable String planId, @RequestParam Map<String, String> form, Model model,
            HttpServletResponse response, RedirectAttributes redirect) {
        Changes changes = Changes.of(form);
        if (notNumbers(form, model, response)) {
            return page(planId, true, form, notNumbers(form), List.of(), model);
        }
        List<Revision> revisions = changes.changes().isEmpty() && text(form, "reason") == null ? List.of()
                : List.of(new Revision(text(form, "reason"), changes.changes()));
        try {
            PlanClient.RecordedReview recorded = plans.review(planId,
                    new Review(text(form, "fiscalYear"), text(form, "note"), revisions));
            redirect.addFlashAttribute("notice", recorded == null || recorded.revisions().isEmpty()
                    ? message("plan.reviewed")
                    : message("review.done", String.join("・", recorded.revisions().stream()
                            .map(number -> message("revise.number", number)).toList())));
            return "redirect:/plans/" + planId;
        } catch (ApiProblemException refused) {
            return refused(planId, true, form, changes, refused, "revisions[0].", model, response);
        }
    }

    /** Whether a target value is not a number: then the page says so at its field, and nothing is sent. */
    private boolean notNumbers(Map<String, String> form, Model model, HttpServletResponse response) {
        if (notNumbers(form).isEmpty()) {
            return false;
        }
        response.setStatus(400);
        model.addAttribute("problem", message("revise.invalid"));
        return true;
    }

    private Map<String, String> notNumbers(Map<String, String> form) {
        Map<String, String> errors = new LinkedHashMap<>();
        List<String> numbers = new ArrayList<>(List.of("setValue", "amKpiValue", "akValue"));
        changeTargetRows(form).forEach(row -> numbers.add("ctValue" + row));
        for (String field : numbers) {
            String given = text(form, field);
            if (given != null && number(given) == null) {
                errors.put(field, message("revise.not-a-number", given));
            }
        }
        return errors;
    }

    private static BigDecimal number(String given) {
        try {
            return new BigDecimal(given.replace(",", ""));
        } catch (NumberFormatException notANumber) {
            return null;
        }
    }

    /** The form again as written, each problem at its field; those no field shows above the form. */
    private String refused(String planId, boolean review, Map<String, String> form, Changes changes,
            ApiProblemException refused, String prefix, Model model, HttpServletResponse response) {
        response.setStatus(refused.status());
        Locale locale = LocaleContextHolder.getLocale();
        Map<String, String> errors = new LinkedHashMap<>();
        List<String> general = new ArrayList<>();
        for (Problem problem : PlanClient.problems(refused)) {
            String field = changes.field(problem.path(), prefix);
            if (field == null) {
                general.add(problem.message(locale));
            } else {
                errors.merge(field, problem.message(locale), (a, b) -> a + " " + b);
            }
        }
        model.addAttribute("problem", refused.detail(locale));
        return page(planId, review, form, errors, general, model);
    }

    private String page(String planId, boolean review, Map<String, String> form, Map<String, String> errors,
            List<String> general, Model model) {
        return page(plans.plan(planId), review, form, errors, general, model);
    }

    private String page(Plan plan, boolean review, Map<String, String> form, Map<String, String> errors,
            List<String> general, Model model) {
        Departments names = Departments.of(plans, plan.municipality() == null ? null : plan.municipality().key());
        List<Choice> undefined = new ArrayList<>();
        List<Choice> targeted = new ArrayList<>();
        List<Choice> tracked = new ArrayList<>();
        List<Choice> measures = new ArrayList<>();
        List<Choice> milestones = new ArrayList<>();
        java.util.Set<String> departments = new java.util.TreeSet<>();
        plan.departments().forEach(d -> departments.add(d.code()));
        for (PlanClient.Pillar pillar : plan.pillars()) {
            for (PlanClient.Measure measure : pillar.measures()) {
                if (measure.department() != null) {
                    departments.add(measure.department());
                }
                if (measure.retired()) {
                    continue;
                }
                measures.add(new Choice(measure.code(), measure.code() + " " + measure.title() + "（"
                        + names.name(measure.department()) + "）"));
                for (PlanClient.Kpi kpi : measure.kpis()) {
                    if (kpi.retired()) {
                        continue;
                    }
                    tracked.add(new Choice(kpi.id(), kpi.name() + "（" + measure.code() + " " + measure.title() + "）"));
                    if ("undefined".equals(kpi.kind())) {
                        undefined.add(new Choice(kpi.id(), kpi.name() + "（" + measure.title() + "）"));
                    } else if (!"qualitative".equals(kpi.kind())) {
                        targeted.add(new Choice(kpi.id(), kpi.name() + "（" + target(kpi) + "）"));
                    }
                }
                for (PlanClient.Milestone milestone : measure.milestones()) {
                    milestones.add(new Choice(milestone.id(), milestone.text() + "（"
                            + (milestone.due() == null ? "—" : milestone.due().wareki()) + "）"));
                }
            }
        }
        model.addAttribute("plan", plan);
        model.addAttribute("review", review);
        model.addAttribute("form", new java.util.HashMap<>(form));
        model.addAttribute("errors", new java.util.HashMap<>(errors));
        model.addAttribute("general", general);
        model.addAttribute("undefinedKpis", undefined);
        model.addAttribute("targetedKpis", targeted);
        model.addAttribute("trackedKpis", tracked);
        model.addAttribute("measures", measures);
        model.addAttribute("milestones", milestones);
        model.addAttribute("pillars", plan.pillars().stream()
                .map(p -> new Choice(p.code(), p.code() + " " + p.title())).toList());
        model.addAttribute("departmentChoices", departments.stream().map(d -> new Choice(d, names.name(d))).toList());
        model.addAttribute("changeTargetRows", changeTargetRows(form));
        model.addAttribute("kinds", KINDS);
        model.addAttribute("directions", DIRECTIONS);
        return "revise";
    }

    /**
     * The change-target fieldsets the form shows: the first ({@code ctKpi}, {@code ctValue}, {@code ctDue}) and one
     * more for each further row the form carries ({@code ctKpi-2}, …), as a 見直し fills them in.
     */
    static List<String> changeTargetRows(Map<String, String> form) {
        java.util.TreeSet<Integer> rows = new java.util.TreeSet<>();
        for (String name : form.keySet()) {
            java.util.regex.Matcher row = CHANGE_TARGET_ROW.matcher(name);
            if (row.matches() && Integer.parseInt(row.group(1)) > 1) {
                rows.add(Integer.parseInt(row.group(1)));
            }
        }
        List<String> suffixes = new ArrayList<>();
        suffixes.add("");
        rows.forEach(row -> suffixes.add("-" + row));
        return suffixes;
    }

    private static final java.util.regex.Pattern CHANGE_TARGET_ROW =
            java.util.regex.Pattern.compile("ct(?:Kpi|Value|Due)-([0-9]{1,3})");

    private static String target(PlanClient.Kpi kpi) {
        String value = kpi.target() == null ? "—" : kpi.target().stripTrailingZeros().toPlainString()
                + (kpi.unit() == null ? "" : kpi.unit());
        return kpi.due() == null ? value : value + " / " + kpi.due().wareki();
    }

    /**
     * The changes the form's filled-in fieldsets make, in the fieldsets' order, each one's type and the suffix of its
     * fieldset's fields ({@code -2} for the second change-target row; none for the others).
     */
    record Changes(List<Change> changes, List<String> types, List<String> rows) {

        static Changes of(Map<String, String> form) {
            List<Change> changes = new ArrayList<>();
            List<String> types = new ArrayList<>();
            List<String> rows = new ArrayList<>();
            if (text(form, "setKpi") != null) {
                changes.add(Change.setTarget(text(form, "setKpi"), text(form, "setKind"), text(form, "setDirection"),
                        text(form, "setUnit"), target(form, "setValue", "setDue")));
                types.add("set-target");
                rows.add("");
            }
            for (String row : changeTargetRows(form)) {
                if (text(form, "ctKpi" + row) != null) {
                    changes.add(Change.changeTarget(text(form, "ctKpi" + row),
                            target(form, "ctValue" + row, "ctDue" + row)));
                    types.add("change-target");
                    rows.add(row);
                }
            }
            if (text(form, "amPillar") != null) {
                KpiDefinition kpi = new KpiDefinition(text(form, "amKpiName"), text(form, "amKpiUnit"),
                        text(form, "amKpiKind"), text(form, "amKpiDirection"), target(form, "amKpiValue", "amKpiDue"));
                changes.add(Change.addMeasure(text(form, "amPillar"), new MeasureDefinition(text(form, "amCode"),
                        text(form, "amTitle"), text(form, "amDepartment"), List.of(kpi))));
                types.add("add-measure");
                rows.add("");
            }
            if (text(form, "rmMeasure") != null) {
                changes.add(Change.retireMeasure(text(form, "rmMeasure")));
                types.add("retire-measure");
                rows.add("");
            }
            if (text(form, "rdMeasure") != null) {
                changes.add(Change.reassignDepartment(text(form, "rdMeasure"), text(form, "rdDepartment")));
                types.add("reassign-department");
                rows.add("");
            }
            if (text(form, "msMilestone") != null) {
                changes.add(Change.rescheduleMilestone(text(form, "msMilestone"), text(form, "msDue")));
                types.add("reschedule-milestone");
                rows.add("");
            }
            if (text(form, "akMeasure") != null) {
                changes.add(Change.addKpi(text(form, "akMeasure"), new KpiDefinition(text(form, "akCode"),
                        text(form, "akName"), text(form, "akUnit"), text(form, "akKind"), text(form, "akDirection"),
                        target(form, "akValue", "akDue"))));
                types.add("add-kpi");
                rows.add("");
            }
            if (text(form, "rkKpi") != null) {
                changes.add(Change.retireKpi(text(form, "rkKpi")));
                types.add("retire-kpi");
                rows.add("");
            }
            if (text(form, "nmMeasure") != null) {
                changes.add(Change.addMilestone(text(form, "nmMeasure"), text(form, "nmText"), text(form, "nmDue")));
                types.add("add-milestone");
                rows.add("");
            }
            return new Changes(List.copyOf(changes), List.copyOf(types), List.copyOf(rows));
        }

        /**
         * The field a problem's path names: {@code changes[1].target.due} is the due of the second change's
         * fieldset; {@code reason}, {@code fiscalYear}, {@code note} and {@code changes} (none given) are their own.
         */
        String field(String path, String prefix) {
            if (path == null) {
                return null;
            }
            String at = path.startsWith(prefix) ? path.substring(prefix.length()) : path;
            if (at.equals("reason") || at.equals("fiscalYear") || at.equals("note") || at.equals("changes")) {
                return at;
            }
            if (!at.startsWith("changes[")) {
                return null;
            }
            int end = at.indexOf(']');
            int index;
            try {
                index = Integer.parseInt(at.substring("changes[".length(), end));
            } catch (RuntimeException notAnIndex) {
                return null;
            }
            if (index < 0 || index >= types.size()) {
                return null;
            }
            String rest = at.substring(end + 1);
            Map<String, String> fields = FIELDS.get(types.get(index));
            return fields.entrySet().stream().filter(e -> !e.getKey().isEmpty() && rest.startsWith(e.getKey()))
                    .max(java.util.Comparator.comparingInt(e -> e.getKey().length())).map(Map.Entry::getValue)
                    .orElse(fields.get("")) + rows.get(index);
        }
    }

    /** A fieldset's fields: the first where a problem names no other, then a path's rest and its field. */
    private static Map<String, String> fields(String first, String... restAndField) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("", first);
        for (int i = 0; i + 1 < restAndField.length; i += 2) {
            fields.put(restAndField[i], restAndField[i + 1]);
        }
        return fields;
    }

    private static Target target(Map<String, String> form, String value, String due) {
        String given = text(form, value);
        BigDecimal number = given == null ? null : number(given);
        return number == null && text(form, due) == null ? null : new Target(number, text(form, due));
    }

    private static String text(Map<String, String> form, String name) {
        String value = form.get(name);
        return value == null || value.isBlank() ? null : value.strip();
    }

    private String message(String key, Object... args) {
        return messages.getMessage(key, args, LocaleContextHolder.getLocale());
    }
}
