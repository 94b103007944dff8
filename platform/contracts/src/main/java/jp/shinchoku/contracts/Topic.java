package jp.shinchoku.contracts;

import java.util.Objects;

/**
 * A Kafka topic of the system. Every record on it is keyed by the aggregate id (a plan id, a KPI id, ...)
 * and carries one of the event types registered for it in {@link Events}.
 *
 * @param name      the topic name
 * @param keyedBy   what the record key is (documentation, shown in the service READMEs)
 * @param compacted whether the topic is log-compacted (the latest record per key is the current state)
 */
public record Topic(String name, String keyedBy, boolean compacted) {

    public Topic {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(keyedBy, "keyedBy");
    }

    /** The dead-letter topic where this topic's consumers park records they cannot process. */
    public String deadLetter() {
        return name + ".DLT";
    }

    @Override
    public String toString() {
        return name;
    }
}
