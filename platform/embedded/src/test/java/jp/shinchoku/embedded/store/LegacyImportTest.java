package jp.shinchoku.embedded.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;

import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import jp.shinchoku.embedded.InProcessMongo;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A data folder of an earlier version (an H2 MVStore file) opens in the durable store with all it held. */
class LegacyImportTest {

    @TempDir
    Path dir;

    @Test
    void anEarlierStoreFileIsImportedOnceWithItsDocumentsAndIndexes() {
        Path h2File = dir.resolve("mongo/shinchoku.mv");
        Path store = dir.resolve("store");
        MongoServer earlier = new MongoServer(new H2Backend(dirs(h2File).toString()));
        earlier.bind(new InetSocketAddress("127.0.0.1", 0));
        try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + earlier.getLocalAddress().getPort())) {
            var plans = client.getDatabase("shinchoku-plan").getCollection("plans");
            plans.createIndex(Indexes.ascending("key"), new IndexOptions().unique(true));
            plans.insertOne(new Document("_id", "pln-1").append("key", "setouchi").append("title", "瀬戸内町計画"));
            client.getDatabase("shinchoku-measurement").getCollection("measurements")
                    .insertOne(new Document("_id", "msr-1").append("value", 8));
        } finally {
            earlier.shutdown();
        }

        LegacyImport.ifNeeded(h2File, store);

        assertThat(h2File).doesNotExist();
        assertThat(h2File.resolveSibling("shinchoku.mv.imported")).exists();
        try (InProcessMongo mongo = InProcessMongo.startPersistent(store, 0);
                MongoClient client = MongoClients.create(mongo.connectionString())) {
            var plans = client.getDatabase("shinchoku-plan").getCollection("plans");
            assertThat(plans.find(Filters.eq("_id", "pln-1")).first().getString("title")).isEqualTo("瀬戸内町計画");
            assertThatThrownBy(() -> plans.insertOne(new Document("_id", "pln-2").append("key", "setouchi")))
                    .isInstanceOf(MongoWriteException.class);
            assertThat(client.getDatabase("shinchoku-measurement").getCollection("measurements").countDocuments())
                    .isEqualTo(1);
        }
        // once only: the store now holds data
        LegacyImport.ifNeeded(h2File.resolveSibling("shinchoku.mv.imported"), store);
        assertThat(h2File.resolveSibling("shinchoku.mv.imported")).exists();
    }

    private static Path dirs(Path file) {
        try {
            Files.createDirectories(file.getParent());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return file;
    }
}
