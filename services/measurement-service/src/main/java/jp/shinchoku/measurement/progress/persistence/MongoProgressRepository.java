package jp.shinchoku.measurement.progress.persistence;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import com.mongodb.ErrorCategory;
import jp.shinchoku.measurement.measurements.Measurement;
import jp.shinchoku.measurement.progress.ConcurrentProgressUpdateException;
import jp.shinchoku.measurement.progress.Progress;
import jp.shinchoku.measurement.progress.ProgressState;
import jp.shinchoku.measurement.progress.ProgressRepository;
import jp.shinchoku.platform.outbox.Outbox;
import jp.shinchoku.platform.outbox.OutboxCollection;
import jp.shinchoku.platform.outbox.OutboxEntry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.BulkOperationException;
import org.springframework.data.annotation.Id;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

/**
 * One document per KPI: its current progress, the values it was computed from ({@code values}, without comments) and
 * the change events not yet published. Every read is by {@code _id}; every write is conditional on the revision read.
 */
@Repository
class MongoProgressRepository implements ProgressRepository {

    static final String COLLECTION = "kpi_progress";

    record ProgressDocument(@Id String id, Progress progress, List<Measurement> values, List<OutboxEntry> outbox) {
    }

    private final MongoTemplate mongo;
    private final Outbox outbox;

    MongoProgressRepository(MongoTemplate mongo, Outbox outbox) {
        this.mongo = mongo;
        this.outbox = outbox;
        // names exactly what the conditional writes name, so that stores that index only exact keys use it too
        mongo.indexOps(COLLECTION).createIndex(new Index().on("_id", Sort.Direction.ASC)
                .on("progress.revision", Sort.Direction.ASC).unique().named("progress_revision"));
    }

    @Override
    public Optional<ProgressState> find(String kpiId) {
        return Optional.ofNullable(mongo.findById(kpiId, ProgressDocument.class, COLLECTION)).map(MongoProgressRepository::state);
    }

    @Override
    public Map<String, ProgressState> findAll(Collection<String> kpiIds) {
        if (kpiIds.isEmpty()) {
            return Map.of();
        }
        return mongo.find(Query.query(where("_id").in(kpiIds)), ProgressDocument.class, COLLECTION).stream()
                .collect(Collectors.toMap(ProgressDocument::id, MongoProgressRepository::state));
    }

    private static ProgressState state(ProgressDocument document) {
        return new ProgressState(document.progress(), document.values());
    }

    @Override
    public void replace(ProgressRepository.StateChange update) {
        Progress previous = update.change().previous();
        Progress next = update.change().current();
        List<OutboxEntry> events = events(update);
        if (previous == null) {
            try {
                mongo.insert(new ProgressDocument(next.kpiId(), next, update.values(), events), COLLECTION);
            } catch (DuplicateKeyException e) {
                throw new ConcurrentProgressUpdateException(next.kpiId());
            }
        } else if (mongo.updateFirst(unchanged(previous), set(update, events), COLLECTION).getMatchedCount() == 0) {
            throw new ConcurrentProgressUpdateException(next.kpiId());
        }
        outbox.written(COLLECTION, next.kpiId());
    }

    @Override
    public void keep(Progress current, List<Measurement> values) {
        if (mongo.updateFirst(unchanged(current), new Update().set("values", values), COLLECTION).getMatchedCount() == 0) {
            throw new ConcurrentProgressUpdateException(current.kpiId());
        }
    }

    @Override
    public boolean storeAll(List<ProgressRepository.StateChange> changes, List<ProgressRepository.Kept> kept) {
        if (changes.isEmpty() && kept.isEmpty()) {
            return true;
        }
        BulkOperations bulk = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, COLLECTION);
        int updates = 0;
        for (ProgressRepository.StateChange change : changes) {
            Progress previous = change.change().previous();
            if (previous == null) {
                Progress next = change.change().current();
                bulk.insert(new ProgressDocument(next.kpiId(), next, change.values(), events(change)));
            } else {
                bulk.updateOne(unchanged(previous), set(change, events(change)));
                updates++;
            }
        }
        for (ProgressRepository.Kept values : kept) {
            bulk.updateOne(unchanged(values.current()), new Update().set("values", values.values()));
            updates++;
        }
        boolean allStored;
        try {
            allStored = bulk.execute().getMatchedCount() == updates;
        } catch (BulkOperationException e) {
            if (e.getErrors().stream().anyMatch(error -> ErrorCategory.fromErrorCode(error.getCode())
                    != ErrorCategory.DUPLICATE_KEY)) {
                throw e;
            }
            allStored = false; // another instance stored a first progress in between
        }
        if (!changes.isEmpty()) {
            outbox.written(COLLECTION, changes.stream().map(change -> change.change().kpi().id()).toList());
        }
        return allStored;
    }

    /** The change's events: the change of progress, and each fiscal year it judged. */
    private List<OutboxEntry> events(ProgressRepository.StateChange update) {
        return outbox.entriesFor(update.change().events());
    }

    private static Query unchanged(Progress previous) {
        return Query.query(where("_id").is(previous.kpiId()).and("progress.revision").is(previous.revision()));
    }

    private static Update set(ProgressRepository.StateChange update, List<OutboxEntry> events) {
        return new Update().set("progress", update.change().current()).set("values", update.values())
                .push(OutboxEntry.FIELD).each(events.toArray());
    }

    @Configuration(proxyBeanMethods = false)
    static class ProgressPersistenceConfiguration {

        @Bean
        OutboxCollection progressOutbox() {
            return new OutboxCollection(COLLECTION);
        }
    }
}
