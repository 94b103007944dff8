package jp.shinchoku.portal.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import jp.shinchoku.portal.api.MeasurementClient;
import jp.shinchoku.portal.api.PlanClient;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * 進捗一覧 for the 推進本部: the plan's pillars, measures and KPIs with status and grade as of a day, the counts per
 * pillar (or measure, or department) with the roll-up method said, filtered by department, pillar and status; printed
 * on A4 landscape for the 推進本部's meeting. The filter form redraws only the table (htmx).
 */
@Controller
class ProgressController {

    private final PlanClient planClient;
    private final MeasurementClient measurement;

    ProgressController(PlanClient planClient, MeasurementClient measurement) {
        this.planClient = planClient;
        this.measurement = measurement;
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
        static Group of(MeasurementClient.Group group, boolean total) {
            Map<String, Integer> counts = new LinkedHashMap<>();
            group.statuses().forEach(count -> counts.put(count.status(), count.kpis()));
            return new Group(group.label(), group.kpis(), counts, total);
        }
    }

    @GetMapping("/progress")
    String progress(@RequestParam(required = false) String plan, @RequestParam(defaultValue = "pillar") String by,
            @RequestParam(required = false) String asOf, @RequestParam(required = false) String fiscalYear,
            @RequestParam(required = false) String department, @RequestParam(required = false) String pillar,
            @RequestParam(required = false) String status,
            @RequestHeader(name = "HX-Request", required = false) String htmx, Model model) {
        Plans plans = Plans.of(planClient, plan);
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
        MeasurementClient.Rollup rollup = measurement.rollup(planId, by, asOf, fiscalYear);
        MeasurementClient.PlanKpis kpis = measurement.kpis(planId, null, asOf, fiscalYear);
        model.addAttribute("rollup", rollup);
        List<Group> groups = new ArrayList<>();
        rollup.groups().forEach(group -> groups.add(Group.of(group, false)));
        if (rollup.total() != null) {
            groups.add(Group.of(rollup.total(), true));
        }
        model.addAttribute("groups", groups);
        model.addAttribute("asOfLabel", PageModel.date(rollup.asOf()));
        TreeSet<String> departments = new TreeSet<>();
        Map<String, String> pillarTitles = new LinkedHashMap<>();
        Map<String, Pillar> pillars = new LinkedHashMap<>();
        for (MeasurementClient.PlanKpi row : kpis.kpis()) {
            String rowDepartment = row.departmentCode();
            String rowPillar = row.pillarCode();
            departments.add(rowDepartment);
            pillarTitles.putIfAbsent(rowPillar, row.pillarTitle());
            String rowStatus = row.status() == null ? "UNKNOWN" : row.status();
            if (!matches(department, rowDepartment) || !matches(pillar, rowPillar) || !matches(status, rowStatus)) {
                continue;
            }
            Pillar p = pillars.computeIfAbsent(rowPillar, code -> new Pillar(code, row.pillarTitle(), new ArrayList<>()));
            Measure m = p.measures().stream().filter(existing -> existing.code().equals(row.measureCode())).findFirst()
                    .orElseGet(() -> {
                        Measure added = new Measure(row.measureCode(), row.measureTitle(), rowDepartment,
                                new ArrayList<>());
                        p.measures().add(added);
                        return added;
                    });
            m.kpis().add(new Kpi(row.kpiId(), row.name(), rowDepartment, withUnit(plain(row.latestValue()), row.unit()),
                    PageModel.date(row.latestMeasuredOn()), withUnit(plain(row.targetValue()), row.unit()),
                    PageModel.date(row.targetDue()), rowStatus, row.grade()));
        }
        model.addAttribute("departments", departments);
        model.addAttribute("pillarTitles", pillarTitles);
        model.addAttribute("pillars", List.copyOf(pillars.values()));
        return htmx != null ? "progress :: results" : "progress";
    }

    private static boolean matches(String wanted, String actual) {
        return wanted == null || wanted.isBlank() || wanted.equals(actual);
    }

    private static String plain(java.math.BigDecimal value) {
        return value == null ? null : value.toPlainString();
    }

    private static String withUnit(String value, String unit) {
        return value == null ? "—" : unit == null ? value : value + " " + unit;
    }
}
