package jp.shinchoku.platform.tracing;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.springframework.kafka.listener.BatchInterceptor;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Where {@link Traces} meets the frameworks. Requests and single records are traced by Spring's observations (the
 * server's observation continues the caller's {@code traceparent}); these add what they leave out.
 */
public final class TracingInterceptors {

    private TracingInterceptors() {
    }

    /** A response names its request's span ({@code traceparent}), so a caller can quote the trace it is in. */
    public static final class Responses extends OncePerRequestFilter {
        private final Traces traces;

        public Responses(Traces traces) {
            this.traces = traces;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            String traceparent = traces.current();
            if (traceparent != null) {
                response.setHeader(Traces.HEADER, traceparent);
            }
            chain.doFilter(request, response);
        }
    }

    /** A batch is a unit of work with a span of its own, linked to its records' traces. */
    public static final class Batches implements BatchInterceptor<Object, Object> {
        private final Traces traces;

        public Batches(Traces traces) {
            this.traces = traces;
        }

        @Override
        public ConsumerRecords<Object, Object> intercept(ConsumerRecords<Object, Object> records,
                Consumer<Object, Object> consumer) {
            List<ConsumerRecord<Object, Object>> list = new ArrayList<>(records.count());
            records.forEach(list::add);
            traces.batchBegins(list.isEmpty() ? "" : list.getFirst().topic(), list);
            return records;
        }

        @Override
        public void success(ConsumerRecords<Object, Object> records, Consumer<Object, Object> consumer) {
            traces.batchEnded();
        }

        @Override
        public void failure(ConsumerRecords<Object, Object> records, Exception exception,
                Consumer<Object, Object> consumer) {
            traces.batchEnded();
        }
    }
}
