package jp.shinchoku.platform.store;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.WriteModel;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * Which documents belong to a key (a plan's KPIs, a KPI's alerts), kept as one small document per key, so that a hot
 * path finds them with two reads by {@code _id} on any store, never a query on a field (which a store without that
 * index, or one that ignores secondary indexes, answers by reading the whole collection).
 * <p>
 * Written before the documents it points to and trimmed after them, so that it may name a document that no longer
 * belongs (readers check what they read) but never misses one that does.
 */
public final class KeyIndex {

    private static final String IDS = "ids";

    private final MongoTemplate mongo;
    private final String collection;

    public KeyIndex(MongoTemplate mongo, String collection) {
        this.mongo = mongo;
        this.collection = collection;
    }

    public void add(String key, String id) {
        addAll(Map.of(key, List.of(id)));
    }

    /** Adds ids under their keys, in one bulk write. */
    public void addAll(Map<String, ? extends Collection<String>> idsByKey) {
        write(idsByKey, ids -> Updates.addEachToSet(IDS, ids), true);
    }

    public void remove(String key, String id) {
        removeAll(Map.of(key, List.of(id)));
    }

    /** Removes ids from their keys, in one bulk write. */
    public void removeAll(Map<String, ? extends Collection<String>> idsByKey) {
        write(idsByKey, ids -> Updates.pullAll(IDS, ids), false);
    }

    private void write(Map<String, ? extends Collection<String>> idsByKey,
            java.util.function.Function<List<String>, org.bson.conversions.Bson> update, boolean upsert) {
        List<WriteModel<Document>> writes = new ArrayList<>();
        idsByKey.forEach((key, ids) -> {
            if (!ids.isEmpty()) {
                writes.add(new UpdateOneModel<>(Filters.eq("_id", key), update.apply(List.copyOf(ids)),
                        new UpdateOptions().upsert(upsert)));
            }
        });
        if (!writes.isEmpty()) {
            mongo.getCollection(collection).bulkWrite(writes);
        }
    }

    /** The ids under a key; empty when none (or the key was never indexed). */
    public Set<String> ids(String key) {
        return ids(List.of(key));
    }

    /** The ids under any of these keys, in one read by {@code _id}. */
    public Set<String> ids(Collection<String> keys) {
        Set<String> ids = new LinkedHashSet<>();
        if (keys.isEmpty()) {
            return ids;
        }
        for (Document document : mongo.getCollection(collection)
                .find(new Document("_id", new Document("$in", List.copyOf(keys))))) {
            ids.addAll(document.getList(IDS, String.class, List.of()));
        }
        return ids;
    }

    /** Whether a key was ever indexed (to tell an empty key from data kept before the index existed). */
    public boolean known(String key) {
        return mongo.getCollection(collection).find(Filters.eq("_id", key)).first() != null;
    }
}
