package jp.shinchoku.measurement.measurements.persistence;

import java.util.List;

import com.mongodb.ErrorCategory;
import com.mongodb.bulk.BulkWriteError;
import jp.shinchoku.measurement.measurements.RejectionLog;
import jp.shinchoku.measurement.measurements.ReportRejected;
import jp.shinchoku.platform.outbox.Outbox;
import jp.shinchoku.platform.outbox.OutboxEntry;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.BulkOperationException;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.stereotype.Repository;

/**
 * Keeps every report that came in over Kafka and was rejected, with its {@code measurement.rejected.v1} event in
 * the same document (published by the outbox relay). Keyed by the report's CloudEvent source and id, so a
 * redelivered report is rejected once.
 */
@Repository
class RejectedReportLog implements RejectionLog {

    static final String COLLECTION = "rejected_reports";

    private final MongoTemplate mongo;
    private final Outbox outbox;

    RejectedReportLog(MongoTemplate mongo, Outbox outbox) {
        this.mongo = mongo;
        this.outbox = outbox;
    }

    @Document(COLLECTION)
    record RejectedReport(@Id String id, String kpiId, String reason, List<OutboxEntry> outbox) {
    }

    @Override
    public void rejectedAll(List<ReportRejected> rejections) {
        if (rejections.isEmpty()) {
            return;
        }
        BulkOperations bulk = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, RejectedReport.class);
        bulk.insert(rejections.stream().map(rejection -> new RejectedReport(rejection.id(), rejection.kpiId(),
                rejection.reason().reason().name(), List.of(outbox.entryFor(rejection)))).toList());
        try {
            bulk.execute();
        } catch (BulkOperationException e) {
            for (BulkWriteError error : e.getErrors()) {
                if (ErrorCategory.fromErrorCode(error.getCode()) != ErrorCategory.DUPLICATE_KEY) {
                    throw e; // a report rejected before (redelivered) is answered once
                }
            }
        }
        outbox.written(COLLECTION, rejections.stream().map(ReportRejected::id).toList());
    }
}
