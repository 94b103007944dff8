package jp.shinchoku.measurement.measurements.persistence;

import java.util.List;

import jp.shinchoku.measurement.measurements.Measurement;
import jp.shinchoku.platform.outbox.OutboxEntry;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A measurement as stored, with its "recorded" event until the relay has published it. {@code supersedes} is only
 * written for a correction, so that its unique sparse index lets each measurement be corrected once.
 */
@Document(MeasurementDocument.COLLECTION)
record MeasurementDocument(@Id String id, String kpiId, String idempotencyKey, String supersedes,
        Measurement measurement, List<OutboxEntry> outbox) {

    static final String COLLECTION = "measurements";
}
