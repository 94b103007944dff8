package jp.shinchoku.measurement.measurements.persistence;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import com.mongodb.ErrorCategory;
import com.mongodb.bulk.BulkWriteError;
import jp.shinchoku.measurement.measurements.Measurement;
import jp.shinchoku.measurement.measurements.MeasurementRepository;
import jp.shinchoku.platform.outbox.Outbox;
import org.springframework.data.mongodb.BulkOperationException;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Repository;

@Repository
class MongoMeasurementRepository implements MeasurementRepository {

    private static final Sort CHRONOLOGICAL = Sort.by("measurement.measuredOn", "measurement.recordedAt");

    private final MongoTemplate mongo;
    private final Outbox outbox;

    MongoMeasurementRepository(MongoTemplate mongo, Outbox outbox) {
        this.mongo = mongo;
        this.outbox = outbox;
        var indexes = mongo.indexOps(MeasurementDocument.COLLECTION);
        indexes.createIndex(new Index("idempotencyKey", Sort.Direction.ASC).unique().named("idempotency_key"));
        indexes.createIndex(new Index("supersedes", Sort.Direction.ASC).unique().sparse().named("supersedes"));
        indexes.createIndex(new Index("kpiId", Sort.Direction.ASC).named("kpi"));
    }

    @Override
    public List<Measurement> insertAll(List<Measurement> measurements) {
        BulkOperations bulk = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, MeasurementDocument.class);
        bulk.insert(measurements.stream().map(measurement -> new MeasurementDocument(measurement.id(),
                measurement.kpiId(), measurement.idempotencyKey(), measurement.supersedes(), measurement,
                List.of(outbox.entryFor(measurement)))).toList());
        try {
            bulk.execute();
            return List.of();
        } catch (BulkOperationException e) {
            List<Measurement> conflicting = new ArrayList<>();
            for (BulkWriteError error : e.getErrors()) {
                if (ErrorCategory.fromErrorCode(error.getCode()) != ErrorCategory.DUPLICATE_KEY) {
                    throw e;
                }
                conflicting.add(measurements.get(error.getIndex()));
            }
            return conflicting;
        }
    }

    @Override
    public void release(Collection<String> measurementIds) {
        outbox.written(MeasurementDocument.COLLECTION, measurementIds);
    }

    @Override
    public List<Measurement> findAll(Collection<String> measurementIds) {
        return find(Query.query(where("_id").in(measurementIds)));
    }

    @Override
    public Optional<Measurement> findById(String measurementId) {
        return Optional.ofNullable(mongo.findById(measurementId, MeasurementDocument.class))
                .map(MeasurementDocument::measurement);
    }

    @Override
    public Optional<Measurement> findByIdempotencyKey(String idempotencyKey) {
        return findOne(Query.query(where("idempotencyKey").is(idempotencyKey)));
    }

    @Override
    public Optional<Measurement> findSupersederOf(String measurementId) {
        return findOne(Query.query(where("supersedes").is(measurementId)));
    }

    @Override
    public List<Measurement> findByKpi(String kpiId) {
        return find(Query.query(where("kpiId").is(kpiId)).with(CHRONOLOGICAL));
    }

    @Override
    public List<Measurement> findByKpis(Collection<String> kpiIds) {
        return find(Query.query(where("kpiId").in(kpiIds)).with(CHRONOLOGICAL));
    }

    private Optional<Measurement> findOne(Query query) {
        return Optional.ofNullable(mongo.findOne(query, MeasurementDocument.class)).map(MeasurementDocument::measurement);
    }

    private List<Measurement> find(Query query) {
        return mongo.find(query, MeasurementDocument.class).stream().map(MeasurementDocument::measurement).toList();
    }
}
