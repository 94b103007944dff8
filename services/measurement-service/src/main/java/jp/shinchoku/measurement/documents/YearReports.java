package jp.shinchoku.measurement.documents;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

import jp.shinchoku.measurement.evaluations.Evaluation;
import jp.shinchoku.measurement.evaluations.EvaluationRepository;
import jp.shinchoku.measurement.years.Edition;
import jp.shinchoku.measurement.years.EditionRepository;
import jp.shinchoku.measurement.years.PlanYears;
import jp.shinchoku.measurement.years.PlanYearsRepository;

/**
 * Makes a fiscal year's report from a frozen edition: by default the latest edition a close of the year froze (a
 * year not closed has no report), or the edition asked for (what a meeting saw, a close's or a review's). Earlier
 * years' figures come from the latest edition of each; the measures' evaluations of the year as they stand.
 */
public final class YearReports {

    private final PlanYearsRepository years;
    private final EditionRepository editions;
    private final EvaluationRepository evaluations;

    public YearReports(PlanYearsRepository years, EditionRepository editions, EvaluationRepository evaluations) {
        this.years = years;
        this.editions = editions;
        this.evaluations = evaluations;
    }

    /** Whether a report could be made. */
    public sealed interface Outcome {
        record Ready(YearReport report) implements Outcome {
        }

        /** The year is not closed, and no edition was asked for. */
        record NotClosed() implements Outcome {
        }

        /** No such edition of this plan's year. */
        record NoEdition(String editionId) implements Outcome {
        }
    }

    public Outcome of(String planId, int fiscalYear, String editionId) {
        PlanYears planYears = years.find(planId).orElse(PlanYears.open(planId));
        Optional<Edition> chosen;
        if (editionId == null || editionId.isBlank()) {
            if (!planYears.isClosed(fiscalYear)) {
                return new Outcome.NotClosed();
            }
            chosen = planYears.editions().stream()
                    .filter(step -> step.fiscalYear() == fiscalYear && step.action() == PlanYears.Action.CLOSED)
                    .reduce((first, second) -> second).flatMap(step -> editions.find(step.edition()));
        } else {
            chosen = editions.find(editionId)
                    .filter(edition -> edition.planId().equals(planId) && edition.fiscalYear() == fiscalYear);
        }
        if (chosen.isEmpty()) {
            return new Outcome.NoEdition(editionId);
        }
        return new Outcome.Ready(report(chosen.get(), earlier(planYears, fiscalYear)));
    }

    /** The latest edition of each earlier year, by year. */
    private Map<Integer, Edition> earlier(PlanYears planYears, int fiscalYear) {
        Map<Integer, String> latest = new TreeMap<>();
        planYears.editions().stream().filter(step -> step.fiscalYear() < fiscalYear)
                .forEach(step -> latest.put(step.fiscalYear(), step.edition()));
        Map<Integer, Edition> found = new TreeMap<>();
        latest.forEach((year, id) -> editions.find(id).ifPresent(edition -> found.put(year, edition)));
        return found;
    }

    private YearReport report(Edition edition, Map<Integer, Edition> earlier) {
        Map<String, Evaluation> evaluated = evaluations.findAll(edition.rows().stream()
                .map(row -> Evaluation.id(edition.planId(), row.measureCode(), edition.fiscalYear())).distinct().toList())
                .stream().collect(Collectors.toMap(Evaluation::id, Function.identity()));
        Map<Integer, Map<String, Edition.Row>> rowsByYear = new TreeMap<>();
        earlier.forEach((year, old) -> rowsByYear.put(year, old.rows().stream()
                .collect(Collectors.toMap(Edition.Row::kpiId, Function.identity(), (a, b) -> a))));
        rowsByYear.put(edition.fiscalYear(), edition.rows().stream()
                .collect(Collectors.toMap(Edition.Row::kpiId, Function.identity(), (a, b) -> a)));

        Map<String, String> pillarTitles = new LinkedHashMap<>();
        Map<String, Map<String, List<Edition.Row>>> byPillar = new LinkedHashMap<>();
        for (Edition.Row row : edition.rows()) {
            String pillar = row.pillarCode() == null ? "" : row.pillarCode();
            pillarTitles.putIfAbsent(pillar, row.pillarTitle());
            byPillar.computeIfAbsent(pillar, p -> new LinkedHashMap<>())
                    .computeIfAbsent(row.measureCode() == null ? "" : row.measureCode(), m -> new ArrayList<>()).add(row);
        }
        List<YearReport.Pillar> pillars = new ArrayList<>();
        byPillar.forEach((pillar, measures) -> {
            List<YearReport.Measure> shown = new ArrayList<>();
            measures.forEach((measure, rows) -> {
                Edition.Row first = rows.getFirst();
                List<YearReport.Kpi> kpis = rows.stream().map(row -> kpi(row, rowsByYear)).toList();
                shown.add(new YearReport.Measure(measure, first.measureTitle(), first.departmentCode(), kpis,
                        evaluated.get(Evaluation.id(edition.planId(), measure, edition.fiscalYear()))));
            });
            pillars.add(new YearReport.Pillar(pillar, pillarTitles.get(pillar), shown));
        });
        return new YearReport(edition.planId(), edition.fiscalYear(), edition.id(), edition.cause().name(),
                edition.frozenAt(), edition.asOf(), List.copyOf(rowsByYear.keySet()), pillars);
    }

    private static YearReport.Kpi kpi(Edition.Row row, Map<Integer, Map<String, Edition.Row>> rowsByYear) {
        Map<Integer, YearReport.YearFigure> figures = new HashMap<>();
        rowsByYear.forEach((year, rows) -> {
            Edition.Row then = rows.get(row.kpiId());
            if (then != null) {
                figures.put(year, new YearReport.YearFigure(then.value(), then.verdict()));
            }
        });
        return new YearReport.Kpi(row.kpiId(), row.name(), row.unit(), row.baseline(), row.target(), row.due(), figures,
                row.status(), row.grade());
    }
}
