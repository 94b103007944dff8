package jp.shinchoku.embedded.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.concurrent.locks.ReentrantLock;
import java.util.zip.CRC32C;

/**
 * The store's redo log: records appended in memory by the writers, written and forced to the disk by whichever
 * writer first waits for them (group commit: one {@code fsync} for every record appended meanwhile, however many
 * writers wait), so that no command is answered before what it changed is on the disk.
 * <p>
 * The log is a sequence of segments ({@code journal-000001.log}, …), each a run of records
 * {@code [length:int][crc32c:int][payload]}. A checkpoint starts a new segment ({@link #rotate()}); segments older
 * than the newest complete snapshot are deleted by the store. A failure to write or force leaves the journal failed:
 * every later wait throws, so nothing more is acknowledged that might not be kept.
 */
final class Journal implements AutoCloseable {

    static final int HEADER = 8;

    private final Path directory;
    private final boolean force;
    /** Taken by appenders, briefly: the buffer and the sequence. */
    private final Object appendLock = new Object();
    /** Taken by the one writer that writes and forces a group, and by rotation. */
    private final ReentrantLock syncLock = new ReentrantLock();

    private byte[] buffer = new byte[1 << 16];
    private int buffered;
    /** Bytes appended since the journal opened (the log sequence number of the last record). */
    private volatile long appended;
    /** Bytes on the disk (forced) since the journal opened. */
    private volatile long durable;
    private volatile IOException failure;

    private FileChannel channel;
    private long segment;
    private long segmentBytes;

    Journal(Path directory, long segment, boolean force) {
        this.directory = directory;
        this.force = force;
        this.segment = segment;
        this.channel = open(directory, segment);
        try {
            this.segmentBytes = channel.size();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path segmentFile(Path directory, long segment) {
        return directory.resolve("journal-%06d.log".formatted(segment));
    }

    private static FileChannel open(Path directory, long segment) {
        try {
            Path file = segmentFile(directory, segment);
            boolean created = !Files.exists(file);
            FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.APPEND);
            if (created) {
                DataFolder.syncDirectory(directory);
            }
            return channel;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Appends one record; returns its end in the log, to wait for with {@link #awaitDurable(long)}. */
    long append(byte[] payload) {
        CRC32C crc = new CRC32C();
        crc.update(payload);
        synchronized (appendLock) {
            int size = HEADER + payload.length;
            if (buffered + size > buffer.length) {
                buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, buffered + size));
            }
            ByteBuffer.wrap(buffer, buffered, HEADER).putInt(payload.length).putInt((int) crc.getValue());
            System.arraycopy(payload, 0, buffer, buffered + HEADER, payload.length);
            buffered += size;
            appended += size;
            return appended;
        }
    }

    /** What has been appended so far: waiting for it makes every change seen until now durable. */
    long appended() {
        return appended;
    }

    /**
     * Returns once the log up to {@code position} is on the disk; the first writer to come writes and forces
     * everything appended until then, the others find their records already there.
     */
    void awaitDurable(long position) {
        if (durable >= position) {
            return;
        }
        syncLock.lock();
        try {
            flush();
        } finally {
            syncLock.unlock();
        }
        if (durable < position) {
            throw new JournalFailedException("the journal did not reach " + position, failure);
        }
    }

    /** Writes and forces what is buffered; called with the sync lock held. */
    private void flush() {
        IOException failed = failure;
        if (failed != null) {
            throw new JournalFailedException("the journal failed earlier", failed);
        }
        byte[] batch;
        int length;
        long end;
        synchronized (appendLock) {
            if (buffered == 0) {
                return;
            }
            batch = buffer;
            length = buffered;
            end = appended;
            buffer = new byte[Math.max(1 << 16, Math.min(batch.length, 1 << 22))];
            buffered = 0;
        }
        try {
            ByteBuffer bytes = ByteBuffer.wrap(batch, 0, length);
            while (bytes.hasRemaining()) {
                channel.write(bytes);
            }
            if (force) {
                channel.force(false);
            }
            segmentBytes += length;
            durable = end;
        } catch (IOException e) {
            failure = e;
            throw new JournalFailedException("could not write the journal", e);
        }
    }

    /** Bytes in the current segment. */
    long segmentBytes() {
        return segmentBytes;
    }

    long segment() {
        return segment;
    }

    /**
     * Ends the current segment (everything appended so far is written and forced into it) and starts the next;
     * returns the new segment's number. Records appended from now on go to the new segment.
     */
    long rotate() {
        syncLock.lock();
        try {
            synchronized (appendLock) {
                // nothing is appended between the flush and the switch
                flush();
                try {
                    channel.close();
                } catch (IOException e) {
                    failure = e;
                    throw new JournalFailedException("could not close the journal segment", e);
                }
                segment++;
                channel = open(directory, segment);
                segmentBytes = 0;
                return segment;
            }
        } finally {
            syncLock.unlock();
        }
    }

    boolean failed() {
        return failure != null;
    }

    @Override
    public void close() {
        syncLock.lock();
        try {
            if (failure == null) {
                flush();
            }
            channel.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            syncLock.unlock();
        }
    }

    /** The journal could not keep a change: nothing more is acknowledged. */
    static final class JournalFailedException extends RuntimeException {
        JournalFailedException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
