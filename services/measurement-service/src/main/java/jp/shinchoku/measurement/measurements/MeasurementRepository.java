package jp.shinchoku.measurement.measurements;

import java.util.List;
import java.util.Optional;

/** Where accepted measurements are kept; storing one with its "recorded" event is one atomic write. */
public interface MeasurementRepository {

    /**
     * @throws DuplicateIdempotencyKeyException when a measurement with the same idempotency key is already kept
     */
    void insert(Measurement measurement);

    Optional<Measurement> findByIdempotencyKey(String idempotencyKey);

    List<Measurement> findByKpi(String kpiId);
}
