package jp.shinchoku.platform.outbox;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.exists;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.WriteModel;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jp.shinchoku.contracts.CloudEventHeaders;
import jp.shinchoku.platform.tracing.Traces;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.AuthenticationException;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.RetriableException;
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
 * Never a scan on the hot path: a write tells the relay which documents it gave events
 * ({@link #written(String, Collection)}); each round reads those documents by key, sends all their events with many
 * sends in flight, and acknowledges them in one bulk write ({@code $pull} of the events sent). A slow sweep (at start-up
 * and every {@code sweep-interval}) finds what a crashed instance left, through a partial index on MongoDB that holds
 * only documents with pending events, and claims them with a short lease before sending, so that several instances
 * share that work (a writer's relay leaves alone what a sweeper holds).
 * <p>
 * At least once: a crash after the send and before the acknowledgement sends the event again with the same
 * {@code ce_id}, which consumers treat as a duplicate. A crash before the send loses nothing: the event is in the
 * database with the state that raised it. An event the broker refuses for good (too large, say) never holds up the
 * others: it is set aside in the document's {@code outboxSetAside} with the reason, logged and counted
 * ({@code shinchoku.outbox.set-aside}); one that fails for a while (the broker is down) is tried again.
 */
public final class OutboxRelay implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    static final String LEASE = "outboxLeaseUntil";
    static final String LEASE_OWNER = "outboxLeaseOwner";
    static final String SET_ASIDE = "outboxSetAside";
    private static final int MAX_DOCUMENTS_PER_ROUND = 1_000;
    private static final int MAX_SWEPT = 10_000;

    private final MongoTemplate mongo;
    private final KafkaTemplate<String, Object> kafka;
    private final Map<String, OutboxCollection.Recovery> collections;
    private final OutboxProperties properties;
    private final Clock clock;
    private final MeterRegistry meters;
    private final Traces traces;
    private final String owner = UUID.randomUUID().toString();
    private final Semaphore wakeUps = new Semaphore(0);
    private final ConcurrentLinkedQueue<Pending> queue = new ConcurrentLinkedQueue<>();
    private final Set<Pending> queued = ConcurrentHashMap.newKeySet();
    private final AtomicLong swept = new AtomicLong();
    private final AtomicLong oldestMillis = new AtomicLong();
    private final Counter setAside;
    private final Map<Outcome.Failure, Counter> failures = new java.util.EnumMap<>(Outcome.Failure.class);
    private volatile Instant nextSweep = Instant.MIN;
    private volatile Thread worker;
    private volatile boolean running;

    /**
     * A document known to have events waiting: written by this instance (its writer's relay sends them without a lease),
     * or found by the sweep (claimed with a lease first: another instance may be sending them).
     */
    private record Pending(String collection, Object id, boolean swept) {
    }

    public OutboxRelay(MongoTemplate mongo, KafkaTemplate<String, Object> kafka, List<OutboxCollection> collections,
            OutboxProperties properties, Clock clock, MeterRegistry meters, Traces traces) {
        this.traces = traces;
        this.mongo = mongo;
        this.kafka = kafka;
        this.collections = collections.stream().collect(java.util.stream.Collectors.toMap(OutboxCollection::name,
                OutboxCollection::recovery));
        this.properties = properties;
        this.clock = clock;
        this.meters = meters;
        Gauge.builder("shinchoku.outbox.pending", this, relay -> relay.queued.size() + relay.swept.get())
                .description("Documents with events not yet published: queued, and found by the last sweep")
                .register(meters);
        Gauge.builder("shinchoku.outbox.oldest.age", oldestMillis, millis -> millis.get() / 1000.0)
                .baseUnit("seconds").description("Age of the oldest event the last sweep found waiting").register(meters);
        this.setAside = Counter.builder("shinchoku.outbox.set-aside")
                .description("Events the broker refused for good, set aside in their documents").register(meters);
        for (Outcome.Failure failure : Outcome.Failure.values()) {
            failures.put(failure, Counter.builder("shinchoku.outbox.send.failures").tag("reason", failure.tag)
                    .description("Sends that failed for now and are tried again: the broker out of reach, or refusing the "
                            + "service's credentials or rights").register(meters));
        }
        this.collections.keySet().forEach(this::indexPending);
    }

    /**
     * A partial index holding only documents with pending events (the sweep's query reads it, not the collection),
     * and one on {@code _id} with the lease, which the claim's conditional update names exactly.
     */
    private void indexPending(String collection) {
        mongo.getCollection(collection).createIndex(Indexes.ascending("_id", LEASE),
                new IndexOptions().name("outbox_lease").unique(true));
        try {
            mongo.getCollection(collection).createIndex(Indexes.ascending(OutboxEntry.FIELD + ".eventId"),
                    new IndexOptions().name("outbox_pending")
                            .partialFilterExpression(exists(OutboxEntry.FIELD + ".eventId")));
        } catch (RuntimeException e) {
            log.debug("no partial index on {} (the store does not keep one): {}", collection, e.toString());
        }
    }

    /** The documents a write just gave events: they are published at once, without looking for them. */
    public void written(String collection, Collection<?> ids) {
        if (!collections.containsKey(collection)) {
            throw new IllegalArgumentException("not an outbox collection: " + collection);
        }
        for (Object id : ids) {
            Pending pending = new Pending(collection, id, false);
            if (queued.add(pending)) {
                queue.add(pending);
            }
        }
        wakeUps.release();
    }

    /** Asks for a sweep at the next round (e.g. after the relay was off). */
    public void wakeUp() {
        nextSweep = Instant.MIN;
        wakeUps.release();
    }

    /** One round: a sweep when it is due, then every queued document; returns how many events were published. */
    public int relayPending() {
        Instant now = Instant.now();
        if (!now.isBefore(nextSweep)) {
            sweep();
            nextSweep = now.plus(properties.sweepInterval());
        }
        int sent = 0;
        while (!queue.isEmpty()) {
            Map<Pending, List<Object>> batch = new LinkedHashMap<>();
            for (int i = 0; i < MAX_DOCUMENTS_PER_ROUND; i++) {
                Pending pending = queue.poll();
                if (pending == null) {
                    break;
                }
                queued.remove(pending);
                batch.computeIfAbsent(new Pending(pending.collection(), null, pending.swept()), c -> new ArrayList<>())
                        .add(pending.id());
            }
            for (Map.Entry<Pending, List<Object>> documents : batch.entrySet()) {
                int published = relay(documents.getKey().collection(), documents.getValue(), documents.getKey().swept());
                if (published < 0) {
                    return sent;
                }
                sent += published;
            }
        }
        return sent;
    }

    /**
     * Queues every document with pending events (what a crashed instance or a failed round left), after the
     * collection's recovery finished what their writes may have left undone.
     */
    private void sweep() {
        long found = 0;
        long oldest = 0;
        Instant now = clock.instant();
        for (Map.Entry<String, OutboxCollection.Recovery> declared : collections.entrySet()) {
            String collection = declared.getKey();
            List<Object> ids = new ArrayList<>();
            for (Document document : mongo.getCollection(collection).find(exists(OutboxEntry.FIELD + ".eventId"))
                    .projection(Projections.include("_id", OutboxEntry.FIELD + ".occurredAt")).limit(MAX_SWEPT)) {
                ids.add(document.get("_id"));
                found++;
                for (Document entry : document.getList(OutboxEntry.FIELD, Document.class, List.of())) {
                    if (entry.get("occurredAt") instanceof Date date) {
                        oldest = Math.max(oldest, Duration.between(date.toInstant(), now).toMillis());
                    }
                }
            }
            if (!ids.isEmpty()) {
                declared.getValue().recover(ids);
            }
            for (Object id : ids) {
                Pending pending = new Pending(collection, id, true);
                if (queued.add(pending)) {
                    queue.add(pending);
                }
            }
        }
        swept.set(found);
        oldestMillis.set(oldest);
    }

    /**
     * Sends the documents' events and acknowledges them in one bulk write. What this instance wrote is read by key and
     * sent at once (unless a sweeping instance holds a lease on it); what the sweep found is claimed with a lease first.
     *
     * @return how many events were published, or -1 when the broker failed (the round ends; the rest wait)
     */
    private int relay(String collection, List<Object> ids, boolean swept) {
        MongoCollection<Document> documents = mongo.getCollection(collection);
        List<Document> claimed = swept ? claim(documents, ids) : unclaimed(documents, ids);
        if (claimed.isEmpty()) {
            return 0;
        }
        Map<Object, List<Sending>> sendings = new LinkedHashMap<>();
        for (Document document : claimed) {
            List<Sending> ofDocument = new ArrayList<>();
            for (Document entry : document.getList(OutboxEntry.FIELD, Document.class)) {
                ofDocument.add(new Sending(entry, send(entry)));
            }
            sendings.put(document.get("_id"), ofDocument);
        }
        int sent = 0;
        boolean brokerFailed = false;
        List<WriteModel<Document>> acknowledgements = new ArrayList<>();
        for (Map.Entry<Object, List<Sending>> document : sendings.entrySet()) {
            List<String> done = new ArrayList<>();
            List<Document> refused = new ArrayList<>();
            for (Sending sending : document.getValue()) {
                Outcome outcome = sending.await(properties.sendTimeout());
                String eventId = sending.entry().getString("eventId");
                switch (outcome) {
                    case Outcome.Sent s -> {
                        done.add(eventId);
                        sent++;
                        published(sending.entry());
                    }
                    case Outcome.Refused r -> {
                        done.add(eventId);
                        refused.add(new Document("entry", sending.entry()).append("reason", r.reason())
                                .append("at", Date.from(clock.instant())));
                        setAside.increment();
                        log.warn("Event {} ({}) of {} set aside: the broker refuses it for good: {}", eventId,
                                sending.entry().getString("type"), document.getKey(), r.reason());
                    }
                    case Outcome.Failed f -> {
                        brokerFailed = true;
                        failures.get(f.failure()).increment();
                        log.warn("Could not publish event {} of {} (will retry): {}", eventId, document.getKey(), f.reason());
                    }
                }
            }
            List<Bson> updates = new ArrayList<>();
            if (swept) {
                updates.addAll(List.of(Updates.unset(LEASE), Updates.unset(LEASE_OWNER)));
            }
            if (!done.isEmpty()) {
                updates.add(Updates.pull(OutboxEntry.FIELD, new Document("eventId", new Document("$in", done))));
            }
            if (!refused.isEmpty()) {
                updates.add(Updates.pushEach(SET_ASIDE, refused));
            }
            if (!updates.isEmpty()) {
                acknowledgements.add(new UpdateOneModel<>(eq("_id", document.getKey()), Updates.combine(updates)));
            }
        }
        if (!acknowledgements.isEmpty()) {
            documents.bulkWrite(acknowledgements);
        }
        if (brokerFailed) {
            // what is left is tried again after a pause, by the sweep
            nextSweep = Instant.now().plus(properties.pollInterval());
            return -1;
        }
        return sent;
    }

    /**
     * Takes a lease on those of the documents that have events and no live lease. Every query names exactly
     * {@code _id}, or {@code _id} and the lease read, so that the store finds the documents by key (never a scan).
     */
    private List<Document> claim(MongoCollection<Document> documents, List<Object> ids) {
        Date now = Date.from(clock.instant());
        Date until = Date.from(clock.instant().plus(properties.lease()));
        List<WriteModel<Document>> leases = new ArrayList<>();
        for (Document document : documents.find(byIds(ids)).projection(Projections.include("_id", LEASE, OutboxEntry.FIELD))) {
            Date lease = document.getDate(LEASE);
            if (!document.getList(OutboxEntry.FIELD, Document.class, List.of()).isEmpty() && (lease == null || lease.before(now))) {
                leases.add(new UpdateOneModel<>(new Document("_id", document.get("_id")).append(LEASE, lease),
                        Updates.combine(Updates.set(LEASE, until), Updates.set(LEASE_OWNER, owner))));
            }
        }
        if (leases.isEmpty()) {
            return List.of();
        }
        documents.bulkWrite(leases);
        List<Document> claimed = new ArrayList<>();
        for (Document document : documents.find(byIds(ids))) {
            if (owner.equals(document.getString(LEASE_OWNER)) && until.equals(document.getDate(LEASE))) {
                claimed.add(document);
            }
        }
        return claimed;
    }

    /** The documents' pending events, read by key, leaving out documents a sweeping instance holds a live lease on. */
    private List<Document> unclaimed(MongoCollection<Document> documents, List<Object> ids) {
        Date now = Date.from(clock.instant());
        List<Document> found = new ArrayList<>();
        for (Document document : documents.find(byIds(ids)).projection(Projections.include("_id", LEASE, OutboxEntry.FIELD))) {
            Date lease = document.getDate(LEASE);
            if (!document.getList(OutboxEntry.FIELD, Document.class, List.of()).isEmpty()
                    && (lease == null || lease.before(now))) {
                found.add(document);
            }
        }
        return found;
    }

    private static Document byIds(List<Object> ids) {
        return new Document("_id", new Document("$in", ids));
    }

    private CompletableFuture<?> send(Document entry) {
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
        try {
            // the record's traceparent is written by the template's observation, in the span of the entry's trace
            return traces.publishing(entry.getString("traceparent"), "outbox " + type,
                    () -> kafka.send(record));
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    private void published(Document entry) {
        String type = entry.getString("type");
        Counter.builder("shinchoku.outbox.published").tag("type", type)
                .description("Events published from the outbox").register(meters).increment();
        if (entry.get("occurredAt") instanceof Date date) {
            Timer.builder("shinchoku.outbox.delay").description("From the event's write to its publication")
                    .register(meters).record(Duration.between(date.toInstant(), clock.instant()).abs());
        }
    }

    /** How one send ended: sent, refused for good (set aside), or failed for now (tried again). */
    private sealed interface Outcome {
        record Sent() implements Outcome {
        }

        record Refused(String reason) implements Outcome {
        }

        record Failed(String reason, Failure failure) implements Outcome {
            Failed(String reason) {
                this(reason, Failure.UNREACHABLE);
            }
        }

        /** Why a send failed for now: both are tried again; the second is for operators to mend. */
        enum Failure {
            UNREACHABLE("unreachable"), UNAUTHORIZED("unauthorized");

            final String tag;

            Failure(String tag) {
                this.tag = tag;
            }
        }
    }

    private record Sending(Document entry, CompletableFuture<?> future) {
        Outcome await(Duration timeout) {
            try {
                future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
                return new Outcome.Sent();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new Outcome.Failed("interrupted");
            } catch (TimeoutException e) {
                return new Outcome.Failed("no acknowledgement within " + timeout);
            } catch (ExecutionException e) {
                Throwable cause = e.getCause();
                while (cause != null && cause.getCause() != null && !(cause instanceof org.apache.kafka.common.KafkaException)) {
                    cause = cause.getCause();
                }
                if (cause instanceof AuthenticationException || cause instanceof AuthorizationException) {
                    // a wrong SASL secret or a missing ACL is mended by an operator: kept and tried again, not set aside
                    return new Outcome.Failed(cause.toString(), Outcome.Failure.UNAUTHORIZED);
                }
                if (cause instanceof org.apache.kafka.common.KafkaException && !(cause instanceof RetriableException)) {
                    return new Outcome.Refused(cause.toString());
                }
                return new Outcome.Failed(String.valueOf(cause));
            }
        }
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
                if (queue.isEmpty()) {
                    wakeUps.tryAcquire(properties.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
                    wakeUps.drainPermits();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                log.warn("Outbox relay round failed (will retry): {}", e.toString());
                nextSweep = Instant.MIN;
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
