package jp.shinchoku.measurement.progress;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import jp.shinchoku.calendar.ReportingPeriod;
import jp.shinchoku.calendar.Texts;
import jp.shinchoku.measurement.kpis.KpiCatalog;
import jp.shinchoku.measurement.kpis.KpiDefinition;
import jp.shinchoku.measurement.kpis.KpiKind;
import jp.shinchoku.measurement.measurements.Measurement;
import jp.shinchoku.measurement.measurements.MeasurementRepository;

/**
 * What the 推進本部 and departments ask of progress: a plan's KPIs as of a date, roll-ups by measure, pillar,
 * department or plan, a KPI's time series against its trajectory, and a department's reports due. Everything is
 * computed by the same {@link ProgressCalculator} from the kept measurements, so a roll-up as of any past date says
 * what the values measured by then showed (as corrected since).
 */
public class ProgressQueries {

    private final KpiCatalog kpis;
    private final MeasurementRepository measurements;
    private final ProgressCalculator calculator;
    private final Clock clock;

    public ProgressQueries(KpiCatalog kpis, MeasurementRepository measurements, ProgressCalculator calculator, Clock clock) {
        this.kpis = kpis;
        this.measurements = measurements;
        this.calculator = calculator;
        this.clock = clock;
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    /**
     * A KPI with its progress on a day, the latest current measurement by then, and all current measurements by
     * then (corrections in place of what they corrected).
     */
    public record Standing(KpiDefinition kpi, Progress progress, Measurement latest, List<Measurement> current) {
    }

    /** The plan's KPIs (retired ones left out) and where each stood on {@code asOf}. */
    public List<Standing> standings(String planId, LocalDate asOf) {
        List<KpiDefinition> planKpis = kpis.findByPlan(planId).stream().filter(kpi -> !kpi.retired()).toList();
        if (planKpis.isEmpty()) {
            throw new UnknownPlanException(planId);
        }
        Map<String, List<Measurement>> byKpi = measurements.findByKpis(planKpis.stream().map(KpiDefinition::id).toList())
                .stream().collect(Collectors.groupingBy(Measurement::kpiId));
        return planKpis.stream().map(kpi -> {
            List<Measurement> history = byKpi.getOrDefault(kpi.id(), List.of());
            List<Measurement> current = Measurement.current(history).stream()
                    .filter(m -> !m.measuredOn().isAfter(asOf)).toList();
            Measurement latest = current.stream()
                    .max(Comparator.comparing(Measurement::measuredOn).thenComparing(Measurement::recordedAt)).orElse(null);
            return new Standing(kpi, calculator.compute(kpi, history, asOf), latest, current);
        }).toList();
    }

    /** How a plan's KPIs are grouped in a roll-up. */
    public enum Grouping {
        MEASURE, PILLAR, DEPARTMENT, PLAN
    }

    /**
     * One group of a roll-up: how many KPIs are in each status (and their share of all), the grades, and the mean
     * achievement of the measurable ones; those without data, without a target or qualitative are counted apart.
     */
    public record Group(String key, String label, int kpis, Map<ProgressStatus, Integer> statuses,
            Map<ProgressStatus, BigDecimal> shares, Map<Grade, Integer> grades, int measured,
            BigDecimal meanAchievement, int withoutData, int withoutTarget, int notMeasurable) {
    }

    /** A roll-up of a plan's progress on {@code asOf}, with the method that produced it. */
    public record Rollup(String planId, LocalDate asOf, Grouping by, List<Group> groups, Group total) {
        /** How a roll-up is computed ({@code rollup.method} of {@link ProgressTexts}). */
        public static final String METHOD_JA = ProgressTexts.TEXTS.ja("rollup.method");
        public static final String METHOD_EN = ProgressTexts.TEXTS.en("rollup.method");
    }

    public Rollup rollup(String planId, Grouping by, LocalDate asOf) {
        List<Standing> standings = standings(planId, asOf);
        Function<KpiDefinition, String[]> keyOf = switch (by) {
            case MEASURE -> kpi -> new String[] {kpi.placement().measureCode(), kpi.placement().measureTitle()};
            case PILLAR -> kpi -> new String[] {kpi.placement().pillarCode(), kpi.placement().pillarTitle()};
            case DEPARTMENT -> kpi -> new String[] {kpi.departmentCode(), kpi.departmentCode()};
            case PLAN -> kpi -> new String[] {kpi.planId(), kpi.planId()};
        };
        Map<String, List<Standing>> grouped = new LinkedHashMap<>();
        Map<String, String> labels = new LinkedHashMap<>();
        for (Standing standing : standings) {
            String[] key = keyOf.apply(standing.kpi());
            String k = key[0] == null ? "-" : key[0];
            grouped.computeIfAbsent(k, x -> new ArrayList<>()).add(standing);
            labels.putIfAbsent(k, key[1] == null ? k : key[1]);
        }
        List<Group> groups = grouped.entrySet().stream()
                .sorted(Map.Entry.comparingByKey(ProgressQueries::naturalOrder))
                .map(e -> group(e.getKey(), labels.get(e.getKey()), e.getValue())).toList();
        return new Rollup(planId, asOf, by, groups, group(planId, planId, standings));
    }

    private static Group group(String key, String label, List<Standing> standings) {
        Map<ProgressStatus, Integer> statuses = new EnumMap<>(ProgressStatus.class);
        Map<Grade, Integer> grades = new EnumMap<>(Grade.class);
        for (ProgressStatus status : ProgressStatus.values()) {
            statuses.put(status, 0);
        }
        for (Grade grade : Grade.values()) {
            grades.put(grade, 0);
        }
        List<BigDecimal> achievements = new ArrayList<>();
        int withoutData = 0;
        int withoutTarget = 0;
        int notMeasurable = 0;
        for (Standing standing : standings) {
            Progress progress = standing.progress();
            statuses.merge(progress.status(), 1, Integer::sum);
            grades.merge(progress.grade(), 1, Integer::sum);
            switch (progress.status()) {
                case TARGET_UNDEFINED -> withoutTarget++;
                case NOT_MEASURABLE -> notMeasurable++;
                default -> {
                    if (progress.achievement() == null) {
                        withoutData++;
                    } else {
                        achievements.add(progress.achievement().min(BigDecimal.ONE));
                    }
                }
            }
        }
        Map<ProgressStatus, BigDecimal> shares = new EnumMap<>(ProgressStatus.class);
        statuses.forEach((status, count) -> shares.put(status, standings.isEmpty() ? BigDecimal.ZERO
                : BigDecimal.valueOf(count).divide(BigDecimal.valueOf(standings.size()), 4, RoundingMode.HALF_UP)));
        BigDecimal mean = achievements.isEmpty() ? null : achievements.stream().reduce(BigDecimal.ZERO, BigDecimal::add)
                .divide(BigDecimal.valueOf(achievements.size()), 4, RoundingMode.HALF_UP);
        return new Group(key, label, standings.size(), statuses, shares, grades, achievements.size(), mean, withoutData,
                withoutTarget, notMeasurable);
    }

    /** "2-10" after "2-9": codes compared number by number where they are numbers. */
    static int naturalOrder(String a, String b) {
        String[] x = a.split("[-.]");
        String[] y = b.split("[-.]");
        for (int i = 0; i < Math.min(x.length, y.length); i++) {
            int c = x[i].matches("\\d{1,9}") && y[i].matches("\\d{1,9}")
                    ? Integer.compare(Integer.parseInt(x[i]), Integer.parseInt(y[i])) : x[i].compareTo(y[i]);
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(x.length, y.length);
    }

    /** A point of a KPI's trajectory: 現状値, a 中間目標 or the 目標値. */
    public record TrajectoryPoint(LocalDate date, BigDecimal value, String label) {
    }

    /**
     * A reported value in a KPI's series, and what the engine made of it on the day it was measured: the KPI's
     * value then (a per-period KPI's year figure), its achievement, the achievement and value the trajectory expected,
     * and the status.
     */
    public record Observation(String measurementId, LocalDate measuredOn, ReportingPeriod period, BigDecimal reported,
            String text, BigDecimal value, BigDecimal achievement, BigDecimal expectedAchievement, BigDecimal expectedValue,
            ProgressStatus status) {
    }

    public record Series(KpiDefinition kpi, List<TrajectoryPoint> trajectory, List<Observation> observations,
            Progress today) {
    }

    public Series series(String kpiId) {
        KpiDefinition kpi = kpis.find(kpiId).orElseThrow(() -> new UnknownKpiException(kpiId));
        List<Measurement> history = measurements.findByKpi(kpiId);
        List<Observation> observations = Measurement.current(history).stream()
                .sorted(Comparator.comparing(Measurement::measuredOn).thenComparing(Measurement::recordedAt))
                .map(m -> {
                    Progress then = calculator.compute(kpi, history, m.measuredOn());
                    return new Observation(m.id(), m.measuredOn(), m.period(), m.value(), m.text(), then.latestValue(),
                            then.achievement(), then.expectedAchievement(), expectedValue(kpi, then.expectedAchievement()),
                            then.status());
                }).toList();
        return new Series(kpi, trajectory(kpi), observations, calculator.compute(kpi, history, today()));
    }

    private static List<TrajectoryPoint> trajectory(KpiDefinition kpi) {
        List<TrajectoryPoint> points = new ArrayList<>();
        if (kpi.kind() == KpiKind.RECURRING || kpi.kind() == KpiKind.RELATIVE || kpi.kind() == KpiKind.QUALITATIVE) {
            return points;
        }
        if (kpi.baselineAsOf() != null) {
            points.add(new TrajectoryPoint(kpi.baselineAsOf(), baseline(kpi), ProgressTexts.TEXTS.ja("trajectory.baseline")));
        }
        kpi.intermediateTargets().stream().sorted(Comparator.comparing(KpiDefinition.Step::due))
                .forEach(step -> points.add(new TrajectoryPoint(step.due(), step.value(),
                        ProgressTexts.TEXTS.ja("trajectory.intermediate-target"))));
        if (kpi.due() != null && target(kpi) != null) {
            points.add(new TrajectoryPoint(kpi.due(), target(kpi), ProgressTexts.TEXTS.ja("trajectory.target")));
        }
        return points;
    }

    private static BigDecimal expectedValue(KpiDefinition kpi, BigDecimal expectedAchievement) {
        BigDecimal target = target(kpi);
        if (expectedAchievement == null || target == null || kpi.kind() == KpiKind.RECURRING || kpi.kind() == KpiKind.RELATIVE) {
            return null;
        }
        BigDecimal baseline = baseline(kpi);
        return baseline.add(target.subtract(baseline).multiply(expectedAchievement)).setScale(2, RoundingMode.HALF_UP);
    }

    private static BigDecimal baseline(KpiDefinition kpi) {
        return kpi.kind() == KpiKind.BOOLEAN || kpi.baselineValue() == null ? BigDecimal.ZERO : kpi.baselineValue();
    }

    private static BigDecimal target(KpiDefinition kpi) {
        return kpi.kind() == KpiKind.BOOLEAN ? BigDecimal.ONE : kpi.targetValue();
    }

    /** Whether a department's report for a period is in, still due, or overdue. */
    public enum DueState {
        REPORTED, DUE, OVERDUE;

        /** 報告済み, 報告待ち, 期限超過 ({@code due-state.<state>} of {@link ProgressTexts}). */
        public String label() {
            return ProgressTexts.TEXTS.ja("due-state." + Texts.keyOf(name()));
        }
    }

    /** A KPI's report for the period last ended: due by the end of the following month (翌月末). */
    public record DueReport(KpiDefinition kpi, ReportingPeriod period, LocalDate dueOn, DueState state,
            Measurement reported) {
    }

    /**
     * A department's KPIs in a plan and their report for the reporting period that ended last (the one whose report
     * is being collected now), with the report if it is in.
     */
    public List<DueReport> due(String planId, String departmentCode) {
        LocalDate today = today();
        List<DueReport> due = new ArrayList<>();
        for (Standing standing : standings(planId, today)) {
            KpiDefinition kpi = standing.kpi();
            if (!kpi.departmentCode().equals(departmentCode)) {
                continue;
            }
            ReportingPeriod period = ReportingPeriod.containing(kpi.cadence(), today).previous();
            if ((kpi.planFrom() != null && period.fiscalYear().compareTo(kpi.planFrom()) < 0)
                    || (kpi.planTo() != null && period.fiscalYear().compareTo(kpi.planTo()) > 0)) {
                continue;
            }
            Optional<Measurement> reported = standing.current().stream()
                    .filter(m -> m.period().equals(period)).max(Comparator.comparing(Measurement::recordedAt));
            DueState state = reported.isPresent() ? DueState.REPORTED
                    : today.isAfter(period.reportDue()) ? DueState.OVERDUE : DueState.DUE;
            due.add(new DueReport(kpi, period, period.reportDue(), state, reported.orElse(null)));
        }
        return due;
    }

    /** No KPI of the plan is known here. */
    public static class UnknownPlanException extends RuntimeException {
        public UnknownPlanException(String planId) {
            super(planId);
        }
    }

    /** The KPI is not known here. */
    public static class UnknownKpiException extends RuntimeException {
        public UnknownKpiException(String kpiId) {
            super(kpiId);
        }
    }
}
