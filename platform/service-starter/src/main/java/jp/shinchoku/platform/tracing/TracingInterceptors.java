package jp.shinchoku.platform.tracing;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jp.shinchoku.platform.events.CloudEventDeserializer;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.listener.BatchInterceptor;
import org.springframework.kafka.listener.RecordInterceptor;
import org.springframework.web.filter.OncePerRequestFilter;

/** Where a unit of work begins (a request, a record, a batch of records): its {@link TraceContext} is set there. */
public final class TracingInterceptors {

    private static final Logger log = LoggerFactory.getLogger(TracingInterceptors.class);

    private TracingInterceptors() {
    }

    /** A request continues its caller's trace ({@code traceparent}) and answers with its own span's. */
    public static final class Requests extends OncePerRequestFilter {
        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            try (TraceContext.Scope scope = TraceContext.continueOrStart(request.getHeader(TraceContext.HEADER))) {
                response.setHeader(TraceContext.HEADER, TraceContext.current());
                chain.doFilter(request, response);
            }
        }
    }

    /** A record handled on its own continues the trace of the request or event that caused it. */
    public static final class Records implements RecordInterceptor<Object, Object> {
        @Override
        public ConsumerRecord<Object, Object> intercept(ConsumerRecord<Object, Object> record,
                Consumer<Object, Object> consumer) {
            TraceContext.continueOrStart(CloudEventDeserializer.header(record.headers(), TraceContext.HEADER));
            return record;
        }

        @Override
        public void afterRecord(ConsumerRecord<Object, Object> record, Consumer<Object, Object> consumer) {
            TraceContext.end();
        }
    }

    /** A batch is a unit of work of its own; the traces of its records are logged with it (as span links would be). */
    public static final class Batches implements BatchInterceptor<Object, Object> {
        @Override
        public ConsumerRecords<Object, Object> intercept(ConsumerRecords<Object, Object> records,
                Consumer<Object, Object> consumer) {
            TraceContext.continueOrStart(null);
            if (log.isDebugEnabled()) {
                for (ConsumerRecord<Object, Object> record : records) {
                    log.debug("batch of {} records links trace {}", records.count(),
                            TraceContext.traceId(CloudEventDeserializer.header(record.headers(), TraceContext.HEADER)));
                }
            }
            return records;
        }

        @Override
        public void success(ConsumerRecords<Object, Object> records, Consumer<Object, Object> consumer) {
            TraceContext.end();
        }

        @Override
        public void failure(ConsumerRecords<Object, Object> records, Exception exception,
                Consumer<Object, Object> consumer) {
            TraceContext.end();
        }
    }
}
