package jp.shinchoku.embedded.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.AbstractMongoBackend;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.exception.MongoServerException;
import de.bwaldvogel.mongo.wire.message.MongoQuery;
import io.netty.channel.Channel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A MongoDB-wire backend that keeps every document in memory and every change in a journal on the disk, forced
 * before the command that made it is answered: what it acknowledges survives {@code kill -9} of its process and, where
 * the disk honours {@code fsync}, a power cut. Writers waiting together share one {@code fsync} (group commit).
 * <p>
 * When the journal has grown past its size at the last checkpoint (at least {@link Settings#checkpointBytes()}), a
 * checkpoint writes a snapshot of every document and deletes the journal before it, so that a restart reads one
 * snapshot and a short journal. Expiring indexes ({@code expireAfterSeconds}) are honoured by a sweep at
 * {@link Settings#expiryInterval()}, as MongoDB's TTL monitor does. A backup ({@link #backup(Path)}, or the command
 * {@value #BACKUP_COMMAND} on the wire) writes a consistent copy of the folder while the store runs.
 */
public final class DurableBackend extends AbstractMongoBackend implements AutoCloseable {

    /** The wire command that writes a backup: {@code {shinchokuBackup: 1, to: "/path/to/empty/folder"}} on admin. */
    public static final String BACKUP_COMMAND = "shinchokuBackup";

    private static final Logger log = LoggerFactory.getLogger(DurableBackend.class);

    /** How the store keeps its files. */
    public record Settings(boolean force, long checkpointBytes, Duration expiryInterval) {
        /** Forced writes, a checkpoint once the journal passes 64 MB (or the last snapshot's size), expiry each minute. */
        public static Settings defaults() {
            return new Settings(true, 64L * 1024 * 1024, Duration.ofMinutes(1));
        }

        public Settings withCheckpointBytes(long bytes) {
            return new Settings(force, bytes, expiryInterval);
        }

        public Settings withExpiryInterval(Duration interval) {
            return new Settings(force, checkpointBytes, interval);
        }
    }

    private final Path directory;
    private final Settings settings;
    private final FileChannel lockFile;
    private final Journal journal;
    private final Map<String, DataFolder.Image> recovered;
    private final Set<DurableCollection> collections = ConcurrentHashMap.newKeySet();
    private final Map<String, DurableDatabase> databases = new ConcurrentHashMap<>();
    /** One checkpoint or backup at a time. */
    private final ReentrantLock checkpointLock = new ReentrantLock();
    private final AtomicBoolean checkpointPending = new AtomicBoolean();
    private final ScheduledExecutorService background;
    private volatile long lastSnapshotBytes;

    private DurableBackend(Path directory, Settings settings, Clock clock) {
        super(clock);
        this.directory = directory;
        this.settings = settings;
        this.lockFile = lock(directory);
        long started = System.nanoTime();
        DataFolder.Recovered state = DataFolder.recover(directory);
        this.recovered = new HashMap<>(state.collections());
        this.journal = new Journal(directory, state.nextSegment(), settings.force());
        var snapshots = DataFolder.snapshots(directory);
        this.lastSnapshotBytes = snapshots.isEmpty() ? 0 : size(snapshots.lastEntry().getValue());
        recovered.keySet().stream().map(namespace -> namespace.substring(0, namespace.indexOf('.'))).distinct().toList()
                .forEach(this::resolveDatabase);
        recovered.keySet().forEach(orphan -> log.warn("Recovered documents of {}, which no collection names", orphan));
        log.info("MongoDB-wire store: {} documents recovered from {} in {} ms", state.documents(), directory,
                (System.nanoTime() - started) / 1_000_000);
        this.background = Executors.newSingleThreadScheduledExecutor(runnable -> Thread.ofPlatform()
                .name("durable-store").daemon().unstarted(runnable));
        long expiry = settings.expiryInterval().toMillis();
        background.scheduleWithFixedDelay(this::expire, expiry, expiry, TimeUnit.MILLISECONDS);
    }

    /** Opens (recovering) or creates the store kept in {@code directory}. */
    public static DurableBackend open(Path directory, Settings settings) {
        return open(directory, settings, Clock.systemUTC());
    }

    static DurableBackend open(Path directory, Settings settings, Clock clock) {
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new DurableBackend(directory.toAbsolutePath(), settings, clock);
    }

    private static FileChannel lock(Path directory) {
        try {
            FileChannel channel = FileChannel.open(directory.resolve(".lock"), StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE);
            FileLock lock = channel.tryLock();
            if (lock == null) {
                channel.close();
                throw new IllegalStateException("Another process keeps its store in " + directory);
            }
            return channel;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    protected MongoDatabase openOrCreateDatabase(String databaseName) {
        DurableDatabase database = new DurableDatabase(databaseName, getCursorRegistry(), this);
        databases.put(databaseName, database);
        return database;
    }

    DurableCollection open(MongoDatabase database, String collectionName, CollectionOptions options,
            CursorRegistry cursorRegistry) {
        DataFolder.Image image = recovered.remove(database.getDatabaseName() + "." + collectionName);
        DurableCollection collection = new DurableCollection(database, collectionName, options, cursorRegistry, this,
                image == null ? List.of() : new ArrayList<>(image.documents.values()));
        collections.add(collection);
        return collection;
    }

    void forget(DurableCollection collection) {
        collections.remove(collection);
    }

    void journal(Change change) {
        journal.append(change.encode());
    }

    @Override
    public Document handleCommand(Channel channel, String databaseName, String command, Document query) {
        if (command.equalsIgnoreCase(BACKUP_COMMAND)) {
            Object to = query.get("to");
            if (!(to instanceof String folder)) {
                throw new MongoServerException(BACKUP_COMMAND + " needs 'to': the folder to write the backup to");
            }
            return backup(Path.of(folder)).toDocument();
        }
        if (journal.failed()) {
            throw new MongoServerException("The store cannot keep changes on its disk: restart it once the disk is mended");
        }
        Document answer = super.handleCommand(channel, databaseName, command, query);
        durable();
        return answer;
    }

    @Override
    public QueryResult handleQuery(MongoQuery query) {
        QueryResult result = super.handleQuery(query);
        durable();
        return result;
    }

    @Override
    public void dropDatabase(String databaseName) {
        super.dropDatabase(databaseName);
        databases.remove(databaseName);
    }

    /**
     * Waits until every change made so far, this command's and what it may have read of others', is on the disk: no
     * answer tells of a change that a crash could take back.
     */
    private void durable() {
        try {
            journal.awaitDurable(journal.appended());
        } catch (Journal.JournalFailedException e) {
            log.error("The store's journal failed: no change is acknowledged from now on", e);
            throw new MongoServerException("The store could not keep the change on its disk: " + e.getMessage());
        }
        if (journal.segmentBytes() > Math.max(settings.checkpointBytes(), lastSnapshotBytes)
                && checkpointPending.compareAndSet(false, true)) {
            background.execute(this::checkpoint);
        }
    }

    /**
     * Starts a journal segment, writes a snapshot of every document as of then (made exact by that segment) and
     * deletes the older snapshot and segments.
     */
    void checkpoint() {
        checkpointLock.lock();
        try {
            long started = System.nanoTime();
            long segment = journal.rotate();
            Path file = DataFolder.snapshotFile(directory, segment);
            long documents = DataFolder.writeSnapshot(file, this::snapshot);
            lastSnapshotBytes = size(file);
            DataFolder.snapshots(directory).headMap(segment, false).values().forEach(DataFolder::delete);
            DataFolder.segments(directory).headMap(segment, false).values().forEach(DataFolder::delete);
            DataFolder.syncDirectory(directory);
            log.info("Store checkpoint {}: {} documents ({} bytes) in {} ms", segment, documents, lastSnapshotBytes,
                    (System.nanoTime() - started) / 1_000_000);
        } catch (RuntimeException e) {
            log.error("Store checkpoint failed (the journal still holds everything; tried again later)", e);
        } finally {
            checkpointPending.set(false);
            checkpointLock.unlock();
        }
    }

    private void snapshot(java.util.function.Consumer<Change.Put> sink) {
        for (DurableCollection collection : List.copyOf(collections)) {
            collection.snapshot(sink);
        }
    }

    /** What a backup wrote. */
    public record Backup(Path folder, long documents, long bytes) {
        Document toDocument() {
            return new Document("ok", 1.0).append("folder", folder.toString()).append("documents", documents)
                    .append("bytes", bytes);
        }
    }

    /**
     * Writes a consistent copy of the store into {@code target} (a new or empty folder) while it runs: a snapshot
     * made exact by the journal segment written meanwhile, which is closed and copied beside it. The copy opens as
     * the store stood when the backup ended.
     */
    public Backup backup(Path target) {
        try {
            Files.createDirectories(target);
            try (var existing = Files.list(target)) {
                if (existing.findAny().isPresent()) {
                    throw new MongoServerException("The backup folder " + target + " is not empty");
                }
            }
        } catch (IOException e) {
            throw new MongoServerException("Cannot write the backup to " + target + ": " + e.getMessage());
        }
        checkpointLock.lock();
        try {
            long segment = journal.rotate();
            long documents = DataFolder.writeSnapshot(DataFolder.snapshotFile(target, segment), this::snapshot);
            journal.rotate();
            DataFolder.copy(List.of(Journal.segmentFile(directory, segment)), target);
            long bytes = size(DataFolder.snapshotFile(target, segment)) + size(Journal.segmentFile(target, segment));
            log.info("Store backup written to {}: {} documents, {} bytes", target, documents, bytes);
            return new Backup(target, documents, bytes);
        } finally {
            checkpointLock.unlock();
        }
    }

    /**
     * Makes {@code directory} (new, or holding no store) the store that {@code backup} holds: its files are copied and
     * forced, then opened once to check they read whole. Returns how many documents it holds.
     */
    public static long restore(Path backup, Path directory) {
        if (!DataFolder.holdsData(backup)) {
            throw new IllegalArgumentException(backup + " holds no backup of a store");
        }
        if (DataFolder.holdsData(directory)) {
            throw new IllegalArgumentException(directory + " already holds a store: restore into a new folder");
        }
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Path> files = new ArrayList<>(DataFolder.snapshots(backup).values());
        files.addAll(DataFolder.segments(backup).values());
        DataFolder.copy(files, directory);
        try (DurableBackend restored = open(directory, Settings.defaults())) {
            return restored.documents();
        }
    }

    /** Documents in every collection (system collections too). */
    long documents() {
        return collections.stream().mapToLong(DurableCollection::count).sum();
    }

    /** Deletes the documents whose expiring index's date has passed, as MongoDB's TTL monitor does. */
    void expire() {
        try {
            Instant now = getClock().instant();
            for (DurableDatabase database : List.copyOf(databases.values())) {
                MongoCollection<?> indexes = database.resolveCollection("system.indexes", false);
                if (indexes == null) {
                    continue;
                }
                for (Document index : indexes.queryAll()) {
                    Object seconds = index.get("expireAfterSeconds");
                    Document key = (Document) index.get("key");
                    if (!(seconds instanceof Number after) || key == null || key.size() != 1) {
                        continue;
                    }
                    String namespace = (String) index.get("ns");
                    MongoCollection<?> collection = database.resolveCollection(
                            namespace.substring(namespace.indexOf('.') + 1), false);
                    if (collection == null) {
                        continue;
                    }
                    String field = key.keySet().iterator().next();
                    Instant cutoff = now.minusSeconds(after.longValue());
                    int deleted = collection.deleteDocuments(new Document(field,
                            new Document("$type", "date").append("$lt", cutoff)), 0);
                    if (deleted > 0) {
                        log.debug("Expired {} documents of {}", deleted, namespace);
                    }
                }
            }
            journal.awaitDurable(journal.appended());
        } catch (RuntimeException e) {
            log.warn("Store expiry failed (tried again at the next interval)", e);
        }
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        background.shutdown();
        try {
            background.awaitTermination(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        super.close();
        journal.close();
        try {
            lockFile.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
