package jp.shinchoku.measurement.measurements;

/** A measured value that cannot be accepted, and why, in Japanese and English. */
public class MeasurementRejectedException extends RuntimeException {

    /** Why a value was rejected. */
    public enum Reason {
        UNKNOWN_KPI, RETIRED_KPI, MISSING_VALUE, INVALID_VALUE, OUT_OF_RANGE, INVALID_DATE, FUTURE_DATE,
        OUTSIDE_PLAN_PERIOD, INVALID_PERIOD, MISSING_REASON, MEASUREMENT_NOT_FOUND, ALREADY_SUPERSEDED,
        IDEMPOTENCY_KEY_REUSED,
        /** The reporter's department is not the one the KPI's measure is assigned to. */
        NOT_ASSIGNED,
        /** A report on the ingress topic without a valid token. */
        UNAUTHENTICATED,
        /** A report or correction of a fiscal year its plan has closed (年度締め). */
        PERIOD_CLOSED
    }

    private final Reason reason;
    private final String messageJa;

    public MeasurementRejectedException(Reason reason, String messageJa, String messageEn) {
        super(messageEn);
        this.reason = reason;
        this.messageJa = messageJa;
    }

    /**
     * A rejection whose texts are the key's in {@link RejectionTexts}, both languages given the same arguments.
     */
    public static MeasurementRejectedException of(Reason reason, String key, Object... args) {
        return new MeasurementRejectedException(reason, RejectionTexts.TEXTS.ja(key, args), RejectionTexts.TEXTS.en(key, args));
    }

    public Reason reason() {
        return reason;
    }

    public String messageJa() {
        return messageJa;
    }

    public String messageEn() {
        return getMessage();
    }
}
