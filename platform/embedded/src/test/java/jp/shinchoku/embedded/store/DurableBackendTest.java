package jp.shinchoku.embedded.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Updates;
import jp.shinchoku.embedded.InProcessMongo;
import org.bson.Document;
import org.bson.types.Decimal128;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The durable store through the MongoDB driver, reopened on its folder: documents, updates, deletes, unique indexes,
 * dropped collections and expiring indexes as MongoDB keeps them; checkpoints, a torn journal tail and a backup taken
 * while writers write. (A kill of its process is {@code StoreKillTest}.)
 */
class DurableBackendTest {

    @TempDir
    Path dir;

    @Test
    void everyKindOfChangeIsThereAfterARestart() {
        Path folder = dir.resolve("store");
        Instant measuredAt = Instant.parse("2024-03-31T15:00:00Z");
        try (InProcessMongo store = InProcessMongo.startPersistent(folder, 0);
                MongoClient client = MongoClients.create(store.connectionString())) {
            MongoCollection<Document> kpis = client.getDatabase("plan").getCollection("kpis");
            kpis.createIndex(Indexes.ascending("code"), new IndexOptions().unique(true));
            kpis.insertOne(new Document("_id", "k1").append("code", "3-1").append("title", "電子申請の手続数")
                    .append("target", new Decimal128(new BigDecimal("120.5"))).append("at", Date.from(measuredAt)));
            kpis.insertOne(new Document("_id", "k2").append("code", "3-2").append("title", "消える"));
            kpis.insertOne(new Document("code", "3-3").append("title", "ObjectId の鍵"));
            kpis.updateOne(Filters.eq("_id", "k1"), Updates.combine(Updates.set("title", "オンライン手続数"),
                    Updates.inc("revision", 1)));
            kpis.deleteOne(Filters.eq("_id", "k2"));
            client.getDatabase("plan").getCollection("dropped").insertOne(new Document("_id", "gone"));
            client.getDatabase("plan").getCollection("dropped").drop();
            client.getDatabase("other").getCollection("dropped-with-its-database").insertOne(new Document("_id", 1));
            client.getDatabase("other").drop();
        }
        try (InProcessMongo store = InProcessMongo.startPersistent(folder, 0);
                MongoClient client = MongoClients.create(store.connectionString())) {
            MongoCollection<Document> kpis = client.getDatabase("plan").getCollection("kpis");
            Document k1 = kpis.find(Filters.eq("_id", "k1")).first();
            assertThat(k1).isNotNull();
            assertThat(k1.getString("title")).isEqualTo("オンライン手続数");
            assertThat(k1.getInteger("revision")).isEqualTo(1);
            assertThat(k1.get("target", Decimal128.class).bigDecimalValue()).isEqualByComparingTo("120.5");
            assertThat(k1.getDate("at").toInstant()).isEqualTo(measuredAt);
            assertThat(kpis.find(Filters.eq("_id", "k2")).first()).isNull();
            assertThat(kpis.countDocuments()).isEqualTo(2);
            assertThat(kpis.find(Filters.eq("code", "3-3")).first().get("_id")).isInstanceOf(org.bson.types.ObjectId.class);
            // the unique index is back, and enforced
            assertThatThrownBy(() -> kpis.insertOne(new Document("_id", "k9").append("code", "3-1")))
                    .isInstanceOfSatisfying(MongoWriteException.class,
                            e -> assertThat(e.getError().getCategory()).isEqualTo(ErrorCategory.DUPLICATE_KEY));
            assertThat(client.getDatabase("plan").listCollectionNames().into(new ArrayList<>())).containsExactly("kpis");
            assertThat(client.listDatabaseNames().into(new ArrayList<>())).doesNotContain("other");
        }
    }

    @Test
    void checkpointsKeepTheStateAndDeleteTheJournalBeforeThem() throws IOException {
        Path folder = dir.resolve("store");
        DurableBackend.Settings smallCheckpoints = DurableBackend.Settings.defaults().withCheckpointBytes(16 * 1024);
        try (InProcessMongo store = InProcessMongo.startPersistent(folder, 0, smallCheckpoints);
                MongoClient client = MongoClients.create(store.connectionString())) {
            MongoCollection<Document> values = client.getDatabase("m").getCollection("values");
            for (int i = 0; i < 2_000; i++) {
                values.insertOne(new Document("_id", i).append("value", i).append("note", "実績値の報告 " + i));
                if (i % 3 == 0) {
                    values.updateOne(Filters.eq("_id", i), Updates.set("value", -i));
                }
                if (i % 7 == 0) {
                    values.deleteOne(Filters.eq("_id", i));
                }
            }
            await().atMost(Duration.ofSeconds(20)).until(() -> !DataFolder.snapshots(folder).isEmpty());
        }
        assertThat(DataFolder.snapshots(folder)).hasSize(1);
        // only the segments from the snapshot on are left
        assertThat(DataFolder.segments(folder).firstKey()).isEqualTo(DataFolder.snapshots(folder).firstKey());
        try (InProcessMongo store = InProcessMongo.startPersistent(folder, 0, smallCheckpoints);
                MongoClient client = MongoClients.create(store.connectionString())) {
            MongoCollection<Document> values = client.getDatabase("m").getCollection("values");
            assertThat(values.countDocuments()).isEqualTo(2_000 - 2_000 / 7 - 1);
            for (int i = 0; i < 2_000; i++) {
                Document found = values.find(Filters.eq("_id", i)).first();
                if (i % 7 == 0) {
                    assertThat(found).as("deleted %d", i).isNull();
                } else {
                    assertThat(found.getInteger("value")).as("value of %d", i).isEqualTo(i % 3 == 0 ? -i : i);
                }
            }
        }
    }

    @Test
    void aRecordCutShortByACrashIsCutOffAndEverythingBeforeItKept() throws IOException {
        Path folder = dir.resolve("store");
        try (InProcessMongo store = InProcessMongo.startPersistent(folder, 0);
                MongoClient client = MongoClients.create(store.connectionString())) {
            client.getDatabase("m").getCollection("values").insertOne(new Document("_id", "kept"));
        }
        Path last = DataFolder.segments(folder).lastEntry().getValue();
        long whole = Files.size(last);
        // half a record: a length and a checksum, and fewer bytes than the length says
        Files.write(last, new byte[] {0, 0, 1, 0, 1, 2, 3, 4, 9, 9}, StandardOpenOption.APPEND);
        try (InProcessMongo store = InProcessMongo.startPersistent(folder, 0);
                MongoClient client = MongoClients.create(store.connectionString())) {
            assertThat(client.getDatabase("m").getCollection("values").find(Filters.eq("_id", "kept")).first()).isNotNull();
            client.getDatabase("m").getCollection("values").insertOne(new Document("_id", "after"));
        }
        assertThat(Files.size(last)).isEqualTo(whole);
        try (InProcessMongo store = InProcessMongo.startPersistent(folder, 0);
                MongoClient client = MongoClients.create(store.connectionString())) {
            assertThat(client.getDatabase("m").getCollection("values").countDocuments()).isEqualTo(2);
        }
    }

    @Test
    void aDamagedRecordInTheMiddleOfTheJournalStopsTheStoreFromOpening() throws IOException {
        Path folder = dir.resolve("store");
        try (InProcessMongo store = InProcessMongo.startPersistent(folder, 0);
                MongoClient client = MongoClients.create(store.connectionString())) {
            client.getDatabase("m").getCollection("values").insertOne(new Document("_id", "one"));
        }
        try (InProcessMongo store = InProcessMongo.startPersistent(folder, 0)) {
            // a second segment, so the first is no longer the last
        }
        Path first = DataFolder.segments(folder).firstEntry().getValue();
        byte[] bytes = Files.readAllBytes(first);
        bytes[bytes.length - 3] ^= 0x5a;
        Files.write(first, bytes);
        assertThatThrownBy(() -> InProcessMongo.startPersistent(folder, 0))
                .hasMessageContaining("is damaged").hasMessageContaining("restore the folder from a backup");
    }

    @Test
    void expiringIndexesDeleteTheDocumentsWhoseDateHasPassed() {
        Path folder = dir.resolve("store");
        DurableBackend.Settings everySecond = DurableBackend.Settings.defaults().withExpiryInterval(Duration.ofMillis(200));
        try (InProcessMongo store = InProcessMongo.startPersistent(folder, 0, everySecond);
                MongoClient client = MongoClients.create(store.connectionString())) {
            MongoCollection<Document> handled = client.getDatabase("m").getCollection("processed_events");
            handled.createIndex(Indexes.ascending("expireAt"), new IndexOptions().expireAfter(0L,
                    java.util.concurrent.TimeUnit.SECONDS));
            handled.insertOne(new Document("_id", "past").append("expireAt", Date.from(Instant.now().minusSeconds(5))));
            handled.insertOne(new Document("_id", "future").append("expireAt", Date.from(Instant.now().plusSeconds(3600))));
            handled.insertOne(new Document("_id", "not-a-date").append("expireAt", "2020-01-01"));
            handled.insertOne(new Document("_id", "no-field"));
            await().atMost(Duration.ofSeconds(10)).until(() -> handled.find(Filters.eq("_id", "past")).first() == null);
            assertThat(handled.find().map(d -> d.getString("_id")).into(new ArrayList<>()))
                    .containsExactlyInAnyOrder("future", "not-a-date", "no-field");
        }
        // the deletion was journalled like any other
        try (InProcessMongo store = InProcessMongo.startPersistent(folder, 0);
                MongoClient client = MongoClients.create(store.connectionString())) {
            assertThat(client.getDatabase("m").getCollection("processed_events").countDocuments()).isEqualTo(3);
        }
    }

    @Test
    void aBackupWhileWritersWriteOpensWithEverythingAcknowledgedBeforeIt() throws Exception {
        Path folder = dir.resolve("store");
        Path backup = dir.resolve("backup");
        Set<Integer> beforeBackup = new HashSet<>();
        AtomicInteger written = new AtomicInteger();
        AtomicBoolean stop = new AtomicBoolean();
        DurableBackend.Backup result;
        try (InProcessMongo store = InProcessMongo.startPersistent(folder, 0,
                DurableBackend.Settings.defaults().withCheckpointBytes(64 * 1024));
                MongoClient client = MongoClients.create(store.connectionString())) {
            MongoCollection<Document> values = client.getDatabase("m").getCollection("values");
            List<Thread> writers = new ArrayList<>();
            for (int t = 0; t < 3; t++) {
                int thread = t;
                writers.add(Thread.ofPlatform().start(() -> {
                    for (int i = 0; !stop.get(); i++) {
                        values.insertOne(new Document("_id", thread * 1_000_000 + i).append("v", i));
                        written.incrementAndGet();
                    }
                }));
            }
            await().until(() -> written.get() > 500);
            synchronized (beforeBackup) {
                values.find().map(d -> d.getInteger("_id")).into(beforeBackup);
            }
            // through the wire command, as the launcher's backup command sends it
            Document answer = client.getDatabase("admin").runCommand(new Document(DurableBackend.BACKUP_COMMAND, 1)
                    .append("to", backup.toString()));
            assertThat(answer.getDouble("ok")).isEqualTo(1.0);
            result = new DurableBackend.Backup(backup, ((Number) answer.get("documents")).longValue(),
                    ((Number) answer.get("bytes")).longValue());
            await().until(() -> written.get() > 1_500);
            stop.set(true);
            for (Thread writer : writers) {
                writer.join();
            }
            assertThatThrownBy(() -> client.getDatabase("admin").runCommand(new Document(DurableBackend.BACKUP_COMMAND, 1)
                    .append("to", backup.toString()))).hasMessageContaining("is not empty");
        }
        try (InProcessMongo restored = InProcessMongo.startPersistent(backup, 0);
                MongoClient client = MongoClients.create(restored.connectionString())) {
            Set<Integer> inBackup = client.getDatabase("m").getCollection("values").find().map(d -> d.getInteger("_id"))
                    .into(new HashSet<>());
            assertThat(inBackup).containsAll(beforeBackup);
            // the copy stands where the backup ended: the writers went on after it
            assertThat(inBackup.size()).isLessThan(written.get());
            assertThat(result.documents()).isGreaterThanOrEqualTo(beforeBackup.size());
        }
    }
}
