package jp.shinchoku.measurement.measurements;

import java.time.Instant;

/**
 * A report that came in as an event and could not be accepted: the answer its sender gets.
 *
 * @param eventId  the report event's id
 * @param source   the report event's source
 * @param kpiId    the KPI it named (may be null or unknown)
 * @param reason   why it was not accepted
 * @param received the report as received, returned to its sender with the reason
 */
public record ReportRejected(String eventId, String source, String kpiId, MeasurementRejectedException reason,
        Instant at, Object received) {

    /** One answer per report event. */
    public String id() {
        return source + "|" + eventId;
    }
}
