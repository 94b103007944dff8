package jp.shinchoku.measurement.progress;

import java.util.ArrayList;
import java.util.List;

import jp.shinchoku.measurement.kpis.KpiDefinition;

/** The event the domain raises when a KPI's progress changed: the KPI, and its progress before and after. */
public record ProgressChange(KpiDefinition kpi, Progress previous, Progress current) {

    /** A fiscal year's verdict made, or changed by a correction of that year's values. */
    public record YearJudged(KpiDefinition kpi, YearVerdict verdict, YearVerdict previous) {
    }

    /** The verdicts this change made or changed, each with what its year's verdict was before (if any). */
    public List<YearJudged> yearsJudged() {
        List<YearJudged> judged = new ArrayList<>();
        for (YearVerdict verdict : current.yearsJudgedSince(previous)) {
            YearVerdict before = previous == null ? null : previous.years().stream()
                    .filter(v -> v.fiscalYear() == verdict.fiscalYear()).findFirst().orElse(null);
            judged.add(new YearJudged(kpi, verdict, before));
        }
        return judged;
    }

    /** What this change publishes: the change of progress, then each year judged. */
    public List<Object> events() {
        List<Object> events = new ArrayList<>();
        events.add(this);
        events.addAll(yearsJudged());
        return events;
    }
}
