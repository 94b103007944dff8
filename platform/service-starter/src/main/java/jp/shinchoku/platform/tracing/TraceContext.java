package jp.shinchoku.platform.tracing;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.regex.Pattern;

import org.slf4j.MDC;

/**
 * The W3C trace context ({@code traceparent}) of the work this thread does: taken from a request's or a record's
 * {@code traceparent} header, or started here. Outbox entries keep the context they were written in and the relay
 * sends it as the record's {@code traceparent} header, so a department's report, the events it causes and the alert it
 * ends in share one trace id. A batch of records is one unit of work with a trace of its own (as OpenTelemetry's
 * messaging conventions have it); its records' traces are logged with it.
 */
public final class TraceContext {

    public static final String HEADER = "traceparent";
    private static final Pattern VALID = Pattern.compile("00-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}");
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final ThreadLocal<String> CURRENT = new ThreadLocal<>();

    private TraceContext() {
    }

    /** The current {@code traceparent}, or null outside any unit of work. */
    public static String current() {
        return CURRENT.get();
    }

    /** The trace id of a {@code traceparent}, or null. */
    public static String traceId(String traceparent) {
        return traceparent == null ? null : traceparent.substring(3, 35);
    }

    /**
     * Makes the work that follows (until {@link Scope#close()}) part of the trace {@code incoming} names, as a new span of
     * it; a new trace when {@code incoming} is null or malformed.
     */
    public static Scope continueOrStart(String incoming) {
        String previous = CURRENT.get();
        String traceId = incoming != null && VALID.matcher(incoming).matches() ? traceId(incoming) : hex(16);
        set("00-" + traceId + "-" + hex(8) + "-01");
        return () -> set(previous);
    }

    /** Ends whatever unit of work this thread was in. */
    public static void end() {
        set(null);
    }

    private static void set(String traceparent) {
        if (traceparent == null) {
            CURRENT.remove();
            MDC.remove("traceId");
        } else {
            CURRENT.set(traceparent);
            MDC.put("traceId", traceId(traceparent));
        }
    }

    private static String hex(int bytes) {
        byte[] random = new byte[bytes];
        RANDOM.nextBytes(random);
        return HexFormat.of().formatHex(random);
    }

    /** Ends a unit of work: the thread's previous context is back. */
    @FunctionalInterface
    public interface Scope extends AutoCloseable {
        @Override
        void close();
    }
}
