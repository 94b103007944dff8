package jp.shinchoku.measurement.progress.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jp.shinchoku.calendar.FiscalYear;
import jp.shinchoku.calendar.Wareki;
import jp.shinchoku.measurement.kpis.KpiDefinition;
import jp.shinchoku.measurement.kpis.web.KpiAccess;
import jp.shinchoku.measurement.progress.ProgressQueries.Grouping;
import jp.shinchoku.measurement.progress.ProgressQueries;
import jp.shinchoku.platform.web.ApiProblem;
import jp.shinchoku.platform.web.DateParameters;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Progress as the 推進本部 reviews it: roll-ups of a plan by measure, pillar, department or the whole plan, for a
 * fiscal year ({@code fiscalYear=令和6年度}: as of its last day, or today while it runs) or as of a date
 * ({@code asOf=2024-09-30}, {@code 令和6年9月末}); a KPI's time series; a department's reports due.
 */
@RestController
class ProgressQueryController {

    /** The service's problems: {@code problems.properties} and {@code problems_ja.properties}. */
    static final String PROBLEMS = "jp.shinchoku.measurement.web.problems";

    private final ProgressQueries queries;
    private final KpiAccess kpiAccess;

    ProgressQueryController(ProgressQueries queries, KpiAccess kpiAccess) {
        this.queries = queries;
        this.kpiAccess = kpiAccess;
    }

    record Method(String ja, String en) {
    }

    record StatusCount(String status, String label, int kpis, BigDecimal share) {
    }

    record GroupView(String key, String label, int kpis, List<StatusCount> statuses, Map<String, Integer> grades,
            int measured, BigDecimal meanAchievement, int withoutData, int withoutTarget, int notMeasurable) {

        static GroupView of(ProgressQueries.Group group) {
            Map<String, Integer> grades = new java.util.LinkedHashMap<>();
            group.grades().forEach((grade, count) -> grades.put(grade.label(), count));
            return new GroupView(group.key(), group.label(), group.kpis(), group.statuses().entrySet().stream()
                    .map(e -> new StatusCount(e.getKey().name(), e.getKey().label(), e.getValue(),
                            group.shares().get(e.getKey()))).toList(),
                    grades, group.measured(), group.meanAchievement(), group.withoutData(), group.withoutTarget(),
                    group.notMeasurable());
        }
    }

    record RollupView(String planId, LocalDate asOf, String asOfLabel, String by, Method method, List<GroupView> groups,
            GroupView total) {
    }

    @GetMapping("/api/plans/{planId}/progress")
    RollupView rollup(@PathVariable String planId, @RequestParam(defaultValue = "pillar") String by,
            @RequestParam(required = false) String asOf, @RequestParam(required = false) String fiscalYear) {
        kpiAccess.wholePlan(planId);
        Grouping grouping = grouping(by);
        LocalDate day = day(queries, asOf, fiscalYear);
        ProgressQueries.Rollup rollup = queries.rollup(planId, grouping, day);
        return new RollupView(planId, day, Wareki.format(day), by.toLowerCase(Locale.ROOT),
                new Method(ProgressQueries.Rollup.METHOD_JA, ProgressQueries.Rollup.METHOD_EN),
                rollup.groups().stream().map(GroupView::of).toList(), GroupView.of(rollup.total()));
    }

    record PointView(LocalDate date, String dateLabel, BigDecimal value, String label) {
    }

    record ObservationView(String measurementId, LocalDate measuredOn, String period, String periodLabel,
            BigDecimal reported, String text, BigDecimal value, BigDecimal achievement, BigDecimal expectedAchievement,
            BigDecimal expectedValue, String status, String statusLabel) {
    }

    record SeriesView(String kpiId, String name, String unit, String kind, String accumulation,
            List<PointView> trajectory, List<ObservationView> observations, String statusToday, String statusLabelToday) {
    }

    /** A KPI's reported values, each with what the trajectory expected on its date, and the trajectory itself. */
    @GetMapping("/api/kpis/{kpiId}/series")
    SeriesView series(@PathVariable String kpiId) {
        kpiAccess.readable(kpiId);
        ProgressQueries.Series series = queries.series(kpiId);
        KpiDefinition kpi = series.kpi();
        return new SeriesView(kpi.id(), kpi.name(), kpi.unit(), kpi.kind().name().toLowerCase(Locale.ROOT),
                kpi.accumulation().name().toLowerCase(Locale.ROOT).replace('_', '-'),
                series.trajectory().stream().map(p -> new PointView(p.date(), Wareki.format(p.date()), p.value(), p.label()))
                        .toList(),
                series.observations().stream().map(o -> new ObservationView(o.measurementId(), o.measuredOn(),
                        o.period().code(), o.period().label(), o.reported(), o.text(), o.value(), o.achievement(),
                        o.expectedAchievement(), o.expectedValue(), o.status().name(), o.status().label())).toList(),
                series.today().status().name(), series.today().status().label());
    }

    record DueView(String kpiId, String name, String measureTitle, String period, String periodLabel, LocalDate dueOn,
            String dueOnLabel, String state, String stateLabel, String measurementId) {
    }

    /** The department's KPIs and their report for the reporting period that ended last, due by 翌月末. */
    @GetMapping("/api/plans/{planId}/departments/{departmentCode}/due")
    List<DueView> due(@PathVariable String planId, @PathVariable String departmentCode) {
        kpiAccess.department(planId, departmentCode);
        return queries.due(planId, departmentCode).stream().map(d -> new DueView(d.kpi().id(), d.kpi().name(),
                d.kpi().placement().measureTitle(), d.period().code(), d.period().label(), d.dueOn(),
                Wareki.format(d.dueOn()), d.state().name(), d.state().label(),
                d.reported() == null ? null : d.reported().id())).toList();
    }

    /** The day asked about: a fiscal year's last day, a date's, or today; never later than today. */
    static LocalDate day(ProgressQueries queries, String asOf, String fiscalYear) {
        if (asOf != null && !asOf.isBlank() && fiscalYear != null && !fiscalYear.isBlank()) {
            throw invalid("asOf", asOf, "parameter.as-of-with-fiscal-year");
        }
        LocalDate today = queries.today();
        FiscalYear year = DateParameters.fiscalYear("fiscalYear", fiscalYear);
        LocalDate day = year != null ? year.lastDay() : asOf == null || asOf.isBlank() ? today
                : DateParameters.lastDay("asOf", asOf);
        return day.isAfter(today) ? today : day;
    }

    private static Grouping grouping(String by) {
        try {
            return Grouping.valueOf(by.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw invalid("by", by, "parameter.by");
        }
    }

    @ExceptionHandler(ProgressQueries.UnknownPlanException.class)
    ResponseEntity<ProblemDetail> unknownPlan(ProgressQueries.UnknownPlanException e) {
        return ApiProblem.of(PROBLEMS, HttpStatus.NOT_FOUND, "plan-not-found", e.getMessage()).toResponse();
    }

    @ExceptionHandler(ProgressQueries.UnknownKpiException.class)
    ResponseEntity<ProblemDetail> unknownKpi(ProgressQueries.UnknownKpiException e) {
        return ApiProblem.of(PROBLEMS, HttpStatus.NOT_FOUND, "kpi-not-found", e.getMessage()).toResponse();
    }

    /** A parameter refused, why being {@code why} of the service's problems. */
    private static ApiProblem invalid(String name, String value, String why) {
        return DateParameters.invalid(name, value, ApiProblem.message(PROBLEMS, Locale.JAPANESE, why),
                ApiProblem.message(PROBLEMS, Locale.ENGLISH, why));
    }

}
