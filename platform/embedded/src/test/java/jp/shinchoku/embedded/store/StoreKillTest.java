package jp.shinchoku.embedded.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import com.mongodb.MongoClientSettings;
import com.mongodb.ConnectionString;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import jp.shinchoku.embedded.ChildJvm;
import jp.shinchoku.embedded.StoreServer;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The promise of a 201, at the store: the store runs in a process of its own, four writers insert, update and delete
 * through the driver, and the process is killed with {@code kill -9} at a random moment; started again on the same
 * folder, it must open, and hold every insert and update it acknowledged and none of the deletes it acknowledged.
 * Twenty rounds on one folder, with checkpoints small enough that kills also land in the middle of one.
 */
class StoreKillTest {

    private static final int ROUNDS = 20;
    private static final int WRITERS = 4;

    @TempDir
    Path dir;

    @Test
    void nothingAcknowledgedIsLostWhenTheStoreIsKilledAtRandomMoments() throws Exception {
        long seed = Long.getLong("kill.seed", System.nanoTime());
        Random random = new Random(seed);
        Path folder = dir.resolve("store");
        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        Set<String> deleted = ConcurrentHashMap.newKeySet();
        Set<String> deleting = ConcurrentHashMap.newKeySet();
        Map<String, Integer> increments = new ConcurrentHashMap<>();
        Map<String, Integer> attempted = new ConcurrentHashMap<>();
        System.out.printf("StoreKillTest: seed %d (-Dkill.seed=%d repeats it)%n", seed, seed);
        System.out.println("round | killed after writes | acknowledged (all rounds) | found | lost | deleted found again");
        for (int round = 0; round < ROUNDS; round++) {
            int killAfter = 20 + random.nextInt(600);
            int before = acknowledged.size();
            ChildJvm store = start(folder);
            AtomicBoolean stop = new AtomicBoolean();
            List<Thread> writers = new ArrayList<>();
            try (MongoClient client = client(store)) {
                MongoCollection<Document> reports = client.getDatabase("measurement").getCollection("measurements");
                MongoCollection<Document> counters = client.getDatabase("measurement").getCollection("progress");
                for (int w = 0; w < WRITERS; w++) {
                    String writer = "r" + round + "w" + w;
                    writers.add(Thread.ofPlatform().start(() -> write(writer, reports, counters, stop, acknowledged,
                            deleting, deleted, increments, attempted)));
                }
                // a random moment in the stream of writes
                await().atMost(Duration.ofSeconds(60)).until(() -> acknowledged.size() - before >= killAfter);
                store.kill();
                stop.set(true);
                for (Thread thread : writers) {
                    thread.join();
                }
            }
            ChildJvm restarted = start(folder);
            try (MongoClient client = client(restarted)) {
                Set<String> found = client.getDatabase("measurement").getCollection("measurements").find()
                        .map(d -> d.getString("_id")).into(new HashSet<>());
                Set<String> lost = new HashSet<>(acknowledged);
                lost.removeAll(deleting);
                lost.removeAll(found);
                Set<String> resurrected = new HashSet<>(deleted);
                resurrected.retainAll(found);
                for (Document counter : client.getDatabase("measurement").getCollection("progress").find()) {
                    String id = counter.getString("_id");
                    assertThat(counter.getInteger("n")).as("counter %s", id)
                            .isBetween(increments.getOrDefault(id, 0), attempted.getOrDefault(id, 0));
                }
                System.out.printf("%5d | %19d | %25d | %5d | %4d | %d%n", round, killAfter, acknowledged.size(),
                        found.size(), lost.size(), resurrected.size());
                assertThat(lost).as("acknowledged and lost in round %d (seed %d)", round, seed).isEmpty();
                assertThat(resurrected).as("deleted, acknowledged and back in round %d (seed %d)", round, seed).isEmpty();
            } finally {
                restarted.stop();
            }
        }
        assertThat(acknowledged).hasSizeGreaterThan(ROUNDS * 10);
    }

    /** Inserts, and every fifth time increments a counter and deletes an earlier insert, until the store is gone. */
    private static void write(String writer, MongoCollection<Document> reports, MongoCollection<Document> counters,
            AtomicBoolean stop, Set<String> acknowledged, Set<String> deleting, Set<String> deleted,
            Map<String, Integer> increments,
            Map<String, Integer> attempted) {
        try {
            for (int i = 0; !stop.get(); i++) {
                String id = writer + "-" + i;
                reports.insertOne(new Document("_id", id).append("value", i).append("note", "報告 " + i));
                acknowledged.add(id);
                if (i % 5 == 4) {
                    attempted.merge(writer, 1, Integer::sum);
                    counters.updateOne(Filters.eq("_id", writer), Updates.inc("n", 1), new UpdateOptions().upsert(true));
                    increments.merge(writer, 1, Integer::sum);
                    String earlier = writer + "-" + (i - 2);
                    deleting.add(earlier);
                    reports.deleteOne(Filters.eq("_id", earlier));
                    deleted.add(earlier);
                }
            }
        } catch (RuntimeException storeGone) {
            // killed: what was not answered may or may not be there
        }
    }

    private static MongoClient client(ChildJvm store) {
        return MongoClients.create(MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString(store.readyValue("READY")))
                .applyToClusterSettings(c -> c.serverSelectionTimeout(2, TimeUnit.SECONDS))
                .applyToSocketSettings(s -> s.connectTimeout(2, TimeUnit.SECONDS).readTimeout(5, TimeUnit.SECONDS))
                .retryWrites(false).build());
    }

    private ChildJvm start(Path folder) {
        return ChildJvm.start(StoreServer.class.getName(), List.of("-Xmx256m"),
                List.of(folder.toString(), "0", String.valueOf(96 * 1024)), Map.of(), dir.resolve("store.log"), "READY ",
                Duration.ofSeconds(60));
    }
}
