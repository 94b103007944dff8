package jp.shinchoku.platform.outbox;

import static com.mongodb.client.model.Filters.eq;

import java.util.ArrayList;
import java.util.List;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.WriteModel;
import org.bson.Document;

/**
 * Sends again the events the broker refused for good (set aside in their documents by the {@link OutboxRelay}), once
 * the cause is mended: each is moved back into its document's outbox, where the relay's sweep finds it and sends it
 * with its first {@code ce_id} (consumers still see a repeat as one). An operator's tool, not a hot path: it looks
 * through every collection of a service's database for documents holding set-aside events.
 */
public final class SetAsideEvents {

    private static final int BATCH = 500;

    private SetAsideEvents() {
    }

    /** Moves every set-aside event of {@code database} back into its outbox; returns how many. */
    public static long sendAgain(MongoDatabase database) {
        long moved = 0;
        for (String name : database.listCollectionNames()) {
            if (name.startsWith("system.")) {
                continue;
            }
            MongoCollection<Document> collection = database.getCollection(name);
            List<WriteModel<Document>> updates = new ArrayList<>();
            for (Document document : collection.find(Filters.exists(OutboxRelay.SET_ASIDE))
                    .projection(Projections.include(OutboxRelay.SET_ASIDE))) {
                List<Document> aside = document.getList(OutboxRelay.SET_ASIDE, Document.class);
                if (aside == null || aside.isEmpty()) {
                    continue;
                }
                List<Document> entries = aside.stream().map(set -> set.get("entry", Document.class)).toList();
                // $pullAll of exactly what was read: an event set aside meanwhile stays where it is
                updates.add(new UpdateOneModel<>(eq("_id", document.get("_id")), Updates.combine(
                        Updates.pushEach(OutboxEntry.FIELD, entries), Updates.pullAll(OutboxRelay.SET_ASIDE, aside))));
                moved += entries.size();
                if (updates.size() == BATCH) {
                    collection.bulkWrite(updates);
                    updates.clear();
                }
            }
            if (!updates.isEmpty()) {
                collection.bulkWrite(updates);
            }
        }
        return moved;
    }
}
