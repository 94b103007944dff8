package jp.shinchoku.embedded;

import java.net.InetSocketAddress;
import java.nio.file.Path;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import jp.shinchoku.embedded.store.DurableBackend;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A server speaking the MongoDB wire protocol inside this JVM, on loopback (mongo-java-server). It stands in
 * for MongoDB where no {@code mongod} can run: in the local launcher and the local test run. Production and
 * the compose stack use real MongoDB; nothing in the services may depend on what only this store allows.
 */
public final class InProcessMongo implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(InProcessMongo.class);
    /** Threads answering clients: a durable store's writers wait for the disk on them, so there are many. */
    private static final int WORKER_THREADS = 32;

    private final MongoServer server;
    private final MongoBackend backend;
    private final String connectionString;

    private InProcessMongo(MongoServer server, MongoBackend backend, InetSocketAddress address) {
        this.server = server;
        this.backend = backend;
        this.connectionString = "mongodb://127.0.0.1:" + address.getPort();
    }

    /** An in-memory store on a free port, gone when it stops. */
    public static InProcessMongo startInMemory() {
        MemoryBackend backend = new MemoryBackend();
        MongoServer server = new MongoServer(backend);
        // nothing waits for a disk here: Netty's usual threads
        server.bind(new InetSocketAddress("127.0.0.1", 0));
        return started(server, backend);
    }

    /**
     * A store that keeps its data in {@code directory} ({@link DurableBackend}): every write it acknowledges is on the
     * disk first, so it survives {@code kill -9} of this process.
     */
    public static InProcessMongo startPersistent(Path directory, int port) {
        return startPersistent(directory, port, DurableBackend.Settings.defaults());
    }

    public static InProcessMongo startPersistent(Path directory, int port, DurableBackend.Settings settings) {
        log.info("MongoDB-wire store keeping its data in {}", directory);
        return start(DurableBackend.open(directory, settings), port);
    }

    private static InProcessMongo start(MongoBackend backend, int port) {
        MongoServer server = new MongoServer(backend);
        server.bind(new InetSocketAddress("127.0.0.1", port), 1, WORKER_THREADS);
        return started(server, backend);
    }

    private static InProcessMongo started(MongoServer server, MongoBackend backend) {
        InProcessMongo mongo = new InProcessMongo(server, backend, server.getLocalAddress());
        log.info("MongoDB-wire store listening on {}", mongo.connectionString);
        return mongo;
    }

    /** {@code mongodb://127.0.0.1:port}, without a database: each service names its own. */
    public String connectionString() {
        return connectionString;
    }

    /** Writes a consistent copy of a persistent store into an empty folder while it runs. */
    public DurableBackend.Backup backup(Path target) {
        if (!(backend instanceof DurableBackend durable)) {
            throw new IllegalStateException("An in-memory store has nothing to back up");
        }
        return durable.backup(target);
    }

    @Override
    public void close() {
        server.shutdown();
    }
}
