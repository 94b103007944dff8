package jp.shinchoku.measurement.progress.persistence;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.util.List;
import java.util.Optional;

import jp.shinchoku.contracts.Events;
import jp.shinchoku.measurement.progress.ConcurrentProgressUpdateException;
import jp.shinchoku.measurement.progress.Progress;
import jp.shinchoku.measurement.progress.ProgressChange;
import jp.shinchoku.measurement.progress.ProgressRepository;
import jp.shinchoku.measurement.progress.messaging.ProgressContracts;
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

/** One document per KPI: its current progress and the change events not yet published. */
@Repository
class MongoProgressRepository implements ProgressRepository {

    static final String COLLECTION = "kpi_progress";

    record ProgressDocument(@Id String id, Progress progress, List<OutboxEntry> outbox) {
    }

    private final MongoTemplate mongo;
    private final Outbox outbox;

    MongoProgressRepository(MongoTemplate mongo, Outbox outbox) {
        this.mongo = mongo;
        this.outbox = outbox;
    }

    @Override
    public Optional<Progress> find(String kpiId) {
        return Optional.ofNullable(mongo.findById(kpiId, ProgressDocument.class, COLLECTION)).map(ProgressDocument::progress);
    }

    @Override
    public void replace(Progress previous, Progress next, ProgressChange change) {
        OutboxEntry event = outbox.entry(Events.KPI_PROGRESS_CHANGED, ProgressContracts.changed(change));
        if (previous == null) {
            try {
                mongo.insert(new ProgressDocument(next.kpiId(), next, List.of(event)), COLLECTION);
            } catch (DuplicateKeyException e) {
                throw new ConcurrentProgressUpdateException(next.kpiId());
            }
        } else {
            Query unchanged = Query.query(where("_id").is(next.kpiId()).and("progress.revision").is(previous.revision()));
            Update update = new Update().set("progress", next).push(OutboxEntry.FIELD, event);
            if (mongo.updateFirst(unchanged, update, COLLECTION).getMatchedCount() == 0) {
                throw new ConcurrentProgressUpdateException(next.kpiId());
            }
        }
        outbox.written();
    }

    @Configuration(proxyBeanMethods = false)
    static class ProgressPersistenceConfiguration {

        @Bean
        OutboxCollection progressOutbox() {
            return new OutboxCollection(COLLECTION);
        }
    }
}
