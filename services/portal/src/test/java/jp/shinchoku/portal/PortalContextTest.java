package jp.shinchoku.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpServer;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import jp.shinchoku.portal.api.Api;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.TestPropertySource;
import org.springframework.context.ApplicationContext;
import org.springframework.web.client.RestClient;

/** The portal starts whole with its real API client (the page tests replace it with fixtures). */
@SpringBootTest(properties = "spring.config.name=portal")
@TestPropertySource(locations = "classpath:offline-sign-in.properties")
class PortalContextTest {

    @Autowired
    ApplicationContext context;

    @Test
    void startsWithItsApiClientAndItsSettings() {
        assertThat(context.getBean(Api.class)).isNotNull();
        assertThat(context.getEnvironment().getProperty("shinchoku.portal.plan-url")).isEqualTo("http://localhost:8081");
        assertThat(context.getEnvironment().getProperty("server.servlet.session.cookie.name")).isEqualTo("SHINCHOKU_PORTAL");
    }

    /** The client the API calls are made with (Api's builder) carries the page request's trace to the services. */
    @Test
    void callsToTheServicesContinueTheTraceTheyAreMadeIn() throws Exception {
        List<String> received = new CopyOnWriteArrayList<>();
        HttpServer service = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        service.createContext("/", exchange -> {
            received.add(exchange.getRequestHeaders().getFirst("traceparent"));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        service.start();
        try {
            Tracer tracer = context.getBean(Tracer.class);
            Span page = tracer.nextSpan().name("page").start();
            try (Tracer.SpanInScope scope = tracer.withSpan(page)) {
                context.getBean(RestClient.Builder.class).build().get()
                        .uri("http://127.0.0.1:" + service.getAddress().getPort() + "/api/kpis").retrieve().toBodilessEntity();
            } finally {
                page.end();
            }
            assertThat(received).singleElement().asString().startsWith("00-" + page.context().traceId() + "-");
        } finally {
            service.stop(0);
        }
    }
}
