package jp.shinchoku.embedded.store;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Queue;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.AbstractSynchronizedMongoCollection;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.DocumentWithPosition;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.bson.Document;

/**
 * A collection held in memory (as mongo-java-server's memory backend holds it) whose every change is handed to the
 * journal as the document's new image, inside the collection's lock, so the journal's order is the order of the
 * changes. Documents recovered from the disk are loaded without being journalled again.
 */
final class DurableCollection extends AbstractSynchronizedMongoCollection<Integer> {

    /** Documents a snapshot encodes under the lock at a time: writers wait at most that long. */
    private static final int SNAPSHOT_CHUNK = 512;

    private final DurableBackend store;
    private final List<Document> documents = new ArrayList<>();
    private final Queue<Integer> emptyPositions = new ArrayDeque<>();
    private int dataSize;

    DurableCollection(MongoDatabase database, String collectionName, CollectionOptions options,
            CursorRegistry cursorRegistry, DurableBackend store, List<Document> recovered) {
        super(database, collectionName, options, cursorRegistry);
        this.store = store;
        for (Document document : recovered) {
            documents.add(document);
            dataSize += Change.bytes(document).length;
        }
    }

    @Override
    protected synchronized void updateDataSize(int sizeDelta) {
        dataSize += sizeDelta;
    }

    @Override
    protected synchronized int getDataSize() {
        return dataSize;
    }

    @Override
    protected Integer addDocumentInternal(Document document) {
        Integer position = emptyPositions.poll();
        if (position == null) {
            position = documents.size();
            documents.add(document);
        } else {
            documents.set(position, document);
        }
        store.journal(new Change.Put(getFullName(), getIdField(), document));
        return position;
    }

    @Override
    protected void handleUpdate(Integer position, Document oldDocument, Document newDocument) {
        if (getIdField() == null) {
            store.journal(new Change.Delete(getFullName(), null, oldDocument));
        }
        store.journal(new Change.Put(getFullName(), getIdField(), newDocument));
    }

    @Override
    protected void removeDocument(Integer position) {
        Document document = documents.set(position, null);
        emptyPositions.add(position);
        String idField = getIdField();
        store.journal(idField != null
                ? new Change.Delete(getFullName(), document.get(idField), null)
                : new Change.Delete(getFullName(), null, document));
    }

    @Override
    public synchronized void drop() {
        super.drop();
        store.journal(new Change.Drop(getFullName()));
        store.forget(this);
    }

    @Override
    public synchronized void renameTo(MongoDatabase newDatabase, String newCollectionName) {
        String from = getFullName();
        super.renameTo(newDatabase, newCollectionName);
        store.journal(new Change.Rename(from, getFullName()));
    }

    /**
     * Hands every document's image to {@code sink}, a chunk at a time under the lock: a fuzzy snapshot, made exact
     * by the journal segment that started before it (every change made meanwhile is in it, as a whole image).
     */
    void snapshot(Consumer<Change.Put> sink) {
        int position = 0;
        while (true) {
            synchronized (this) {
                int end = Math.min(documents.size(), position + SNAPSHOT_CHUNK);
                if (position >= end) {
                    return;
                }
                String namespace = getFullName();
                for (int i = position; i < end; i++) {
                    Document document = documents.get(i);
                    if (document != null) {
                        sink.accept(new Change.Put(namespace, getIdField(), document));
                    }
                }
                position = end;
            }
        }
    }

    @Override
    protected QueryResult matchDocuments(Document query, Document orderBy, int numberToSkip, int limit, int batchSize,
            Document fieldSelector) {
        Stream<Document> all = isNaturalDescending(orderBy)
                ? IntStream.iterate(documents.size() - 1, i -> i >= 0, i -> i - 1).mapToObj(documents::get)
                : documents.stream();
        return matchDocumentsFromStream(all.filter(Objects::nonNull), query, orderBy, numberToSkip, limit, batchSize,
                fieldSelector);
    }

    @Override
    public synchronized int count() {
        return documents.size() - emptyPositions.size();
    }

    @Override
    public synchronized boolean isEmpty() {
        return count() == 0;
    }

    @Override
    protected Integer findDocumentPosition(Document document) {
        int position = documents.indexOf(document);
        return position < 0 ? null : position;
    }

    @Override
    protected Stream<DocumentWithPosition<Integer>> streamAllDocumentsWithPosition() {
        return IntStream.range(0, documents.size())
                .filter(position -> documents.get(position) != null)
                .mapToObj(position -> new DocumentWithPosition<>(documents.get(position), position));
    }

    @Override
    protected Document getDocument(Integer position) {
        return documents.get(position);
    }
}
