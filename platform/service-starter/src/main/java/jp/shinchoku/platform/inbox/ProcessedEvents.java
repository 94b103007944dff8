package jp.shinchoku.platform.inbox;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.MongoWriteException;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.InsertManyOptions;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * Which events a consumer has already handled, by their {@code ce_id}. A consumer handles an event
 * through {@link #once} (or checks {@link #alreadyHandled} before and calls {@link #handled} after; for a batch,
 * {@link #handledOf} and {@link #handledAll}); since a crash can fall between the two, the handling itself must still
 * be safe to repeat (an upsert), and this record saves the repeated work and repeated side effects in the common case.
 * <p>
 * Records expire after {@code retention} (a TTL index on MongoDB), which must be longer than any redelivery window:
 * the topics' retention and the longest a consumer group may stay behind.
 */
public final class ProcessedEvents {

    public static final String COLLECTION = "processed_events";
    static final String EXPIRES = "expiresAt";

    private final MongoTemplate mongo;
    private final Clock clock;
    private final Duration retention;

    public ProcessedEvents(MongoTemplate mongo, Clock clock, Duration retention) {
        this.mongo = mongo;
        this.clock = clock;
        this.retention = retention;
        mongo.getCollection(COLLECTION).createIndex(Indexes.ascending(EXPIRES),
                new IndexOptions().name("processed_expiry").expireAfter(0L, TimeUnit.SECONDS));
    }

    public boolean alreadyHandled(String consumer, String eventId) {
        return mongo.getCollection(COLLECTION).find(new Document("_id", id(consumer, eventId))).first() != null;
    }

    /** Which of these events the consumer already handled, in one read by key. */
    public Set<String> handledOf(String consumer, Collection<String> eventIds) {
        if (eventIds.isEmpty()) {
            return Set.of();
        }
        List<String> ids = eventIds.stream().map(eventId -> id(consumer, eventId)).toList();
        Set<String> handled = new HashSet<>();
        String prefix = consumer + ":";
        for (Document document : mongo.getCollection(COLLECTION).find(new Document("_id", new Document("$in", ids)))) {
            handled.add(document.getString("_id").substring(prefix.length()));
        }
        return handled;
    }

    public void handled(String consumer, String eventId) {
        try {
            mongo.getCollection(COLLECTION).insertOne(record(consumer, eventId));
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
        }
    }

    /** Records a batch of handled events in one write (those already recorded stay as they were). */
    public void handledAll(String consumer, Collection<String> eventIds) {
        if (eventIds.isEmpty()) {
            return;
        }
        List<Document> records = new ArrayList<>();
        eventIds.forEach(eventId -> records.add(record(consumer, eventId)));
        try {
            mongo.getCollection(COLLECTION).insertMany(records, new InsertManyOptions().ordered(false));
        } catch (MongoBulkWriteException e) {
            if (e.getWriteErrors().stream().anyMatch(error -> ErrorCategory.fromErrorCode(error.getCode())
                    != ErrorCategory.DUPLICATE_KEY)) {
                throw e;
            }
        }
    }

    /**
     * Handles the event unless the consumer already did, then records it.
     *
     * @return whether it was handled now
     */
    public boolean once(String consumer, String eventId, Runnable handling) {
        if (alreadyHandled(consumer, eventId)) {
            return false;
        }
        handling.run();
        handled(consumer, eventId);
        return true;
    }

    private Document record(String consumer, String eventId) {
        return new Document("_id", id(consumer, eventId))
                .append("consumer", consumer)
                .append("handledAt", Date.from(clock.instant()))
                // the store's TTL monitor runs on the wall clock, whatever day the system is told it is
                .append(EXPIRES, Date.from(java.time.Instant.now().plus(retention)));
    }

    private static String id(String consumer, String eventId) {
        return consumer + ":" + eventId;
    }
}
