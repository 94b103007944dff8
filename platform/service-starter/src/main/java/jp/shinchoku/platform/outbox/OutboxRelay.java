package jp.shinchoku.platform.outbox;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.exists;
import static com.mongodb.client.model.Filters.lt;
import static com.mongodb.client.model.Filters.or;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jp.shinchoku.contracts.CloudEventHeaders;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * Publishes the events waiting in aggregate documents' outboxes, in order per document, then removes them.
 * <p>
 * At least once: a crash after the send and before the removal sends the event again with the same
 * {@code ce_id}, which consumers treat as a duplicate. A crash before the send loses nothing, since the
 * event is in the database with the state that raised it; the relay sends it after the restart (it runs once
 * at start-up, then on every {@link #wakeUp()} and every poll interval). Several instances share the work
 * through a short lease per document.
 */
public final class OutboxRelay implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    private static final String LEASE = "outboxLeaseUntil";
    private static final int MAX_DOCUMENTS_PER_ROUND = 500;

    private final MongoTemplate mongo;
    private final KafkaTemplate<String, Object> kafka;
    private final List<OutboxCollection> collections;
    private final OutboxProperties properties;
    private final Clock clock;
    private final MeterRegistry meters;
    private final Semaphore wakeUps = new Semaphore(0);
    private final AtomicLong pending = new AtomicLong();
    private volatile Thread worker;
    private volatile boolean running;

    public OutboxRelay(MongoTemplate mongo, KafkaTemplate<String, Object> kafka, List<OutboxCollection> collections,
            OutboxProperties properties, Clock clock, MeterRegistry meters) {
        this.mongo = mongo;
        this.kafka = kafka;
        this.collections = List.copyOf(collections);
        this.properties = properties;
        this.clock = clock;
        this.meters = meters;
        Gauge.builder("shinchoku.outbox.pending", pending, AtomicLong::get)
                .description("Documents with events not yet published, at the relay's last round")
                .register(meters);
    }

    public void wakeUp() {
        wakeUps.release();
    }

    /** One round over every outbox collection; returns how many events were published. */
    public int relayPending() {
        int sent = 0;
        long waiting = 0;
        for (OutboxCollection collection : collections) {
            MongoCollection<Document> documents = mongo.getCollection(collection.name());
            for (int i = 0; i < MAX_DOCUMENTS_PER_ROUND; i++) {
                Document claimed = claim(documents);
                if (claimed == null) {
                    break;
                }
                int published = publish(documents, claimed);
                if (published < 0) {
                    break;
                }
                sent += published;
            }
            waiting += documents.countDocuments(exists(OutboxEntry.FIELD + ".0"));
        }
        pending.set(waiting);
        return sent;
    }

    private Document claim(MongoCollection<Document> documents) {
        Instant now = clock.instant();
        Bson claimable = and(exists(OutboxEntry.FIELD + ".0"),
                or(eq(LEASE, null), lt(LEASE, Date.from(now))));
        return documents.findOneAndUpdate(claimable,
                Updates.set(LEASE, Date.from(now.plus(properties.lease()))),
                new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER));
    }

    /** Sends the document's entries in order; returns how many, or -1 when the broker failed. */
    private int publish(MongoCollection<Document> documents, Document claimed) {
        Object id = claimed.get("_id");
        List<String> sentIds = new ArrayList<>();
        try {
            for (Document entry : claimed.getList(OutboxEntry.FIELD, Document.class)) {
                send(entry);
                sentIds.add(entry.getString("eventId"));
            }
            return sentIds.size();
        } catch (Exception e) {
            Counter.builder("shinchoku.outbox.send.failures").register(meters).increment();
            log.warn("Could not publish outbox events of {} (will retry): {}", id, e.toString());
            return -1;
        } finally {
            Bson update = sentIds.isEmpty()
                    ? Updates.unset(LEASE)
                    : Updates.combine(Updates.pull(OutboxEntry.FIELD, new Document("eventId", new Document("$in", sentIds))),
                            Updates.unset(LEASE));
            documents.updateOne(eq("_id", id), update);
        }
    }

    private void send(Document entry) throws Exception {
        String type = entry.getString("type");
        Instant occurredAt = entry.get("occurredAt") instanceof Date date ? date.toInstant() : clock.instant();
        var record = new ProducerRecord<String, Object>(entry.getString("topic"), null, entry.getString("key"),
                entry.getString("payload").getBytes(StandardCharsets.UTF_8));
        record.headers()
                .add(header(CloudEventHeaders.ID, entry.getString("eventId")))
                .add(header(CloudEventHeaders.TYPE, type))
                .add(header(CloudEventHeaders.SOURCE, entry.getString("source")))
                .add(header(CloudEventHeaders.TIME, occurredAt.toString()))
                .add(header(CloudEventHeaders.SPECVERSION, CloudEventHeaders.SPECVERSION_1_0))
                .add(header(CloudEventHeaders.CONTENT_TYPE, CloudEventHeaders.APPLICATION_JSON));
        kafka.send(record).get(properties.sendTimeout().toMillis(), TimeUnit.MILLISECONDS);
        Counter.builder("shinchoku.outbox.published").tag("type", type)
                .description("Events published from the outbox").register(meters).increment();
        Timer.builder("shinchoku.outbox.delay").description("From the event's write to its publication")
                .register(meters).record(java.time.Duration.between(occurredAt, clock.instant()).abs());
    }

    private static RecordHeader header(String name, String value) {
        return new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void start() {
        running = true;
        worker = Thread.ofPlatform().daemon().name("outbox-relay").start(this::run);
    }

    private void run() {
        while (running) {
            try {
                relayPending();
                wakeUps.tryAcquire(properties.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
                wakeUps.drainPermits();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                log.warn("Outbox relay round failed (will retry): {}", e.toString());
                try {
                    Thread.sleep(properties.pollInterval());
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    @Override
    public void stop() {
        running = false;
        Thread current = worker;
        if (current != null) {
            current.interrupt();
            try {
                current.join(properties.sendTimeout().toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public boolean isAutoStartup() {
        return properties.relayEnabled();
    }

    /** Start after the Kafka and Mongo clients, stop before them. */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 1000;
    }
}
