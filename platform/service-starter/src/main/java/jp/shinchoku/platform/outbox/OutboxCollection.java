package jp.shinchoku.platform.outbox;

import java.util.List;
import java.util.Objects;

/**
 * Declares a collection whose documents keep pending events in {@link OutboxEntry#FIELD}.
 *
 * @param recovery what the service finishes for documents the sweep finds with pending events, before the relay
 *                 publishes them: a write whose follow-up may not have run (the instance stopped in between) is
 *                 completed there, since a pending event also marks that its follow-up may be missing. Must be safe
 *                 to repeat. {@link Recovery#NONE} where an event is all there is to finish.
 */
public record OutboxCollection(String name, Recovery recovery) {

    public OutboxCollection {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(recovery, "recovery");
    }

    public OutboxCollection(String name) {
        this(name, Recovery.NONE);
    }

    /** Finishes what the writes of these documents left to do; an exception leaves them for the next sweep. */
    @FunctionalInterface
    public interface Recovery {
        Recovery NONE = ids -> {
        };

        void recover(List<Object> ids);
    }
}
