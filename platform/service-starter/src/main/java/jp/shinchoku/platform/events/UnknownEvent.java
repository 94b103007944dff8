package jp.shinchoku.platform.events;

/**
 * A well-formed record of an event type this service does not know (a newer type on a shared topic).
 * Listeners skip it; it is not a poison record.
 */
public record UnknownEvent(String type) {
}
