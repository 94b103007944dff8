package jp.shinchoku.measurement.progress;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jp.shinchoku.measurement.measurements.Measurement;

/** Where each KPI's current progress and its values are kept; a change is stored with its event in one atomic write. */
public interface ProgressRepository {

    Optional<ProgressState> find(String kpiId);

    /** The states of several KPIs by id, in one read; KPIs without a stored state are absent from the map. */
    Map<String, ProgressState> findAll(Collection<String> kpiIds);

    /**
     * Stores the change's new progress and the values in place of its previous progress (none: a first progress), with
     * the change event.
     *
     * @throws ConcurrentProgressUpdateException when another update came in between; retry
     */
    void replace(StateChange update);

    /**
     * Keeps new values for a KPI whose progress they did not change (no event).
     *
     * @throws ConcurrentProgressUpdateException when another update came in between; retry
     */
    void keep(Progress current, List<Measurement> values);

    /**
     * Stores the changes (each with its event; a first progress too) and the values kept without a change of several
     * KPIs in one bulk write.
     *
     * @return false when another update changed some KPI's state in between (that KPI's write was not made: recompute
     *         the KPIs one by one)
     */
    boolean storeAll(List<StateChange> changes, List<Kept> kept);

    /** Values kept for a KPI whose progress they did not change. */
    record Kept(Progress current, List<Measurement> values) {
    }

    /** A change of progress with the values it was computed from. */
    record StateChange(ProgressChange change, List<Measurement> values) {
    }
}
