package jp.shinchoku.platform.events;

/** A record that cannot be read as the event its headers announce: a poison record. */
public class InvalidEventException extends RuntimeException {

    public InvalidEventException(String message) {
        super(message);
    }

    public InvalidEventException(String message, Throwable cause) {
        super(message, cause);
    }
}
