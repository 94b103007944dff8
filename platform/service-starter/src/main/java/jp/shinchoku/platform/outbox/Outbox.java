package jp.shinchoku.platform.outbox;

import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import jp.shinchoku.contracts.EventType;
import jp.shinchoku.platform.events.EventJson;
import jp.shinchoku.platform.tracing.Traces;

/**
 * Turns the events a domain raised into outbox entries for an aggregate document (through the service's one
 * {@link EventContracts}), and wakes the relay once they are written. The write itself is the service's: one insert or
 * update of the aggregate's document that carries both the new state and its entries in {@link OutboxEntry#FIELD}.
 */
public final class Outbox {

    private final EventJson json;
    private final Clock clock;
    private final String source;
    private final OutboxRelay relay;
    private final EventContracts contracts;

    private final Traces traces;

    public Outbox(EventJson json, Clock clock, String source, OutboxRelay relay, EventContracts contracts,
            Traces traces) {
        this.traces = traces;
        this.json = json;
        this.clock = clock;
        this.source = source;
        this.relay = relay;
        this.contracts = contracts;
    }

    /** The entry of an event the domain raised, as its contract. */
    public OutboxEntry entryFor(Object domainEvent) {
        if (contracts == null) {
            throw new IllegalStateException("this service declares no EventContracts bean");
        }
        return contracts.contractOf(domainEvent).toEntry(this);
    }

    /** The entries of events the domain raised, in their order. */
    public List<OutboxEntry> entriesFor(Collection<?> domainEvents) {
        return domainEvents.stream().map(this::entryFor).toList();
    }

    <T> OutboxEntry entry(EventType<T> type, T payload, String cause) {
        return new OutboxEntry(UUID.randomUUID().toString(), type.id(), type.topic().name(), type.keyOf(payload),
                source, clock.instant(), json.writeString(payload), traces.of(cause));
    }

    /** Call after the write, naming the documents it gave events: the relay publishes them at once, by key. */
    public void written(String collection, Object id) {
        relay.written(collection, List.of(id));
    }

    /** Call after a bulk write, naming the documents it gave events. */
    public void written(String collection, Collection<?> ids) {
        relay.written(collection, ids);
    }

    /**
     * A contract payload with its event type, and the key of what caused it: the event continues the trace of the
     * record with that key in the batch being handled (by default its own key: a KPI's progress follows that KPI's
     * report), else the trace of the work it was raised in.
     */
    public record OutboxEvent<T>(EventType<T> type, T payload, String cause) {
        public OutboxEvent(EventType<T> type, T payload) {
            this(type, payload, type.keyOf(payload));
        }

        OutboxEntry toEntry(Outbox outbox) {
            return outbox.entry(type, payload, cause);
        }
    }
}
