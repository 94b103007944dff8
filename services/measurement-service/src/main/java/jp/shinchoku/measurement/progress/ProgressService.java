package jp.shinchoku.measurement.progress;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;

import jp.shinchoku.measurement.kpis.KpiCatalog;
import jp.shinchoku.measurement.kpis.KpiDefinition;
import jp.shinchoku.measurement.measurements.MeasurementRepository;

/**
 * Keeps each KPI's progress current. Recomputing is safe to repeat: it derives progress from the definition
 * and all kept measurements, and records a change only when something users act on changed.
 */
public class ProgressService {

    private final KpiCatalog kpis;
    private final MeasurementRepository measurements;
    private final ProgressRepository progress;
    private final ProgressCalculator calculator;
    private final Clock clock;

    public ProgressService(KpiCatalog kpis, MeasurementRepository measurements, ProgressRepository progress,
            ProgressCalculator calculator, Clock clock) {
        this.kpis = kpis;
        this.measurements = measurements;
        this.progress = progress;
        this.calculator = calculator;
        this.clock = clock;
    }

    /** @return the change recorded, if any */
    public Optional<ProgressChange> recompute(String kpiId) {
        Optional<KpiDefinition> kpi = kpis.find(kpiId);
        if (kpi.isEmpty()) {
            return Optional.empty();
        }
        Progress computed = calculator.compute(kpi.get(), measurements.findByKpi(kpiId), LocalDate.now(clock));
        Progress previous = progress.find(kpiId).orElse(null);
        if (!computed.changedFrom(previous)) {
            return Optional.empty();
        }
        Progress next = computed.after(previous);
        ProgressChange change = new ProgressChange(kpi.get(), previous, next);
        progress.replace(previous, next, change);
        return Optional.of(change);
    }

    public Optional<Progress> current(String kpiId) {
        return progress.find(kpiId);
    }
}
