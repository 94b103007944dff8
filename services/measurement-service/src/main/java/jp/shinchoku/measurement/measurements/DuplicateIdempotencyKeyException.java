package jp.shinchoku.measurement.measurements;

public class DuplicateIdempotencyKeyException extends RuntimeException {

    public DuplicateIdempotencyKeyException(String idempotencyKey) {
        super("a measurement with idempotency key " + idempotencyKey + " is already recorded");
    }
}
