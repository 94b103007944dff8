package jp.shinchoku.measurement.measurements;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** Where accepted measurements are kept; storing one with its "recorded" event is one atomic write. */
public interface MeasurementRepository {

    /**
     * Keeps new measurements in one bulk write, each with its "recorded" event, which waits for {@link #release}.
     *
     * @return those not kept because one with the same idempotency key, or a correction of the same measurement, is
     *         already kept
     */
    List<Measurement> insertAll(List<Measurement> measurements);

    /**
     * The "recorded" events of these measurements may go out now. Those never released go out with the outbox's sweep,
     * after {@link AfterRecording} has run for them again.
     */
    void release(Collection<String> measurementIds);

    /** The measurements with these ids, in one read by key. */
    List<Measurement> findAll(Collection<String> measurementIds);

    Optional<Measurement> findById(String measurementId);

    Optional<Measurement> findByIdempotencyKey(String idempotencyKey);

    /** The correction that replaced a measurement, if any. */
    Optional<Measurement> findSupersederOf(String measurementId);

    /** A KPI's whole history, by measurement date and then by when each was recorded. */
    List<Measurement> findByKpi(String kpiId);

    /** The histories of several KPIs (e.g. a plan's), by measurement date. */
    List<Measurement> findByKpis(Collection<String> kpiIds);
}
