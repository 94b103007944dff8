package jp.shinchoku.measurement.progress;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jp.shinchoku.measurement.kpis.KpiCatalog;
import jp.shinchoku.measurement.kpis.KpiDefinition;
import jp.shinchoku.measurement.measurements.Measurement;
import jp.shinchoku.measurement.measurements.MeasurementRepository;

/**
 * Keeps each KPI's progress current. Progress is a function of the definition, the values and the day: it is
 * recomputed when a definition changes, when a value is recorded, and as each day begins for the KPIs the
 * {@link ProgressSchedule} says the day can change ({@link #advance(List)}); each computation plans the day the KPI is
 * to be looked at next. Recomputing is safe to repeat: it records a change only when something users act on
 * changed (status, grade, value or achievement), and each change carries its {@code kpi.progress-changed} event.
 */
public class ProgressService {

    private static final int ATTEMPTS = 3;

    private final KpiCatalog kpis;
    private final MeasurementRepository measurements;
    private final ProgressRepository progress;
    private final ProgressSchedule schedule;
    private final ProgressCalculator calculator;
    private final Clock clock;

    public ProgressService(KpiCatalog kpis, MeasurementRepository measurements, ProgressRepository progress,
            ProgressSchedule schedule, ProgressCalculator calculator, Clock clock) {
        this.kpis = kpis;
        this.measurements = measurements;
        this.progress = progress;
        this.schedule = schedule;
        this.calculator = calculator;
        this.clock = clock;
    }

    /** A KPI's definition changed: recompute from its kept values. @return the change recorded, if any */
    public Optional<ProgressChange> recompute(String kpiId) {
        return kpis.find(kpiId).flatMap(kpi -> store(kpi, progress.find(kpiId), List.of(), true));
    }

    /**
     * KPIs' definitions changed: each is recomputed from its kept values and its next day planned, with one read of the
     * KPIs, one of their states and one bulk write.
     *
     * @return the changes recorded
     */
    public List<ProgressChange> recomputeAll(Collection<String> kpiIds) {
        List<KpiDefinition> batch = kpis.findAll(kpiIds);
        Map<String, ProgressState> states = progress.findAll(kpiIds);
        LocalDate today = LocalDate.now(clock);
        List<ProgressRepository.StateChange> changes = new ArrayList<>();
        Map<String, LocalDate> next = new HashMap<>();
        for (KpiDefinition kpi : batch) {
            ProgressState state = states.get(kpi.id());
            List<Measurement> values = valuesOf(kpi, state);
            change(kpi, state == null ? null : state.progress(), values, today)
                    .ifPresent(change -> changes.add(new ProgressRepository.StateChange(change, values)));
            if (!kpi.retired()) {
                next.put(kpi.id(), calculator.nextChange(kpi, values, today));
            }
        }
        schedule.plan(next);
        if (progress.storeAll(changes, List.of())) {
            return changes.stream().map(ProgressRepository.StateChange::change).toList();
        }
        List<ProgressChange> stored = new ArrayList<>();
        batch.forEach(kpi -> recomputeWithRetry(kpi.id()).ifPresent(stored::add));
        return stored;
    }

    /**
     * Values were recorded: each joins its KPI's values (once: recording one again changes nothing) and progress is
     * recomputed, for the whole batch with one read of the KPIs, one of their states and one bulk write.
     *
     * @return the changes recorded
     */
    public List<ProgressChange> recordAll(List<Measurement> recorded) {
        Map<String, List<Measurement>> byKpi = new LinkedHashMap<>();
        recorded.forEach(m -> byKpi.computeIfAbsent(m.kpiId(), id -> new ArrayList<>()).add(m));
        Map<String, ProgressState> states = progress.findAll(byKpi.keySet());
        LocalDate today = LocalDate.now(clock);
        List<ProgressRepository.StateChange> changes = new ArrayList<>();
        List<ProgressRepository.Kept> kept = new ArrayList<>();
        Map<String, LocalDate> next = new HashMap<>();
        for (KpiDefinition kpi : kpis.findAll(byKpi.keySet())) {
            ProgressState state = states.get(kpi.id());
            List<Measurement> before = valuesOf(kpi, state);
            List<Measurement> values = with(before, byKpi.get(kpi.id()));
            Progress previous = state == null ? null : state.progress();
            Optional<ProgressChange> change = change(kpi, previous, values, today);
            if (change.isPresent()) {
                changes.add(new ProgressRepository.StateChange(change.get(), values));
            } else if (previous != null && !values.equals(state.values())) {
                kept.add(new ProgressRepository.Kept(previous, values));
            }
            if ((change.isPresent() || !values.equals(before)) && !kpi.retired()) {
                next.put(kpi.id(), calculator.nextChange(kpi, values, today));
            }
        }
        schedule.plan(next);
        if (progress.storeAll(changes, kept)) {
            return changes.stream().map(ProgressRepository.StateChange::change).toList();
        }
        // another update came in between for some KPI: redo this batch's KPIs one by one (safe to repeat)
        List<ProgressChange> stored = new ArrayList<>();
        byKpi.forEach((kpiId, added) -> withRetry(() -> kpis.find(kpiId)
                .flatMap(kpi -> store(kpi, progress.find(kpiId), added, false))).ifPresent(stored::add));
        return stored;
    }

    private static List<Measurement> with(List<Measurement> values, List<Measurement> added) {
        List<Measurement> all = values;
        for (Measurement measurement : added) {
            all = new ProgressState(null, all).with(measurement);
        }
        return all;
    }

    /** @param replan whether the day to look at the KPI again must be planned even if nothing changed (a new definition) */
    private Optional<ProgressChange> store(KpiDefinition kpi, Optional<ProgressState> state, List<Measurement> added,
            boolean replan) {
        List<Measurement> values = with(valuesOf(kpi, state.orElse(null)), added);
        Progress previous = state.map(ProgressState::progress).orElse(null);
        LocalDate today = LocalDate.now(clock);
        Optional<ProgressChange> change = change(kpi, previous, values, today);
        boolean valuesChanged = previous != null && !values.equals(state.get().values());
        if (change.isPresent()) {
            progress.replace(new ProgressRepository.StateChange(change.get(), values));
        } else if (valuesChanged) {
            // a value that changes nothing users act on (the same level again) is still kept for later days
            progress.keep(previous, values);
        }
        if ((replan || change.isPresent() || valuesChanged) && !kpi.retired()) {
            schedule.plan(Map.of(kpi.id(), calculator.nextChange(kpi, values, today)));
        }
        return change;
    }

    /**
     * A new day: recomputes each of these KPIs for today from its stored state (one read for the batch, one bulk
     * write for what changed). Retired KPIs are left as they were.
     *
     * @return the changes recorded
     */
    public List<ProgressChange> advance(List<KpiDefinition> batch) {
        LocalDate today = LocalDate.now(clock);
        List<KpiDefinition> active = batch.stream().filter(kpi -> !kpi.retired()).toList();
        Map<String, ProgressState> states = progress.findAll(active.stream().map(KpiDefinition::id).toList());
        List<ProgressRepository.StateChange> updates = new ArrayList<>();
        List<ProgressChange> changes = new ArrayList<>();
        Map<String, LocalDate> next = new HashMap<>();
        for (KpiDefinition kpi : active) {
            ProgressState state = states.get(kpi.id());
            if (state == null) {
                recomputeWithRetry(kpi.id()).ifPresent(changes::add);
                continue;
            }
            List<Measurement> values = valuesOf(kpi, state);
            change(kpi, state.progress(), values, today).ifPresent(change -> {
                updates.add(new ProgressRepository.StateChange(change, values));
                changes.add(change);
            });
            next.put(kpi.id(), calculator.nextChange(kpi, values, today));
        }
        schedule.plan(next);
        if (!progress.storeAll(updates, List.of())) {
            // another update came in between for some KPI: redo the batch's changes one by one (safe to repeat)
            changes.clear();
            updates.forEach(update -> recomputeWithRetry(update.change().kpi().id()).ifPresent(changes::add));
        }
        return changes;
    }

    private Optional<ProgressChange> recomputeWithRetry(String kpiId) {
        return withRetry(() -> recompute(kpiId));
    }

    private static Optional<ProgressChange> withRetry(java.util.function.Supplier<Optional<ProgressChange>> update) {
        for (int attempt = 1; ; attempt++) {
            try {
                return update.get();
            } catch (ConcurrentProgressUpdateException e) {
                if (attempt == ATTEMPTS) {
                    throw e;
                }
            }
        }
    }

    private Optional<ProgressChange> change(KpiDefinition kpi, Progress previous, List<Measurement> values, LocalDate today) {
        Progress computed = calculator.compute(kpi, values, today);
        return computed.changedFrom(previous)
                ? Optional.of(new ProgressChange(kpi, previous, computed.after(previous)))
                : Optional.empty();
    }

    /**
     * The state's values; none for a KPI without a state yet (a value recorded before its state was written is added
     * by what follows its recording, or by the outbox's sweep); for a state stored before values were kept, the KPI's
     * history, read once.
     */
    private List<Measurement> valuesOf(KpiDefinition kpi, ProgressState state) {
        if (state == null) {
            return List.of();
        }
        if (state.values() != null) {
            return state.values();
        }
        return measurements.findByKpi(kpi.id()).stream().map(Measurement::forProgress).toList();
    }

    /** Where a KPI stands today, computed from its kept values (the stored revision, today's trajectory). */
    public Optional<Progress> current(String kpiId) {
        Optional<ProgressState> state = progress.find(kpiId);
        Optional<KpiDefinition> kpi = kpis.find(kpiId);
        if (state.isEmpty() || kpi.isEmpty()) {
            return state.map(ProgressState::progress);
        }
        Progress today = calculator.compute(kpi.get(), valuesOf(kpi.get(), state.get()), LocalDate.now(clock));
        Progress stored = state.get().progress();
        return Optional.of(today.keepingVerdictDaysOf(stored).withRevision(stored.revision()));
    }
}
