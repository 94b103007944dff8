package jp.shinchoku.measurement.measurements.persistence;

import java.time.Clock;
import java.util.List;

import jp.shinchoku.contracts.Events;
import jp.shinchoku.contracts.measurement.MeasurementRejectedV1;
import jp.shinchoku.contracts.measurement.MeasurementReportedV1;
import jp.shinchoku.measurement.measurements.MeasurementRejectedException;
import jp.shinchoku.measurement.measurements.messaging.MeasurementContracts;
import jp.shinchoku.platform.events.EventMetadata;
import jp.shinchoku.platform.outbox.Outbox;
import jp.shinchoku.platform.outbox.OutboxEntry;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.stereotype.Repository;

/**
 * Keeps every report that came in over Kafka and was rejected, with its {@code measurement.rejected.v1} event in
 * the same document (published by the outbox relay). Keyed by the report's CloudEvent source and id, so a
 * redelivered report is rejected once.
 */
@Repository
public class RejectedReportLog {

    static final String COLLECTION = "rejected_reports";

    private final MongoTemplate mongo;
    private final Outbox outbox;
    private final Clock clock;

    RejectedReportLog(MongoTemplate mongo, Outbox outbox, Clock clock) {
        this.mongo = mongo;
        this.outbox = outbox;
        this.clock = clock;
    }

    @Document(COLLECTION)
    record RejectedReport(@Id String id, MeasurementRejectedV1 rejection, List<OutboxEntry> outbox) {
    }

    public void rejected(EventMetadata event, MeasurementReportedV1 report, MeasurementRejectedException e) {
        MeasurementRejectedV1 rejection = MeasurementContracts.rejected(event, report, e, clock.instant());
        String id = event.source() + "|" + event.id();
        try {
            mongo.insert(new RejectedReport(id, rejection, List.of(outbox.entry(Events.MEASUREMENT_REJECTED, rejection))));
        } catch (DuplicateKeyException alreadyRejected) {
            return;
        }
        outbox.written(COLLECTION, id);
    }
}
