package jp.shinchoku.portal.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import jp.shinchoku.portal.api.Api;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import tools.jackson.databind.JsonNode;

/**
 * 進捗一覧 for the 推進本部: the plan's pillars, measures and KPIs with status and grade as of a day, the counts per
 * pillar (or measure, or department) with the roll-up method said, filtered by department, pillar and status; printed
 * on A4 landscape for the 推進本部's meeting. The filter form redraws only the table (htmx).
 */
@Controller
class ProgressController {

    private final Api api;

    ProgressController(Api api) {
        this.api = api;
    }

    record Kpi(String id, String name, String department, String latest, String latestOn, String target, String due,
            String status, String grade) {
    }

    record Measure(String code, String title, String department, List<Kpi> kpis) {
    }

    record Pillar(String code, String title, List<Measure> measures) {
    }

    /** A row of the roll-up: a pillar's (measure's, department's) KPIs counted by status; the plan's in the last. */
    record Group(String label, int kpis, Map<String, Integer> counts, boolean total) {
        static Group of(JsonNode group, boolean total) {
            Map<String, Integer> counts = new LinkedHashMap<>();
            group.path("statuses").forEach(count -> counts.put(count.path("status").asString(), count.path("kpis").asInt()));
            return new Group(group.path("label").asString(), group.path("kpis").asInt(), counts, total);
        }
    }

    @GetMapping("/progress")
    String progress(@RequestParam(required = false) String plan, @RequestParam(defaultValue = "pillar") String by,
            @RequestParam(required = false) String asOf, @RequestParam(required = false) String fiscalYear,
            @RequestParam(required = false) String department, @RequestParam(required = false) String pillar,
            @RequestParam(required = false) String status,
            @RequestHeader(name = "HX-Request", required = false) String htmx, Model model) {
        Plans plans = Plans.of(api, plan);
        model.addAttribute("plans", plans);
        model.addAttribute("by", by);
        model.addAttribute("asOf", asOf);
        model.addAttribute("fiscalYear", fiscalYear);
        model.addAttribute("department", department);
        model.addAttribute("pillar", pillar);
        model.addAttribute("status", status);
        if (plans.chosen() == null) {
            model.addAttribute("pillars", List.of());
            return "progress";
        }
        String planId = plans.chosen().id();
        JsonNode rollup = api.get(Api.Service.MEASUREMENT,
                "/api/plans/{planId}/progress?by={by}&asOf={asOf}&fiscalYear={fiscalYear}", planId, by,
                blank(asOf), blank(fiscalYear));
        JsonNode export = api.get(Api.Service.MEASUREMENT,
                "/api/plans/{planId}/progress/export?asOf={asOf}&fiscalYear={fiscalYear}", planId, blank(asOf),
                blank(fiscalYear));
        model.addAttribute("rollup", rollup);
        List<Group> groups = new ArrayList<>();
        rollup.path("groups").forEach(group -> groups.add(Group.of(group, false)));
        groups.add(Group.of(rollup.path("total"), true));
        model.addAttribute("groups", groups);
        model.addAttribute("asOfLabel", PageModel.date(ReportsController.text(rollup.path("asOf"))));
        TreeSet<String> departments = new TreeSet<>();
        Map<String, String> pillarTitles = new LinkedHashMap<>();
        Map<String, Pillar> pillars = new LinkedHashMap<>();
        for (JsonNode row : export.path("rows")) {
            String rowDepartment = row.path("departmentCode").asString();
            String rowPillar = row.path("pillarCode").asString();
            departments.add(rowDepartment);
            pillarTitles.putIfAbsent(rowPillar, row.path("pillarTitle").asString());
            String rowStatus = Statuses.code(row.path("status").asString());
            if (!matches(department, rowDepartment) || !matches(pillar, rowPillar) || !matches(status, rowStatus)) {
                continue;
            }
            Pillar p = pillars.computeIfAbsent(rowPillar, code -> new Pillar(code, row.path("pillarTitle").asString(),
                    new ArrayList<>()));
            String measureCode = row.path("measureCode").asString();
            Measure m = p.measures().stream().filter(existing -> existing.code().equals(measureCode)).findFirst()
                    .orElseGet(() -> {
                        Measure added = new Measure(measureCode, row.path("measureTitle").asString(), rowDepartment,
                                new ArrayList<>());
                        p.measures().add(added);
                        return added;
                    });
            String unit = ReportsController.text(row.path("unit"));
            m.kpis().add(new Kpi(row.path("kpiId").asString(), row.path("kpiName").asString(), rowDepartment,
                    withUnit(ReportsController.text(row.path("latestValue")), unit),
                    PageModel.date(ReportsController.text(row.path("latestMeasuredOn"))),
                    withUnit(ReportsController.text(row.path("targetValue")), unit),
                    PageModel.date(ReportsController.text(row.path("targetDue"))), rowStatus, row.path("grade").asString()));
        }
        model.addAttribute("departments", departments);
        model.addAttribute("pillarTitles", pillarTitles);
        model.addAttribute("pillars", List.copyOf(pillars.values()));
        return htmx != null ? "progress :: results" : "progress";
    }

    private static boolean matches(String wanted, String actual) {
        return wanted == null || wanted.isBlank() || wanted.equals(actual);
    }

    private static String blank(String text) {
        return text == null ? "" : text;
    }

    private static String withUnit(String value, String unit) {
        return value == null ? "—" : unit == null ? value : value + " " + unit;
    }
}
