package jp.shinchoku.embedded.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Set;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings a data folder written by earlier versions (the H2 MVStore file {@code mongo/shinchoku.mv}) into the durable
 * store once: every database, collection, index and document, then the old file is renamed
 * ({@code .imported}) so it is neither read again nor lost.
 */
public final class LegacyImport {

    private static final Logger log = LoggerFactory.getLogger(LegacyImport.class);

    private LegacyImport() {
    }

    /** Imports {@code h2File} into the store in {@code directory} if the file exists and the store holds nothing yet. */
    public static void ifNeeded(Path h2File, Path directory) {
        if (!Files.isRegularFile(h2File) || DataFolder.holdsData(directory)) {
            return;
        }
        log.info("Importing the earlier store file {} into {}", h2File, directory);
        // into a folder of its own, renamed when whole: an import cut short is started again, never half kept
        Path staging = directory.resolveSibling(directory.getFileName() + ".importing");
        deleteFolder(staging);
        long documents = 0;
        try (DurableBackend target = DurableBackend.open(staging, DurableBackend.Settings.defaults());
                Source source = new Source(h2File)) {
            for (String databaseName : source.databaseNames()) {
                MongoDatabase from = source.resolveDatabase(databaseName);
                DurableDatabase to = (DurableDatabase) target.resolveDatabase(databaseName);
                MongoCollection<?> namespaces = from.resolveCollection("system.namespaces", false);
                MongoCollection<?> indexes = from.resolveCollection("system.indexes", false);
                for (Document namespace : namespaces == null ? List.<Document>of() : namespaces.queryAll()) {
                    String name = namespace.get("name").toString();
                    String collectionName = name.substring(databaseName.length() + 1);
                    if (collectionName.startsWith("system.")) {
                        continue;
                    }
                    MongoCollection<?> collection = to.createCollectionOrThrowIfExists(collectionName);
                    for (Document index : indexes == null ? List.<Document>of()
                            : indexes.handleQuery(new Document("ns", name))) {
                        to.index(index);
                    }
                    for (Document document : from.resolveCollection(collectionName, true).queryAll()) {
                        collection.addDocument(document);
                        documents++;
                    }
                }
            }
            target.checkpoint();
        }
        try {
            deleteFolder(directory);
            Files.move(staging, directory, StandardCopyOption.ATOMIC_MOVE);
            DataFolder.syncDirectory(directory.getParent());
            Files.move(h2File, h2File.resolveSibling(h2File.getFileName() + ".imported"), StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        log.info("Imported {} documents from {}", documents, h2File);
    }

    /** Deletes a folder that holds no store data (an empty store's lock file, an import cut short). */
    private static void deleteFolder(Path folder) {
        if (!Files.exists(folder)) {
            return;
        }
        try (var files = Files.walk(folder)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(DataFolder::delete);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static final class Source extends H2Backend implements AutoCloseable {
        Source(Path file) {
            super(file.toString());
        }

        Set<String> databaseNames() {
            return Set.copyOf(listDatabaseNames());
        }
    }
}
