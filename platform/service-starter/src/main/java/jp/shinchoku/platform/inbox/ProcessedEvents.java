package jp.shinchoku.platform.inbox;

import java.time.Clock;
import java.util.Date;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * Which events a consumer has already handled, by their {@code ce_id}. A consumer handles an event
 * through {@link #once} (or checks {@link #alreadyHandled} before and calls {@link #handled} after); since a crash can fall
 * between the two, the handling itself must still be safe to repeat (an upsert), and this record saves the
 * repeated work and repeated side effects in the common case.
 */
public final class ProcessedEvents {

    public static final String COLLECTION = "processed_events";

    private final MongoTemplate mongo;
    private final Clock clock;

    public ProcessedEvents(MongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    public boolean alreadyHandled(String consumer, String eventId) {
        return mongo.getCollection(COLLECTION).find(new Document("_id", id(consumer, eventId))).first() != null;
    }

    public void handled(String consumer, String eventId) {
        try {
            mongo.getCollection(COLLECTION).insertOne(new Document("_id", id(consumer, eventId))
                    .append("consumer", consumer)
                    .append("handledAt", Date.from(clock.instant())));
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
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

    private static String id(String consumer, String eventId) {
        return consumer + ":" + eventId;
    }
}
