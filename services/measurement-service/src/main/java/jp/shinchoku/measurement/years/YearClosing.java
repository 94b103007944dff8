package jp.shinchoku.measurement.years;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jp.shinchoku.calendar.FiscalYear;
import jp.shinchoku.measurement.approvals.Approvals;
import jp.shinchoku.measurement.kpis.KpiCatalog;
import jp.shinchoku.measurement.kpis.KpiDefinition;
import jp.shinchoku.measurement.measurements.Measurement;
import jp.shinchoku.measurement.progress.Progress;
import jp.shinchoku.measurement.progress.ProgressCalculator;
import jp.shinchoku.measurement.progress.ProgressRepository;
import jp.shinchoku.measurement.progress.YearVerdict;
import jp.shinchoku.measurement.progress.ProgressState;

/**
 * 年度締め: the 推進本部 closes a fiscal year of a plan once it has ended — at once when every KPI the year covers was
 * reported and every report approved, or with a reason while some were not — and reopens it with a reason. What
 * blocks a close is listed. A close, and a review recorded in the plan service, freeze an edition of the year.
 */
public class YearClosing {

    private static final int ATTEMPTS = 3;

    private final PlanYearsRepository years;
    private final KpiCatalog kpis;
    private final ProgressRepository progress;
    private final Approvals approvals;
    private final EditionRepository editions;
    private final ProgressCalculator calculator;
    private final Clock clock;

    public YearClosing(PlanYearsRepository years, KpiCatalog kpis, ProgressRepository progress, Approvals approvals,
            EditionRepository editions, ProgressCalculator calculator, Clock clock) {
        this.approvals = approvals;
        this.editions = editions;
        this.calculator = calculator;
        this.years = years;
        this.kpis = kpis;
        this.progress = progress;
        this.clock = clock;
    }

    /**
     * A KPI that holds a close back: nothing was reported for it in the year ({@code UNREPORTED}), or a report of the
     * year awaits the 推進本部's decision ({@code UNAPPROVED}, with the report's id).
     */
    public record Blocker(String kpiId, String name, String departmentCode, String reason, String measurementId) {
    }

    /** What a close or reopening came to. */
    public sealed interface Outcome {
        /** Done: the plan's years as they are now. */
        record Done(PlanYears years, Step step) implements Outcome {
        }

        record UnknownPlan() implements Outcome {
        }

        record NotEnded(FiscalYear year) implements Outcome {
        }

        record AlreadyClosed(PlanYears years) implements Outcome {
        }

        record NotClosed(PlanYears years) implements Outcome {
        }

        /** Some KPIs were not reported, and no reason was given for closing all the same. */
        record Blocked(List<Blocker> blockers) implements Outcome {
        }

        record ReasonMissing() implements Outcome {
        }
    }

    /** A close or reopening as the domain raised it (for the audit trail). */
    public record Step(String planId, String municipalityCode, PlanYears.Step step, List<Blocker> blockers) {
    }

    /**
     * Every KPI of the plan the year covers as it stands: its progress as of the year's last day (or today, in a year
     * still running) from the values measured by then, and the year's verdict.
     */
    private Edition freeze(String id, String planId, int fiscalYear, PlanYears.Action cause, String by, String note,
            List<KpiDefinition> planKpis, Map<String, ProgressState> states) {
        FiscalYear year = FiscalYear.of(fiscalYear);
        LocalDate today = LocalDate.now(clock);
        LocalDate asOf = today.isAfter(year.lastDay()) ? year.lastDay() : today;
        List<KpiDefinition> covered = covered(planKpis, year);
        List<Edition.Row> rows = new ArrayList<>();
        for (KpiDefinition kpi : covered) {
            ProgressState state = states.get(kpi.id());
            List<Measurement> values = state == null || state.values() == null ? List.of() : state.values();
            Progress then = calculator.compute(kpi, values, asOf);
            YearVerdict verdict = calculator.compute(kpi, values, today).years().stream()
                    .filter(v -> v.fiscalYear() == fiscalYear).findFirst().orElse(null);
            KpiDefinition.Placement place = kpi.placement();
            rows.add(new Edition.Row(kpi.id(), kpi.name(), place.pillarCode(), place.pillarTitle(), place.measureCode(),
                    place.measureTitle(), kpi.departmentCode(), kpi.unit(), kpi.kind().name(), kpi.baselineValue(),
                    kpi.targetValue(), kpi.due(), then.latestValue(), then.achievement(), then.status().name(),
                    then.grade() == null ? null : then.grade().label(), verdict, kpi.published(),
                    kpi.measureTitlePublished()));
        }
        return new Edition(id, planId, fiscalYear, cause, by, clock.instant(), asOf, note, rows);
    }

    private static List<KpiDefinition> covered(List<KpiDefinition> planKpis, FiscalYear year) {
        return planKpis.stream().filter(kpi -> !kpi.retired())
                .filter(kpi -> (kpi.planFrom() == null || kpi.planFrom().compareTo(year) <= 0)
                        && (kpi.planTo() == null || kpi.planTo().compareTo(year) >= 0))
                .toList();
    }

    /** What holds a close of the year back (empty: nothing). */
    public List<Blocker> blockers(String planId, int fiscalYear) {
        List<KpiDefinition> planKpis = kpis.findByPlan(planId);
        return blockers(planId, fiscalYear, planKpis, states(planKpis, fiscalYear));
    }

    /** The progress kept of the KPIs the year covers, in one read by key. */
    private Map<String, ProgressState> states(List<KpiDefinition> planKpis, int fiscalYear) {
        return progress.findAll(covered(planKpis, FiscalYear.of(fiscalYear)).stream().map(KpiDefinition::id).toList());
    }

    private List<Blocker> blockers(String planId, int fiscalYear, List<KpiDefinition> planKpis,
            Map<String, ProgressState> states) {
        FiscalYear year = FiscalYear.of(fiscalYear);
        List<KpiDefinition> covered = covered(planKpis, year);
        List<Blocker> blockers = new ArrayList<>();
        for (KpiDefinition kpi : covered) {
            ProgressState state = states.get(kpi.id());
            List<Measurement> values = state == null || state.values() == null ? List.of() : state.values();
            if (values.stream().noneMatch(m -> m.period().fiscalYear().equals(year))) {
                blockers.add(new Blocker(kpi.id(), kpi.name(), kpi.departmentCode(), "UNREPORTED", null));
            }
        }
        Map<String, KpiDefinition> byId = new java.util.HashMap<>();
        covered.forEach(kpi -> byId.put(kpi.id(), kpi));
        String municipality = planKpis.isEmpty() ? null : planKpis.getFirst().municipalityCode();
        approvals.queue(planId, municipality).stream().filter(m -> m.period().fiscalYear().equals(year) && byId.containsKey(m.kpiId()))
                .forEach(m -> blockers.add(new Blocker(m.kpiId(), byId.get(m.kpiId()).name(), m.departmentCode(),
                        "UNAPPROVED", m.id())));
        return blockers;
    }

    public Outcome close(String planId, int fiscalYear, String by, String reason) {
        FiscalYear year = FiscalYear.of(fiscalYear);
        if (!LocalDate.now(clock).isAfter(year.lastDay())) {
            return new Outcome.NotEnded(year);
        }
        List<KpiDefinition> planKpis = kpis.findByPlan(planId);
        Map<String, ProgressState> states = states(planKpis, fiscalYear);
        List<Blocker> blockers = blockers(planId, fiscalYear, planKpis, states);
        if (!blockers.isEmpty() && (reason == null || reason.isBlank())) {
            return new Outcome.Blocked(blockers);
        }
        return change(planId, fiscalYear, PlanYears.Action.CLOSED, by, reason, blockers, null, planKpis, states);
    }

    /**
     * The plan service recorded the year's review (年度見直し): an edition is frozen, the year left as it is. Handled
     * once per review, however often it is delivered.
     */
    public Outcome reviewed(String planId, int fiscalYear, String by, String note, String reviewId) {
        List<KpiDefinition> planKpis = kpis.findByPlan(planId);
        return change(planId, fiscalYear, PlanYears.Action.REVIEWED, by, note, List.of(), reviewId, planKpis,
                states(planKpis, fiscalYear));
    }

    public Outcome reopen(String planId, int fiscalYear, String by, String reason) {
        if (reason == null || reason.isBlank()) {
            return new Outcome.ReasonMissing();
        }
        return change(planId, fiscalYear, PlanYears.Action.REOPENED, by, reason, List.of(), null,
                kpis.findByPlan(planId), Map.of());
    }

    /**
     * Makes the step in one write conditional on the plan's version; a close or review first freezes its edition under
     * the id the step will name (kept again if the step has to be retried).
     */
    private Outcome change(String planId, int fiscalYear, PlanYears.Action action, String by, String reason,
            List<Blocker> blockers, String reference, List<KpiDefinition> planKpis, Map<String, ProgressState> states) {
        if (planKpis.isEmpty()) {
            return new Outcome.UnknownPlan();
        }
        String municipality = planKpis.getFirst().municipalityCode();
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            PlanYears current = years.find(planId).orElse(PlanYears.open(planId));
            if (action == PlanYears.Action.CLOSED && current.isClosed(fiscalYear)) {
                return new Outcome.AlreadyClosed(current);
            }
            if (action == PlanYears.Action.REOPENED && !current.isClosed(fiscalYear)) {
                return new Outcome.NotClosed(current);
            }
            if (current.answered(reference)) {
                return new Outcome.Done(current, null);
            }
            String note = reason == null || reason.isBlank() ? null : reason.strip();
            String edition = null;
            if (action != PlanYears.Action.REOPENED) {
                edition = Edition.id(planId, fiscalYear, current.version() + 1);
                editions.save(freeze(edition, planId, fiscalYear, action, by, note, planKpis, states));
            }
            PlanYears.Step step = new PlanYears.Step(fiscalYear, action, by, clock.instant(), note, edition, reference);
            PlanYears next = current.with(step);
            if (years.replace(next)) {
                return new Outcome.Done(next, new Step(planId, municipality, step, blockers));
            }
        }
        throw new IllegalStateException("the fiscal years of plan " + planId + " kept changing while they were closed");
    }
}
