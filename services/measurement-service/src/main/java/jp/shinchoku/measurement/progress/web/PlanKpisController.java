package jp.shinchoku.measurement.progress.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import jp.shinchoku.calendar.Wareki;
import jp.shinchoku.measurement.approvals.Approvals;
import jp.shinchoku.measurement.kpis.KpiDefinition;
import jp.shinchoku.measurement.kpis.web.KpiAccess;
import jp.shinchoku.measurement.measurements.Measurement;
import jp.shinchoku.measurement.progress.ProgressQueries;
import jp.shinchoku.measurement.progress.ProgressQueries.Standing;
import jp.shinchoku.platform.web.ApiProblem;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * A plan's KPIs as the portal's pages show them: per KPI its codes and names (pillar, measure, department), where it
 * stands as of a day (latest value, status and grade as codes, with the status in words), and whether it counts a
 * report the 推進本部 has not approved yet. The open-data export says the same for the public, in its own columns.
 */
@RestController
class PlanKpisController {

    private final ProgressQueries queries;
    private final KpiAccess kpiAccess;
    private final Approvals approvals;

    PlanKpisController(ProgressQueries queries, KpiAccess kpiAccess, Approvals approvals) {
        this.queries = queries;
        this.kpiAccess = kpiAccess;
        this.approvals = approvals;
    }

    record KpiView(String kpiId, String name, String unit, String kind, String pillarCode, String pillarTitle,
            String measureCode, String measureTitle, String departmentCode, BigDecimal baselineValue,
            BigDecimal targetValue, LocalDate targetDue, BigDecimal latestValue, String latestText,
            LocalDate latestMeasuredOn, BigDecimal achievement, String status, String statusLabel, String statusLabelEn,
            String grade, boolean provisional) {
    }

    record PlanKpisView(String planId, LocalDate asOf, String asOfLabel, String departmentCode, List<KpiView> kpis) {
    }

    /**
     * The plan's KPIs (retired ones left out) as of {@code asOf} or a {@code fiscalYear}'s last day (today by
     * default), read in one batch. The whole plan for whoever reads its progress; one department's part
     * ({@code department=}) for that department too.
     */
    @GetMapping("/api/plans/{planId}/kpis")
    PlanKpisView kpis(@PathVariable String planId, @RequestParam(required = false) String department,
            @RequestParam(required = false) String asOf, @RequestParam(required = false) String fiscalYear) {
        String only = department == null || department.isBlank() ? null : department.strip();
        if (only == null) {
            kpiAccess.wholePlan(planId);
        } else {
            kpiAccess.department(planId, only);
        }
        LocalDate day = ProgressQueryController.day(queries, asOf, fiscalYear);
        List<Standing> standings = queries.standings(planId, day).stream()
                .filter(s -> only == null || only.equals(s.kpi().departmentCode())).toList();
        String municipality = standings.stream().map(s -> s.kpi().municipalityCode()).filter(Objects::nonNull)
                .findFirst().orElse(null);
        // one read of the plan's reports awaiting approval, counted only where measured by the day asked about
        Set<String> provisional = standings.isEmpty() ? Set.of() : approvals.queue(planId, municipality).stream()
                .filter(m -> !m.measuredOn().isAfter(day)).map(Measurement::kpiId).collect(Collectors.toSet());
        return new PlanKpisView(planId, day, Wareki.format(day), only, standings.stream().map(s -> {
            KpiDefinition kpi = s.kpi();
            return new KpiView(kpi.id(), kpi.name(), kpi.unit(), kpi.kind().name().toLowerCase(Locale.ROOT),
                    kpi.placement().pillarCode(), kpi.placement().pillarTitle(), kpi.placement().measureCode(),
                    kpi.placement().measureTitle(), kpi.departmentCode(), kpi.baselineValue(), kpi.targetValue(),
                    kpi.due(), s.progress().latestValue(), s.latest() == null ? null : s.latest().text(),
                    s.latest() == null ? null : s.latest().measuredOn(), s.progress().achievement(),
                    s.progress().status().name(), s.progress().status().label(), s.progress().status().labelEn(),
                    s.progress().grade().label(), provisional.contains(kpi.id()));
        }).toList());
    }

    @ExceptionHandler(ProgressQueries.UnknownPlanException.class)
    ResponseEntity<ProblemDetail> unknownPlan(ProgressQueries.UnknownPlanException e) {
        return ApiProblem.of(ProgressQueryController.PROBLEMS, HttpStatus.NOT_FOUND, "plan-not-found", e.getMessage())
                .toResponse();
    }
}
