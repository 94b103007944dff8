package jp.shinchoku.measurement.measurements.persistence;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.util.List;
import java.util.Optional;

import jp.shinchoku.contracts.Events;
import jp.shinchoku.measurement.measurements.DuplicateIdempotencyKeyException;
import jp.shinchoku.measurement.measurements.Measurement;
import jp.shinchoku.measurement.measurements.MeasurementRepository;
import jp.shinchoku.measurement.measurements.messaging.MeasurementContracts;
import jp.shinchoku.platform.outbox.Outbox;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Repository;

@Repository
class MongoMeasurementRepository implements MeasurementRepository {

    private final MongoTemplate mongo;
    private final Outbox outbox;

    MongoMeasurementRepository(MongoTemplate mongo, Outbox outbox) {
        this.mongo = mongo;
        this.outbox = outbox;
        mongo.indexOps(MeasurementDocument.COLLECTION)
                .createIndex(new Index("idempotencyKey", Sort.Direction.ASC).unique().named("idempotency_key"));
        mongo.indexOps(MeasurementDocument.COLLECTION)
                .createIndex(new Index("kpiId", Sort.Direction.ASC).named("kpi"));
    }

    @Override
    public void insert(Measurement measurement) {
        try {
            mongo.insert(new MeasurementDocument(measurement.id(), measurement.kpiId(), measurement.idempotencyKey(),
                    measurement, List.of(outbox.entry(Events.MEASUREMENT_RECORDED, MeasurementContracts.recorded(measurement)))));
        } catch (DuplicateKeyException e) {
            throw new DuplicateIdempotencyKeyException(measurement.idempotencyKey());
        }
        outbox.written();
    }

    @Override
    public Optional<Measurement> findByIdempotencyKey(String idempotencyKey) {
        return Optional.ofNullable(mongo.findOne(Query.query(where("idempotencyKey").is(idempotencyKey)),
                MeasurementDocument.class)).map(MeasurementDocument::measurement);
    }

    @Override
    public List<Measurement> findByKpi(String kpiId) {
        return mongo.find(Query.query(where("kpiId").is(kpiId)).with(Sort.by("measurement.measuredOn", "measurement.recordedAt")),
                MeasurementDocument.class).stream().map(MeasurementDocument::measurement).toList();
    }
}
