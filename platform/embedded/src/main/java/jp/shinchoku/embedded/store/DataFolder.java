package jp.shinchoku.embedded.store;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.CRC32C;

import de.bwaldvogel.mongo.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The store's folder: snapshots ({@code snapshot-N.bson}, every document's image when segment N began) and journal
 * segments ({@code journal-N.log}); the state is the newest complete snapshot with the segments from its number on
 * applied over it. Snapshots are written to a temporary file, forced and renamed, so a snapshot file is always whole;
 * a journal's last segment may end in a record cut short by a crash, which is cut off (it was never acknowledged).
 */
final class DataFolder {

    private static final Logger log = LoggerFactory.getLogger(DataFolder.class);
    private static final Pattern FILE = Pattern.compile("(journal|snapshot)-(\\d+)\\.(log|bson)");
    /** A record larger than this is not a record but a torn or damaged header. */
    private static final int MAX_RECORD = 64 * 1024 * 1024;

    private DataFolder() {
    }

    static Path snapshotFile(Path directory, long number) {
        return directory.resolve("snapshot-%06d.bson".formatted(number));
    }

    /** The journal segments in the folder, by number. */
    static TreeMap<Long, Path> segments(Path directory) {
        return files(directory, "journal");
    }

    static TreeMap<Long, Path> snapshots(Path directory) {
        return files(directory, "snapshot");
    }

    private static TreeMap<Long, Path> files(Path directory, String kind) {
        TreeMap<Long, Path> files = new TreeMap<>();
        try (Stream<Path> list = Files.list(directory)) {
            list.forEach(file -> {
                Matcher name = FILE.matcher(file.getFileName().toString());
                if (name.matches() && name.group(1).equals(kind)) {
                    files.put(Long.parseLong(name.group(2)), file);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files;
    }

    static boolean holdsData(Path directory) {
        return Files.isDirectory(directory) && (!segments(directory).isEmpty() || !snapshots(directory).isEmpty());
    }

    /** What the folder holds, with the number the next journal segment takes. */
    record Recovered(Map<String, Image> collections, long nextSegment, long documents) {
    }

    /** One collection's documents by key, in the order they were first written. */
    static final class Image {
        final Map<ByteBuffer, Document> documents = new LinkedHashMap<>();
    }

    /**
     * Reads the newest snapshot and the journal after it, cutting off a torn last record of the last segment, and
     * deletes the files that are older than the snapshot.
     */
    static Recovered recover(Path directory) {
        TreeMap<Long, Path> snapshots = snapshots(directory);
        TreeMap<Long, Path> segments = segments(directory);
        Map<String, Image> state = new LinkedHashMap<>();
        long from = snapshots.isEmpty() ? 0 : snapshots.lastKey();
        if (!snapshots.isEmpty()) {
            read(snapshots.lastEntry().getValue(), false, change -> apply(state, change));
        }
        var replayed = segments.tailMap(from, true);
        for (var segment : replayed.entrySet()) {
            boolean last = segment.getKey().equals(segments.lastKey());
            read(segment.getValue(), last, change -> apply(state, change));
        }
        for (var old : snapshots.headMap(from, false).values()) {
            delete(old);
        }
        for (var old : segments.headMap(from, false).values()) {
            delete(old);
        }
        long next = Math.max(from, segments.isEmpty() ? 0 : segments.lastKey()) + 1;
        long documents = state.values().stream().mapToLong(image -> image.documents.size()).sum();
        return new Recovered(state, next, documents);
    }

    static void apply(Map<String, Image> state, Change change) {
        switch (change) {
            case Change.Put put -> state.computeIfAbsent(put.namespace(), n -> new Image()).documents
                    .put(key(put.idField() == null ? put.document() : put.document().get(put.idField()),
                            put.idField() == null), put.document());
            case Change.Delete delete -> {
                Image image = state.get(delete.namespace());
                if (image != null) {
                    image.documents.remove(delete.id() != null ? key(delete.id(), false) : key(delete.document(), true));
                }
            }
            case Change.Drop drop -> state.remove(drop.namespace());
            case Change.Rename rename -> {
                Image moved = state.remove(rename.namespace());
                if (moved != null) {
                    // merged, not replaced: a fuzzy snapshot may already hold some of the documents under the new name
                    state.computeIfAbsent(rename.to(), n -> new Image()).documents.putAll(moved.documents);
                }
            }
        }
    }

    /** A key compared by its BSON bytes, so that every type of {@code _id} keys by its value. */
    private static ByteBuffer key(Object value, boolean wholeDocument) {
        return ByteBuffer.wrap(wholeDocument ? Change.bytes((Document) value) : Change.bytes(Map.of("k", value)));
    }

    /** Applies every whole record of {@code file}; a damaged record ends a last segment and fails anything else. */
    static long read(Path file, boolean lastSegment, Consumer<Change> sink) {
        long offset = 0;
        long records = 0;
        try (InputStream stream = Files.newInputStream(file);
                DataInputStream in = new DataInputStream(new BufferedInputStream(stream, 1 << 16))) {
            while (true) {
                int first = in.read();
                if (first < 0) {
                    return records;
                }
                int length = (first << 24) | (in.readUnsignedByte() << 16) | (in.readUnsignedByte() << 8)
                        | in.readUnsignedByte();
                int crc = in.readInt();
                if (length < 0 || length > MAX_RECORD) {
                    throw new DamagedRecord("a record of " + length + " bytes");
                }
                byte[] payload = new byte[length];
                in.readFully(payload);
                CRC32C check = new CRC32C();
                check.update(payload);
                if ((int) check.getValue() != crc) {
                    throw new DamagedRecord("a record whose checksum does not match");
                }
                sink.accept(Change.decode(payload));
                offset += Journal.HEADER + length;
                records++;
            }
        } catch (DamagedRecord | EOFException e) {
            if (!lastSegment) {
                throw new IllegalStateException("The store's file " + file + " is damaged at byte " + offset + " ("
                        + e.getMessage() + "); restore the folder from a backup", e);
            }
            log.warn("The journal {} ends in a record cut short at byte {} (a crash while it was written, never "
                    + "acknowledged): cut off", file, offset);
            truncate(file, offset);
            return records;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void truncate(Path file, long size) {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.truncate(size);
            channel.force(true);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes a snapshot through {@code writer} to a temporary file, forces it and gives it its name. */
    static long writeSnapshot(Path target, Consumer<Consumer<Change.Put>> writer) {
        Path temporary = target.resolveSibling(target.getFileName() + ".tmp");
        long[] documents = {0};
        try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.CREATE,
                StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE);
                OutputStream out = new BufferedOutputStream(java.nio.channels.Channels.newOutputStream(channel), 1 << 16)) {
            ByteBuffer header = ByteBuffer.allocate(Journal.HEADER);
            writer.accept(put -> {
                byte[] payload = put.encode();
                CRC32C crc = new CRC32C();
                crc.update(payload);
                header.clear();
                header.putInt(payload.length).putInt((int) crc.getValue());
                try {
                    out.write(header.array());
                    out.write(payload);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                documents[0]++;
            });
            out.flush();
            channel.force(true);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        syncDirectory(target.getParent());
        return documents[0];
    }

    /** Makes a created, renamed or deleted file's name durable (where the platform can open a folder). */
    static void syncDirectory(Path directory) {
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException e) {
            // Windows cannot open a directory; its file system journals names itself
            log.debug("Cannot sync the folder {}: {}", directory, e.toString());
        }
    }

    static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Copies the given files into {@code target}, each forced, then the folder. */
    static void copy(List<Path> files, Path target) {
        try {
            for (Path file : files) {
                Path copy = target.resolve(file.getFileName());
                Files.copy(file, copy, StandardCopyOption.REPLACE_EXISTING);
                try (FileChannel channel = FileChannel.open(copy, StandardOpenOption.WRITE)) {
                    channel.force(true);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        syncDirectory(target);
    }

    private static final class DamagedRecord extends IOException {
        DamagedRecord(String message) {
            super(message);
        }
    }

    static List<Path> list(Map<Long, Path> files) {
        return new ArrayList<>(files.values());
    }
}
