package jp.shinchoku.embedded;

import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.io.IOException;
import java.io.UncheckedIOException;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A server speaking the MongoDB wire protocol inside this JVM, on loopback (mongo-java-server). It stands in
 * for MongoDB where no {@code mongod} can run: in the local launcher and the local test run. Production and
 * the compose stack use real MongoDB; nothing in the services may depend on what only this store allows.
 */
public final class InProcessMongo implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(InProcessMongo.class);

    private final MongoServer server;
    private final String connectionString;

    private InProcessMongo(MongoServer server, InetSocketAddress address) {
        this.server = server;
        this.connectionString = "mongodb://127.0.0.1:" + address.getPort();
    }

    /** An in-memory store on a free port, gone when it stops. */
    public static InProcessMongo startInMemory() {
        return start(new MemoryBackend(), 0);
    }

    /**
     * A store that keeps its data in {@code file} (an H2 MVStore) across restarts. Writes reach the file on
     * shutdown and at the store's periodic commit, so stop it cleanly.
     */
    public static InProcessMongo startPersistent(Path file, int port) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        log.info("MongoDB-wire store keeping its data in {}", file);
        return start(new H2Backend(file.toAbsolutePath().toString()), port);
    }

    private static InProcessMongo start(MongoBackend backend, int port) {
        MongoServer server = new MongoServer(backend);
        server.bind(new InetSocketAddress("127.0.0.1", port));
        InProcessMongo mongo = new InProcessMongo(server, server.getLocalAddress());
        log.info("MongoDB-wire store listening on {}", mongo.connectionString);
        return mongo;
    }

    /** {@code mongodb://127.0.0.1:port}, without a database: each service names its own. */
    public String connectionString() {
        return connectionString;
    }

    @Override
    public void close() {
        server.shutdown();
    }
}
