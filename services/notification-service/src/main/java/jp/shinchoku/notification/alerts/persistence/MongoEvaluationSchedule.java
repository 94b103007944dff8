package jp.shinchoku.notification.alerts.persistence;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.WriteModel;
import jp.shinchoku.notification.alerts.EvaluationSchedule;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Repository;

/**
 * For each kind and day, {@value #SHARDS} documents ({@code _id} {@code kpi/2025-02-01/17}, by a hash of the id)
 * listing what to look at that day, so that no list grows long even on a day many share (the start of a fiscal year).
 * Every query names exactly {@code _id}: a day's lists are found by key in any store, however much is watched. The
 * measurement service keeps its progress schedule the same way (a copy of its small adapter, with kinds: services share
 * no code but the platform's).
 */
@Repository
class MongoEvaluationSchedule implements EvaluationSchedule {

    static final String COLLECTION = "evaluation_schedule";
    static final int SHARDS = 16;

    private final MongoTemplate mongo;

    MongoEvaluationSchedule(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public void plan(Kind kind, Map<String, LocalDate> next) {
        if (next.isEmpty()) {
            return;
        }
        Map<String, List<String>> byList = new TreeMap<>();
        next.forEach((id, day) -> byList.computeIfAbsent(list(kind, day, Math.floorMod(id.hashCode(), SHARDS)),
                d -> new ArrayList<>()).add(id));
        List<WriteModel<Document>> writes = new ArrayList<>();
        byList.forEach((list, ids) -> writes.add(new UpdateOneModel<>(new Document("_id", list),
                new Document("$addToSet", new Document("ids", new Document("$each", ids))),
                new UpdateOptions().upsert(true))));
        mongo.getCollection(COLLECTION).bulkWrite(writes);
    }

    @Override
    public Set<String> due(Kind kind, LocalDate from, LocalDate upTo) {
        Set<String> due = new LinkedHashSet<>();
        for (Document day : mongo.getCollection(COLLECTION).find(days(List.of(kind), from, upTo))) {
            due.addAll(day.getList("ids", String.class, List.of()));
        }
        return due;
    }

    @Override
    public void done(LocalDate from, LocalDate upTo) {
        mongo.getCollection(COLLECTION).deleteMany(days(List.of(Kind.values()), from, upTo));
    }

    private static Document days(List<Kind> kinds, LocalDate from, LocalDate upTo) {
        List<String> lists = new ArrayList<>();
        for (LocalDate day = from; !day.isAfter(upTo); day = day.plusDays(1)) {
            for (Kind kind : kinds) {
                for (int shard = 0; shard < SHARDS; shard++) {
                    lists.add(list(kind, day, shard));
                }
            }
        }
        return new Document("_id", new Document("$in", lists));
    }

    private static String list(Kind kind, LocalDate day, int shard) {
        return kind.name().toLowerCase(java.util.Locale.ROOT) + "/" + day + "/" + shard;
    }
}
