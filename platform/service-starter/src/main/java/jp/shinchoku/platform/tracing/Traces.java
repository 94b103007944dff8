package jp.shinchoku.platform.tracing;

import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import io.micrometer.tracing.Link;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.TraceContext;
import io.micrometer.tracing.Tracer;
import jp.shinchoku.platform.events.CloudEventDeserializer;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * The W3C trace context ({@code traceparent}) of the work a service does, through Micrometer Tracing (OpenTelemetry
 * underneath; spans are exported by OTLP only where an endpoint is configured).
 * <p>
 * Requests and records handled one at a time are traced by Spring's observations. What they leave for later keeps
 * their context: an outbox entry stores the {@code traceparent} it was written in, and the relay sends it inside a span
 * of that trace ({@link #publishing}), so the Kafka template's observation writes the record's header. A department's
 * report, the events it causes and the alert it ends in thus share one trace id.
 * <p>
 * A batch of records is one unit of work with a span of its own that links its records' traces (OpenTelemetry's
 * messaging conventions), and an event raised while handling it continues the trace of the record it came from: the
 * record whose key is the event's cause ({@link #of(String)}; a KPI's progress continues the trace of that KPI's
 * report).
 */
public final class Traces {

    public static final String HEADER = "traceparent";
    private static final Pattern VALID = Pattern.compile("00-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}");
    private static final String INVALID_TRACE = "0".repeat(32);
    private static final int MAX_LINKS = 128;

    private final Tracer tracer;
    private final ThreadLocal<Batch> batches = new ThreadLocal<>();

    public Traces(Tracer tracer) {
        this.tracer = tracer;
    }

    /** The {@code traceparent} of the span this thread is in, or null outside any. */
    public String current() {
        Span span = tracer.currentSpan();
        return span == null ? null : traceparent(span.context());
    }

    /**
     * The {@code traceparent} an event caused by {@code cause} continues: that of the record with this key in the batch
     * this thread handles, else that of the current span.
     */
    public String of(String cause) {
        Batch batch = batches.get();
        String traced = batch == null || cause == null ? null : batch.byKey().get(cause);
        return traced != null ? traced : current();
    }

    /** The trace id of a {@code traceparent}, or null. */
    public static String traceId(String traceparent) {
        return valid(traceparent) ? traceparent.substring(3, 35) : null;
    }

    /**
     * Sends inside a span of the trace {@code traceparent} names (a new trace when it is null or malformed), ended when
     * the send completes. Spans keep the wall clock's time: the service's clock may run on another day (the launcher's
     * start date), and the outbox's delay has its own timer.
     */
    public <T> CompletableFuture<T> publishing(String traceparent, String name, Supplier<CompletableFuture<T>> send) {
        Span.Builder builder = tracer.spanBuilder().name(name).kind(Span.Kind.PRODUCER);
        TraceContext parent = context(traceparent);
        Span span = (parent == null ? builder.setNoParent() : builder.setParent(parent)).start();
        CompletableFuture<T> sent;
        try (Tracer.SpanInScope scope = tracer.withSpan(span)) {
            sent = send.get();
        } catch (RuntimeException e) {
            span.error(e).end();
            throw e;
        }
        return sent.whenComplete((result, failure) -> {
            if (failure != null) {
                span.error(failure);
            }
            span.end();
        });
    }

    /** Runs a task on its own (a scheduled run) as the root span of a new trace. */
    public <T> T run(String name, Supplier<T> task) {
        return continuing(null, name, task);
    }

    /** Runs a task in a span of the trace {@code traceparent} names (a new trace when it is null or malformed). */
    public <T> T continuing(String traceparent, String name, Supplier<T> task) {
        TraceContext parent = context(traceparent);
        Span.Builder builder = tracer.spanBuilder().name(name);
        Span span = (parent == null ? builder.setNoParent() : builder.setParent(parent)).start();
        try (Tracer.SpanInScope scope = tracer.withSpan(span)) {
            return task.get();
        } catch (RuntimeException e) {
            span.error(e);
            throw e;
        } finally {
            span.end();
        }
    }

    /**
     * Begins handling a batch on this thread: a span of its own linked to its records' traces, in scope until
     * {@link #batchEnded()}; events raised meanwhile continue the trace of their cause's record.
     */
    public void batchBegins(String topic, List<? extends ConsumerRecord<?, ?>> records) {
        batchEnded(); // a batch tried again begins anew (its end was not seen)
        Span.Builder builder = tracer.spanBuilder().name(topic + " process").kind(Span.Kind.CONSUMER).setNoParent()
                .tag("messaging.batch.message_count", records.size());
        Map<String, String> byKey = new HashMap<>();
        int links = 0;
        for (ConsumerRecord<?, ?> record : records) {
            String traceparent = CloudEventDeserializer.header(record.headers(), HEADER);
            TraceContext context = context(traceparent);
            if (context != null) {
                if (record.key() != null) {
                    byKey.put(record.key().toString(), traceparent);
                }
                if (links++ < MAX_LINKS) {
                    builder.addLink(new Link(context));
                }
            }
        }
        Span span = builder.start();
        batches.set(new Batch(span, tracer.withSpan(span), byKey));
    }

    /** Ends the batch this thread was handling, if any. */
    public void batchEnded() {
        Batch batch = batches.get();
        if (batch != null) {
            batches.remove();
            batch.scope().close();
            batch.span().end();
        }
    }

    private TraceContext context(String traceparent) {
        if (!valid(traceparent) || traceparent.startsWith(INVALID_TRACE, 3)) {
            return null;
        }
        return tracer.traceContextBuilder().traceId(traceparent.substring(3, 35))
                .spanId(traceparent.substring(36, 52)).sampled((HexFormat.fromHexDigits(traceparent, 53, 55) & 1) == 1).build();
    }

    private static String traceparent(TraceContext context) {
        return "00-" + context.traceId() + "-" + context.spanId() + "-"
                + (Boolean.TRUE.equals(context.sampled()) ? "01" : "00");
    }

    private static boolean valid(String traceparent) {
        return traceparent != null && VALID.matcher(traceparent).matches();
    }

    private record Batch(Span span, Tracer.SpanInScope scope, Map<String, String> byKey) {
    }
}
