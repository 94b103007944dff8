package jp.shinchoku.platform.outbox;

/**
 * A service's one mapping from the events its domain raises to their wire contracts. Repositories hand the domain's
 * events to the {@link Outbox}, which asks this mapping for each one's contract, so that persistence never knows the
 * messaging side (and the domain never knows either).
 */
@FunctionalInterface
public interface EventContracts {

    /**
     * @throws IllegalArgumentException for an event this service does not publish
     */
    Outbox.OutboxEvent<?> contractOf(Object domainEvent);
}
