package jp.shinchoku.embedded.store;

import java.util.List;

import de.bwaldvogel.mongo.backend.AbstractSynchronizedMongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.memory.index.MemoryUniqueIndex;

/**
 * A database of the durable store: its collections are {@link DurableCollection}s, opened with what was recovered
 * for them; on opening, it finds its collections and indexes in its recovered {@code system.namespaces} and
 * {@code system.indexes}, as a file-backed backend would.
 */
final class DurableDatabase extends AbstractSynchronizedMongoDatabase<Integer> {

    private final DurableBackend store;

    DurableDatabase(String databaseName, CursorRegistry cursorRegistry, DurableBackend store) {
        super(databaseName, cursorRegistry);
        this.store = store;
        initializeNamespacesAndIndexes();
    }

    /** Adds an index as {@code createIndexes} would (used to import an earlier store). */
    void index(de.bwaldvogel.mongo.bson.Document description) {
        addIndex(description);
    }

    @Override
    protected DurableCollection openOrCreateCollection(String collectionName, CollectionOptions options) {
        return store.open(this, collectionName, options, cursorRegistry);
    }

    @Override
    protected Index<Integer> openOrCreateUniqueIndex(String collectionName, String indexName, List<IndexKey> keys,
            boolean sparse) {
        return new MemoryUniqueIndex(indexName, keys, sparse);
    }

    @Override
    protected long getStorageSize() {
        return 0;
    }

    @Override
    protected long getFileSize() {
        return 0;
    }
}
