package jp.shinchoku.measurement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpServer;
import jp.shinchoku.measurement.TestKpis.Kpi;
import jp.shinchoku.platform.tracing.Traces;
import jp.shinchoku.testsupport.HttpJson;
import jp.shinchoku.testsupport.ShinchokuServiceTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Where an OTLP endpoint is configured, the spans of a report's trace are exported to it (OTLP over HTTP, protobuf):
 * here a collector of our own that keeps what it is sent.
 */
@ShinchokuServiceTest(properties = {"shinchoku.clock.start-date=2024-11-25",
        "management.tracing.sampling.probability=1.0",
        "management.opentelemetry.tracing.export.schedule-delay=100ms"})
class OtlpExportTest {

    static final List<byte[]> EXPORTED = new CopyOnWriteArrayList<>();
    static final HttpServer COLLECTOR = collector();

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void collectorEndpoint(DynamicPropertyRegistry registry) {
        registry.add("management.opentelemetry.tracing.export.otlp.endpoint",
                () -> "http://127.0.0.1:" + COLLECTOR.getAddress().getPort() + "/v1/traces");
    }

    @AfterAll
    static void stopCollector() {
        COLLECTOR.stop(0);
    }

    @Test
    void theSpansOfAReportsTraceReachTheCollector() {
        HttpJson http = HttpJson.onPort(port);
        String kpi = new TestKpis().define(http, Kpi.percentage("rate", "shimin", "30", "90"));
        String trace = TracingTest.traceId();

        assertThat(http.post("/api/kpis/" + kpi + "/measurements", "{\"value\": 40, \"measuredOn\": \"2024-10-31\"}",
                Map.of(Traces.HEADER, TracingTest.traceparent(trace), "Idempotency-Key", "otlp-" + kpi)).status())
                .isEqualTo(201);

        // the trace id travels as its 16 bytes in the protobuf of ExportTraceServiceRequest
        byte[] id = HexFormat.of().parseHex(trace);
        await().atMost(Duration.ofSeconds(30)).until(() -> EXPORTED.stream().anyMatch(body -> contains(body, id)));
    }

    private static HttpServer collector() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/v1/traces", exchange -> {
                EXPORTED.add(exchange.getRequestBody().readAllBytes());
                exchange.getResponseHeaders().add("Content-Type", "application/x-protobuf");
                exchange.sendResponseHeaders(200, -1);
                exchange.close();
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static boolean contains(byte[] body, byte[] part) {
        outer:
        for (int i = 0; i <= body.length - part.length; i++) {
            for (int j = 0; j < part.length; j++) {
                if (body[i + j] != part[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
