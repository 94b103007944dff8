package jp.shinchoku.platform.kafka;

import java.util.List;
import java.util.function.Consumer;

import jp.shinchoku.platform.events.InvalidEventException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.listener.BatchListenerFailedException;

/**
 * Handles a poll's records as one batch (one read, one bulk write), in the way the error handler expects: the records
 * before an unreadable one are handled first, then the unreadable one is named so that it alone goes to the
 * dead-letter topic and the rest are delivered again; a failure of the batch's handling retries the whole batch (its
 * handling must be safe to repeat), pausing while the store is out of reach.
 */
public final class RecordBatches {

    private RecordBatches() {
    }

    public static <K> void handle(List<ConsumerRecord<K, Object>> records, Consumer<List<ConsumerRecord<K, Object>>> handling) {
        int unreadable = 0;
        while (unreadable < records.size() && records.get(unreadable).value() != null) {
            unreadable++;
        }
        if (unreadable > 0) {
            try {
                handling.accept(records.subList(0, unreadable));
            } catch (RuntimeException e) {
                throw new BatchListenerFailedException("handling a batch of " + unreadable + " records failed", e, 0);
            }
        }
        if (unreadable < records.size()) {
            ConsumerRecord<K, Object> record = records.get(unreadable);
            throw new BatchListenerFailedException("unreadable record", new InvalidEventException("record "
                    + record.topic() + "-" + record.partition() + "@" + record.offset() + " cannot be read", null),
                    unreadable);
        }
    }
}
