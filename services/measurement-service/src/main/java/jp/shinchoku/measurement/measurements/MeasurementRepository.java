package jp.shinchoku.measurement.measurements;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** Where accepted measurements are kept; storing one with its "recorded" event is one atomic write. */
public interface MeasurementRepository {

    /**
     * @throws DuplicateMeasurementException when a measurement with the same idempotency key is already kept, or
     *                                       another correction already supersedes the same measurement
     */
    void insert(Measurement measurement);

    Optional<Measurement> findById(String measurementId);

    Optional<Measurement> findByIdempotencyKey(String idempotencyKey);

    /** The correction that replaced a measurement, if any. */
    Optional<Measurement> findSupersederOf(String measurementId);

    /** A KPI's whole history, by measurement date and then by when each was recorded. */
    List<Measurement> findByKpi(String kpiId);

    /** The histories of several KPIs (e.g. a plan's), by measurement date. */
    List<Measurement> findByKpis(Collection<String> kpiIds);
}
