package jp.shinchoku.measurement.evaluations.persistence;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import jp.shinchoku.measurement.evaluations.Evaluation;
import jp.shinchoku.measurement.evaluations.EvaluationRepository;
import jp.shinchoku.platform.outbox.Outbox;
import jp.shinchoku.platform.outbox.OutboxCollection;
import jp.shinchoku.platform.outbox.OutboxEntry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

/**
 * One document per measure and fiscal year ({@code _id} the evaluation's id), with the events of its changes until
 * published; every change is one write conditional on the version read (the first, an insert).
 */
@Repository
class MongoEvaluationRepository implements EvaluationRepository {

    static final String COLLECTION = "evaluations";

    record EvaluationDocument(@Id String id, long version, Evaluation evaluation, List<OutboxEntry> outbox) {
    }

    private final MongoTemplate mongo;
    private final Outbox outbox;

    MongoEvaluationRepository(MongoTemplate mongo, Outbox outbox) {
        this.mongo = mongo;
        this.outbox = outbox;
    }

    @Override
    public Optional<Evaluation> find(String id) {
        return Optional.ofNullable(mongo.findById(id, EvaluationDocument.class, COLLECTION))
                .map(EvaluationDocument::evaluation);
    }

    @Override
    public List<Evaluation> findAll(Collection<String> ids) {
        return ids.isEmpty() ? List.of()
                : mongo.find(Query.query(where("_id").in(ids)), EvaluationDocument.class, COLLECTION).stream()
                        .map(EvaluationDocument::evaluation).toList();
    }

    @Override
    public boolean save(Evaluation evaluation, List<Object> events) {
        List<OutboxEntry> entries = outbox.entriesFor(events);
        boolean kept;
        if (evaluation.version() == 1) {
            try {
                mongo.insert(new EvaluationDocument(evaluation.id(), 1, evaluation, entries), COLLECTION);
                kept = true;
            } catch (DuplicateKeyException another) {
                return false;
            }
        } else {
            Query unchanged = Query.query(where("_id").is(evaluation.id()).and("version").is(evaluation.version() - 1));
            Update update = new Update().set("version", evaluation.version()).set("evaluation", evaluation);
            if (!entries.isEmpty()) {
                update.push(OutboxEntry.FIELD).each(entries.toArray());
            }
            kept = mongo.updateFirst(unchanged, update, COLLECTION).getModifiedCount() == 1;
        }
        if (kept && !entries.isEmpty()) {
            outbox.written(COLLECTION, evaluation.id());
        }
        return kept;
    }

    @Configuration(proxyBeanMethods = false)
    static class EvaluationPersistenceConfiguration {

        @Bean
        OutboxCollection evaluationOutbox() {
            return new OutboxCollection(COLLECTION);
        }
    }
}
