package jp.shinchoku.measurement.measurements;

/** The store already keeps a measurement under the same idempotency key, or a correction of the same measurement. */
public class DuplicateMeasurementException extends RuntimeException {

    public DuplicateMeasurementException(Measurement measurement) {
        super("measurement " + measurement.id() + " (idempotency key " + measurement.idempotencyKey()
                + (measurement.supersedes() == null ? "" : ", correcting " + measurement.supersedes())
                + ") conflicts with one already recorded");
    }
}
