package jp.shinchoku.contracts;

/**
 * The CloudEvents attributes Shinchoku carries as Kafka record headers (binary content mode of the
 * CloudEvents Kafka protocol binding). The record key is the aggregate id; the value is the event's JSON.
 */
public final class CloudEventHeaders {

    /** Unique per event; consumers use it as the idempotency key. */
    public static final String ID = "ce_id";
    /** The logical, versioned event type, e.g. {@code measurement.recorded.v1}. Never a Java class name. */
    public static final String TYPE = "ce_type";
    /** The producing service, e.g. {@code /shinchoku/plan-service}. */
    public static final String SOURCE = "ce_source";
    /** When the event happened, RFC 3339. */
    public static final String TIME = "ce_time";
    public static final String SPECVERSION = "ce_specversion";
    public static final String CONTENT_TYPE = "content-type";

    public static final String SPECVERSION_1_0 = "1.0";
    public static final String APPLICATION_JSON = "application/json";

    private CloudEventHeaders() {
    }
}
