package jp.shinchoku.launcher;

import java.nio.file.Path;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import jp.shinchoku.embedded.store.DurableBackend;
import org.bson.Document;

/**
 * Backs up the running system's store, and restores a backup into a new data folder.
 * <ul>
 * <li>{@code backup <folder> [mongodb://127.0.0.1:27017]}: while the system runs, writes a consistent copy of its
 * store (plans, reports, progress, alerts, the outbox of what is still to be sent) into a new or empty folder.</li>
 * <li>{@code restore <backup folder> <data folder>}: with the system stopped, makes {@code <data folder>/store} the
 * backup's store (the data folder must hold no store yet); start the system on that data folder afterwards. The broker's
 * topics are not part of a backup: what the services had still to send is in their outboxes and is sent again.</li>
 * </ul>
 * {@code ./mvnw -q -pl deploy/launcher -am spring-boot:run -Dlauncher.main=jp.shinchoku.launcher.StoreBackup
 * -Dspring-boot.run.arguments="backup /var/backups/shinchoku/2026-12-07"}
 */
public final class StoreBackup {

    private StoreBackup() {
    }

    public static void main(String[] args) {
        if (args.length >= 2 && args[0].equals("backup")) {
            String uri = args.length > 2 ? args[2] : "mongodb://127.0.0.1:" + LocalPorts.defaults().mongo();
            Document written = backup(uri, Path.of(args[1]));
            System.out.printf("バックアップしました / Backed up: %s documents, %s bytes in %s%n", written.get("documents"),
                    written.get("bytes"), written.get("folder"));
        } else if (args.length == 3 && args[0].equals("restore")) {
            long documents = restore(Path.of(args[1]), Path.of(args[2]));
            System.out.printf("復元しました / Restored: %d documents into %s%n", documents, store(Path.of(args[2])));
        } else {
            System.err.println("使い方 / usage: StoreBackup backup <folder> [mongodb://127.0.0.1:27017]"
                    + " | StoreBackup restore <backup folder> <data folder>");
            System.exit(2);
        }
    }

    /** Asks the running store at {@code uri} to write a backup into {@code folder}. */
    public static Document backup(String uri, Path folder) {
        try (MongoClient client = MongoClients.create(uri)) {
            return client.getDatabase("admin").runCommand(new Document(DurableBackend.BACKUP_COMMAND, 1)
                    .append("to", folder.toAbsolutePath().toString()));
        }
    }

    /** Restores {@code backup} as the store of the data folder {@code dataDir}; returns the documents it holds. */
    public static long restore(Path backup, Path dataDir) {
        return DurableBackend.restore(backup, store(dataDir));
    }

    /** Where a data folder keeps its store (as {@link LocalLauncher} lays it out). */
    static Path store(Path dataDir) {
        return dataDir.resolve("store");
    }
}
