package jp.shinchoku.measurement.progress.persistence;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.WriteModel;
import jp.shinchoku.measurement.progress.ProgressSchedule;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Repository;

/**
 * For each day, {@value #SHARDS} documents ({@code _id} {@code 2025-02-01/17}, by a hash of the KPI id) listing the
 * KPIs to look at that day, so that no list grows long even on a day many KPIs share (the start of a fiscal year).
 * Every query names exactly {@code _id}: a day's lists are found by key in any store, however many KPIs there are.
 */
@Repository
class MongoProgressSchedule implements ProgressSchedule {

    static final String COLLECTION = "progress_schedule";
    static final int SHARDS = 64;

    private final MongoTemplate mongo;

    MongoProgressSchedule(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public void plan(Map<String, LocalDate> nextChange) {
        if (nextChange.isEmpty()) {
            return;
        }
        Map<String, List<String>> byList = new TreeMap<>();
        nextChange.forEach((kpi, day) -> byList.computeIfAbsent(list(day, Math.floorMod(kpi.hashCode(), SHARDS)),
                d -> new ArrayList<>()).add(kpi));
        List<WriteModel<Document>> writes = new ArrayList<>();
        byList.forEach((list, kpis) -> writes.add(new UpdateOneModel<>(new Document("_id", list),
                new Document("$addToSet", new Document("kpis", new Document("$each", kpis))),
                new UpdateOptions().upsert(true))));
        mongo.getCollection(COLLECTION).bulkWrite(writes);
    }

    @Override
    public Set<String> due(LocalDate after, LocalDate upTo) {
        Set<String> due = new HashSet<>();
        for (Document day : mongo.getCollection(COLLECTION).find(days(after, upTo))) {
            due.addAll(day.getList("kpis", String.class, List.of()));
        }
        return due;
    }

    @Override
    public void done(LocalDate after, LocalDate upTo) {
        mongo.getCollection(COLLECTION).deleteMany(days(after, upTo));
    }

    private static Document days(LocalDate after, LocalDate upTo) {
        List<String> lists = new ArrayList<>();
        for (LocalDate day = after.plusDays(1); !day.isAfter(upTo); day = day.plusDays(1)) {
            for (int shard = 0; shard < SHARDS; shard++) {
                lists.add(list(day, shard));
            }
        }
        return new Document("_id", new Document("$in", lists));
    }

    private static String list(LocalDate day, int shard) {
        return day + "/" + shard;
    }
}
