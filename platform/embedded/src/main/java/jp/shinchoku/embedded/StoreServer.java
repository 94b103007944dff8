package jp.shinchoku.embedded;

import java.nio.file.Path;

import jp.shinchoku.embedded.store.DurableBackend;

/**
 * The durable MongoDB-wire store as a process of its own: {@code StoreServer <folder> [port] [checkpoint bytes]}.
 * Prints {@code READY <connection string>} once it listens; stops on SIGTERM. The fault tests kill it with
 * {@code kill -9} and start it again on the same folder.
 */
public final class StoreServer {

    private StoreServer() {
    }

    public static void main(String[] args) throws InterruptedException {
        if (args.length < 1) {
            System.err.println("usage: StoreServer <folder> [port] [checkpoint bytes]");
            System.exit(2);
        }
        int port = args.length > 1 ? Integer.parseInt(args[1]) : 0;
        DurableBackend.Settings settings = DurableBackend.Settings.defaults();
        if (args.length > 2) {
            settings = settings.withCheckpointBytes(Long.parseLong(args[2]));
        }
        InProcessMongo store = InProcessMongo.startPersistent(Path.of(args[0]), port, settings);
        ChildJvm.serveUntilStopped(store, store.connectionString());
    }
}
