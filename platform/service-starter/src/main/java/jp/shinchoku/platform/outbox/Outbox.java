package jp.shinchoku.platform.outbox;

import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import jp.shinchoku.contracts.EventType;
import jp.shinchoku.platform.events.EventJson;

/**
 * Turns event payloads into outbox entries for an aggregate document, and wakes the relay once they are
 * written. The write itself is the service's: one insert or update of the aggregate's document that carries
 * both the new state and its entries in {@link OutboxEntry#FIELD}.
 */
public final class Outbox {

    private final EventJson json;
    private final Clock clock;
    private final String source;
    private final OutboxRelay relay;

    public Outbox(EventJson json, Clock clock, String source, OutboxRelay relay) {
        this.json = json;
        this.clock = clock;
        this.source = source;
        this.relay = relay;
    }

    public <T> OutboxEntry entry(EventType<T> type, T payload) {
        return new OutboxEntry(UUID.randomUUID().toString(), type.id(), type.topic().name(), type.keyOf(payload),
                source, clock.instant(), json.writeString(payload));
    }

    public List<OutboxEntry> entries(Collection<? extends OutboxEvent<?>> events) {
        return events.stream().<OutboxEntry>map(event -> event.toEntry(this)).toList();
    }

    /** Call after the write, naming the documents it gave events: the relay publishes them at once, by key. */
    public void written(String collection, Object id) {
        relay.written(collection, List.of(id));
    }

    /** Call after a bulk write, naming the documents it gave events. */
    public void written(String collection, Collection<?> ids) {
        relay.written(collection, ids);
    }

    /** A payload with its event type, so a list of different events can be turned into entries at once. */
    public record OutboxEvent<T>(EventType<T> type, T payload) {
        OutboxEntry toEntry(Outbox outbox) {
            return outbox.entry(type, payload);
        }
    }
}
