package jp.shinchoku.measurement.evaluations.web;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import jp.shinchoku.calendar.FiscalYear;
import jp.shinchoku.measurement.evaluations.Evaluation;
import jp.shinchoku.measurement.evaluations.Evaluation.Direction;
import jp.shinchoku.measurement.evaluations.Evaluation.HqEvaluation;
import jp.shinchoku.measurement.evaluations.Evaluation.SelfEvaluation;
import jp.shinchoku.measurement.evaluations.EvaluationRepository;
import jp.shinchoku.measurement.evaluations.Evaluations;
import jp.shinchoku.measurement.evaluations.Evaluations.Outcome;
import jp.shinchoku.measurement.kpis.KpiCatalog;
import jp.shinchoku.measurement.kpis.KpiDefinition;
import jp.shinchoku.measurement.kpis.web.KpiAccess;
import jp.shinchoku.measurement.progress.Grade;
import jp.shinchoku.measurement.progress.Progress;
import jp.shinchoku.measurement.progress.ProgressCalculator;
import jp.shinchoku.measurement.progress.ProgressRepository;
import jp.shinchoku.measurement.progress.ProgressState;
import jp.shinchoku.measurement.progress.YearVerdict;
import jp.shinchoku.platform.audit.AuditEntry;
import jp.shinchoku.platform.audit.AuditTrail;
import jp.shinchoku.platform.security.Access;
import jp.shinchoku.platform.security.Caller;
import jp.shinchoku.platform.web.ApiProblem;
import jp.shinchoku.platform.web.RequestLimits;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * 施策評価 of a plan's fiscal year, measure by measure: each with its KPIs' figures as of the year's end and the grade
 * the engine offers; the department drafts and submits its 自己評価, the 推進本部 evaluates it and decides the
 * direction. Every step is in the audit trail.
 */
@RestController
class EvaluationController {

    static final String PROBLEMS = "jp.shinchoku.measurement.web.problems";
    private static final String PATH = "/api/plans/{planId}/fiscal-years/{fiscalYear}/evaluations";

    private final Evaluations evaluations;
    private final EvaluationRepository kept;
    private final KpiAccess access;
    private final KpiCatalog catalog;
    private final ProgressRepository progress;
    private final ProgressCalculator calculator;
    private final AuditTrail audit;
    private final RequestLimits limits;
    private final Clock clock;

    EvaluationController(Evaluations evaluations, EvaluationRepository kept, KpiAccess access, KpiCatalog catalog,
            ProgressRepository progress, ProgressCalculator calculator, AuditTrail audit, RequestLimits limits,
            Clock clock) {
        this.evaluations = evaluations;
        this.kept = kept;
        this.access = access;
        this.catalog = catalog;
        this.progress = progress;
        this.calculator = calculator;
        this.audit = audit;
        this.limits = limits;
        this.clock = clock;
    }

    /** The department's 自己評価 as written (a draft may leave fields empty). */
    record SelfRequest(String activities, String results, String issues, String direction, String grade) {
    }

    /** The 推進本部's evaluation: its grade, the direction it decides, a comment. */
    record EvaluationRequest(String comment, String grade, String direction) {
    }

    /** A KPI of the measure as the year ended (or as of today, in a year still running). */
    record KpiFigure(String kpiId, String name, String unit, BigDecimal value, String status, String grade,
            YearVerdict verdict) {
    }

    record SelfView(String activities, String results, String issues, String direction, String grade, String by,
            Instant at) {
    }

    record HqView(String comment, String grade, String direction, String by, Instant at) {
    }

    record EvaluationView(String id, String planId, int fiscalYear, String fiscalYearLabel, String pillarCode,
            String pillarTitle, String measureCode, String measureTitle, String departmentCode, LocalDate asOf,
            String state, String suggestedGrade, SelfView self, HqView hq, List<KpiFigure> kpis) {
    }

    @GetMapping(PATH)
    List<EvaluationView> list(@PathVariable String planId, @PathVariable int fiscalYear) {
        FiscalYear year = begun(fiscalYear);
        List<KpiDefinition> readable = access.readableOfPlan(planId);
        if (readable.isEmpty() && catalog.findByPlan(planId).isEmpty()) {
            throw Access.notFound("plan", planId);
        }
        Map<String, List<KpiDefinition>> measures = measures(readable, year);
        List<KpiDefinition> all = measures.values().stream().flatMap(List::stream).toList();
        Map<String, ProgressState> states = progress.findAll(all.stream().map(KpiDefinition::id).toList());
        Map<String, Evaluation> byId = kept.findAll(measures.keySet().stream()
                .map(measure -> Evaluation.id(planId, measure, fiscalYear)).toList()).stream()
                .collect(Collectors.toMap(Evaluation::id, Function.identity()));
        return measures.values().stream().map(kpis -> view(blank(planId, kpis, fiscalYear), byId, kpis, states, year))
                .toList();
    }

    @GetMapping(PATH + "/{measureCode}")
    EvaluationView one(@PathVariable String planId, @PathVariable int fiscalYear, @PathVariable String measureCode) {
        FiscalYear year = begun(fiscalYear);
        List<KpiDefinition> kpis = measure(planId, measureCode, year);
        return current(planId, kpis, year);
    }

    @PutMapping(PATH + "/{measureCode}")
    EvaluationView draft(@PathVariable String planId, @PathVariable int fiscalYear, @PathVariable String measureCode,
            @RequestBody(required = false) SelfRequest request) {
        FiscalYear year = begun(fiscalYear);
        List<KpiDefinition> kpis = measure(planId, measureCode, year);
        Evaluation blank = blank(planId, kpis, fiscalYear);
        Caller caller = Access.reportsFor(blank.municipalityCode(), blank.departmentCode(), "measure", measureCode);
        SelfEvaluation self = self(request == null ? new SelfRequest(null, null, null, null, null) : request);
        Outcome outcome = evaluations.draft(blank, self, caller.subject());
        done(outcome, year, "evaluation.drafted");
        return current(planId, kpis, year);
    }

    @PostMapping(PATH + "/{measureCode}/submit")
    EvaluationView submit(@PathVariable String planId, @PathVariable int fiscalYear, @PathVariable String measureCode,
            @RequestBody(required = false) SelfRequest request) {
        FiscalYear year = begun(fiscalYear);
        List<KpiDefinition> kpis = measure(planId, measureCode, year);
        Evaluation blank = blank(planId, kpis, fiscalYear);
        Caller caller = Access.reportsFor(blank.municipalityCode(), blank.departmentCode(), "measure", measureCode);
        Outcome outcome = evaluations.submit(blank, request == null ? null : self(request), caller.subject());
        done(outcome, year, "evaluation.submitted");
        return current(planId, kpis, year);
    }

    @PostMapping(PATH + "/{measureCode}/evaluation")
    EvaluationView evaluate(@PathVariable String planId, @PathVariable int fiscalYear, @PathVariable String measureCode,
            @RequestBody(required = false) EvaluationRequest request) {
        FiscalYear year = begun(fiscalYear);
        List<KpiDefinition> kpis = measure(planId, measureCode, year);
        Evaluation blank = blank(planId, kpis, fiscalYear);
        Caller caller = Access.manages(blank.municipalityCode(), "measure", measureCode);
        EvaluationRequest given = request == null ? new EvaluationRequest(null, null, null) : request;
        limits.checkText("comment", given.comment());
        Outcome outcome = evaluations.evaluate(blank, new HqEvaluation(trimmed(given.comment()), grade(given.grade()),
                direction(given.direction()), null, null), caller.subject());
        done(outcome, year, "evaluation.evaluated");
        return current(planId, kpis, year);
    }

    /** Answers a change that was not made, or records the one made in the audit trail. */
    private void done(Outcome outcome, FiscalYear year, String action) {
        switch (outcome) {
            case Outcome.Done done -> {
                Evaluation evaluation = done.evaluation();
                audit.record(audit.entry(action, evaluation.id(), evaluation.municipalityCode(),
                        evaluation.departmentCode(), AuditEntry.state("state", before(action)),
                        AuditEntry.state("state", evaluation.state().name(), "fiscalYear", year.labelEn(),
                                "selfGrade", evaluation.self() == null || evaluation.self().grade() == null ? null
                                        : evaluation.self().grade().label(),
                                "selfDirection", evaluation.self() == null ? null : evaluation.self().direction(),
                                "hqGrade", evaluation.hq() == null ? null : evaluation.hq().grade().label(),
                                "decidedDirection", evaluation.hq() == null ? null : evaluation.hq().direction())));
            }
            case Outcome.Incomplete incomplete -> throw ApiProblem.of(PROBLEMS, HttpStatus.BAD_REQUEST,
                    "evaluation-incomplete", String.join(", ", incomplete.missing()))
                    .with("missing", incomplete.missing());
            case Outcome.WrongState wrong -> throw ApiProblem.of(PROBLEMS, HttpStatus.CONFLICT,
                    "evaluation-" + wrong.state().name().toLowerCase(Locale.ROOT), year.label(), year.labelEn())
                    .with("state", wrong.state().name());
        }
    }

    private static String before(String action) {
        return switch (action) {
            case "evaluation.submitted" -> "DRAFT";
            case "evaluation.evaluated" -> "SUBMITTED";
            default -> "DRAFT";
        };
    }

    private EvaluationView current(String planId, List<KpiDefinition> kpis, FiscalYear year) {
        Evaluation blank = blank(planId, kpis, year.startYear());
        Map<String, Evaluation> byId = kept.find(blank.id()).map(e -> Map.of(e.id(), e)).orElse(Map.of());
        Map<String, ProgressState> states = progress.findAll(kpis.stream().map(KpiDefinition::id).toList());
        return view(blank, byId, kpis, states, year);
    }

    private EvaluationView view(Evaluation blank, Map<String, Evaluation> byId, List<KpiDefinition> kpis,
            Map<String, ProgressState> states, FiscalYear year) {
        Evaluation evaluation = byId.getOrDefault(blank.id(), blank);
        LocalDate today = LocalDate.now(clock);
        LocalDate asOf = today.isAfter(year.lastDay()) ? year.lastDay() : today;
        List<KpiFigure> figures = new ArrayList<>();
        List<Grade> grades = new ArrayList<>();
        for (KpiDefinition kpi : kpis) {
            ProgressState state = states.get(kpi.id());
            Progress then = calculator.compute(kpi, state == null ? List.of() : state.values(), asOf);
            YearVerdict verdict = state == null || state.progress() == null ? null : state.progress().years().stream()
                    .filter(v -> v.fiscalYear() == year.startYear()).findFirst().orElse(null);
            grades.add(then.grade());
            figures.add(new KpiFigure(kpi.id(), kpi.name(), kpi.unit(), then.latestValue(), then.status().name(),
                    then.grade() == null ? null : then.grade().label(), verdict));
        }
        KpiDefinition.Placement place = kpis.getFirst().placement();
        SelfEvaluation self = evaluation.self();
        HqEvaluation hq = evaluation.hq();
        return new EvaluationView(evaluation.id(), evaluation.planId(), year.startYear(), year.label(),
                place.pillarCode(), place.pillarTitle(), evaluation.measureCode(), place.measureTitle(),
                evaluation.departmentCode(), asOf, evaluation.state().name(),
                Evaluations.suggestedGrade(grades).label(),
                self == null ? null : new SelfView(self.activities(), self.results(), self.issues(),
                        self.direction() == null ? null : self.direction().name(),
                        self.grade() == null ? null : self.grade().label(), self.by(), self.at()),
                hq == null ? null : new HqView(hq.comment(), hq.grade().label(), hq.direction().name(), hq.by(), hq.at()),
                figures);
    }

    /**
     * The measure's KPIs the year covers, if the caller may read its department's part: another municipality's, or
     * none, is not found (404); another department's is 403.
     */
    private List<KpiDefinition> measure(String planId, String measureCode, FiscalYear year) {
        List<KpiDefinition> kpis = measures(catalog.findByPlan(planId), year).get(measureCode);
        if (kpis == null) {
            throw Access.notFound("measure", measureCode);
        }
        KpiDefinition first = kpis.getFirst();
        Access.readsDepartment(first.municipalityCode(), first.departmentCode(), "measure", measureCode);
        return kpis;
    }

    /** The plan's measures with their KPIs in force that year (retired ones and those outside the plan's period left out). */
    private static Map<String, List<KpiDefinition>> measures(List<KpiDefinition> kpis, FiscalYear year) {
        Map<String, List<KpiDefinition>> measures = new LinkedHashMap<>();
        kpis.stream().filter(kpi -> !kpi.retired() && kpi.placement().measureCode() != null)
                .filter(kpi -> (kpi.planFrom() == null || kpi.planFrom().compareTo(year) <= 0)
                        && (kpi.planTo() == null || kpi.planTo().compareTo(year) >= 0))
                .forEach(kpi -> measures.computeIfAbsent(kpi.placement().measureCode(), code -> new ArrayList<>()).add(kpi));
        return measures;
    }

    private static Evaluation blank(String planId, List<KpiDefinition> kpis, int fiscalYear) {
        KpiDefinition first = kpis.getFirst();
        return Evaluation.none(planId, first.municipalityCode(), first.placement().measureCode(), first.departmentCode(),
                fiscalYear);
    }

    /** A fiscal year that has begun (one cannot evaluate a year ahead). */
    private FiscalYear begun(int fiscalYear) {
        FiscalYear year = FiscalYear.of(fiscalYear);
        if (year.firstDay().isAfter(LocalDate.now(clock))) {
            throw ApiProblem.of(PROBLEMS, HttpStatus.BAD_REQUEST, "evaluation-year-not-begun", year.label(),
                    year.labelEn());
        }
        return year;
    }

    private SelfEvaluation self(SelfRequest request) {
        limits.checkText("activities", request.activities());
        limits.checkText("results", request.results());
        limits.checkText("issues", request.issues());
        return new SelfEvaluation(trimmed(request.activities()), trimmed(request.results()), trimmed(request.issues()),
                direction(request.direction()), grade(request.grade()), null, null);
    }

    private static Direction direction(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Direction.valueOf(text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ApiProblem.of(PROBLEMS, HttpStatus.BAD_REQUEST, "invalid-direction", text).with("field", "direction");
        }
    }

    private static Grade grade(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            Grade grade = Grade.valueOf(text.strip().toUpperCase(Locale.ROOT));
            if (grade != Grade.NONE) {
                return grade;
            }
        } catch (IllegalArgumentException e) {
            // below
        }
        throw ApiProblem.of(PROBLEMS, HttpStatus.BAD_REQUEST, "invalid-grade", text).with("field", "grade");
    }

    private static String trimmed(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
