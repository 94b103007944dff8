package jp.shinchoku.platform.support;

/** Small helpers for reporting exceptions in logs and problem details. */
public final class Throwables {

    private Throwables() {
    }

    /** The first line of the innermost cause's message, prefixed with its type. */
    public static String rootMessage(Throwable exception) {
        Throwable cause = exception;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        String message = String.valueOf(cause.getMessage());
        int newline = message.indexOf('\n');
        return cause.getClass().getSimpleName() + ": " + (newline < 0 ? message : message.substring(0, newline));
    }
}
