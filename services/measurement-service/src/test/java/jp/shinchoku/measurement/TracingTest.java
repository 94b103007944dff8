package jp.shinchoku.measurement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import io.opentelemetry.sdk.trace.export.SpanExporter;
import jp.shinchoku.contracts.Events;
import jp.shinchoku.contracts.Topics;
import jp.shinchoku.contracts.measurement.MeasurementReportedV1;
import jp.shinchoku.measurement.TestKpis.Kpi;
import jp.shinchoku.platform.tracing.Traces;
import jp.shinchoku.testsupport.EventProbe;
import jp.shinchoku.testsupport.HttpJson;
import jp.shinchoku.testsupport.PoisonRecords;
import jp.shinchoku.testsupport.SharedInfrastructure;
import jp.shinchoku.testsupport.ShinchokuServiceTest;
import jp.shinchoku.testsupport.TestEvents;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/**
 * A department's report, over REST or from its own system over Kafka, and the events it causes share the caller's trace
 * (W3C {@code traceparent}, through Micrometer Tracing's OpenTelemetry bridge), the outbox in between; a dead letter is
 * logged and parked in its sender's trace.
 */
@ShinchokuServiceTest(properties = "shinchoku.clock.start-date=2024-11-25")
@ExtendWith(OutputCaptureExtension.class)
class TracingTest {

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    final String kafka = SharedInfrastructure.get().bootstrapServers();
    HttpJson http;
    EventProbe probe;
    TestKpis plan = new TestKpis();

    @BeforeEach
    void open() {
        http = HttpJson.onPort(port);
        probe = EventProbe.open(kafka, Topics.MEASUREMENT_EVENTS.name(), Topics.KPI_PROGRESS.name(),
                Topics.MEASUREMENT_REPORTS.deadLetter());
    }

    @AfterEach
    void close() {
        probe.close();
    }

    @Test
    void aReportOverRestAndTheEventsItCausesShareTheCallersTrace() {
        String kpi = plan.define(http, Kpi.percentage("rate", "shimin", "30", "90"));
        String trace = traceId();
        String caller = traceparent(trace);

        HttpJson.Response reported = http.post("/api/kpis/" + kpi + "/measurements",
                "{\"value\": 40, \"measuredOn\": \"2024-10-31\"}",
                Map.of(Traces.HEADER, caller, "Idempotency-Key", "trace-" + kpi));

        assertThat(reported.status()).isEqualTo(201);
        assertThat(reported.header(Traces.HEADER)).as("the response names the request's own span of the caller's trace")
                .startsWith("00-" + trace + "-").isNotEqualTo(caller);
        assertThat(traceOf(Topics.MEASUREMENT_EVENTS.name(), kpi)).as("the report recorded").isEqualTo(trace);
        assertThat(traceOf(Topics.KPI_PROGRESS.name(), kpi)).as("the progress it changed").isEqualTo(trace);
    }

    @Test
    void eachReportInABatchFromDepartmentsSystemsContinuesItsOwnSendersTrace() {
        String rate = plan.define(http, Kpi.percentage("rate", "shimin", "30", "90"));
        String apps = plan.define(http, Kpi.count("apps", "johoseisaku", "100", "1000"));
        String rateTrace = traceId();
        String appsTrace = traceId();

        TestEvents.publishInTrace(kafka, traceparent(rateTrace), Events.MEASUREMENT_REPORTED,
                new MeasurementReportedV1(rate, "52.5", "2024-09-30", null, null, null, null, null, null));
        TestEvents.publishInTrace(kafka, traceparent(appsTrace), Events.MEASUREMENT_REPORTED,
                new MeasurementReportedV1(apps, "450", "2024-09-30", null, null, null, null, null, null));

        assertThat(traceOf(Topics.MEASUREMENT_EVENTS.name(), rate)).isEqualTo(rateTrace);
        assertThat(traceOf(Topics.KPI_PROGRESS.name(), rate)).isEqualTo(rateTrace);
        assertThat(traceOf(Topics.MEASUREMENT_EVENTS.name(), apps)).isEqualTo(appsTrace);
        assertThat(traceOf(Topics.KPI_PROGRESS.name(), apps)).isEqualTo(appsTrace);
    }

    @Test
    void aDeadLetterIsLoggedAndParkedInItsSendersTrace(CapturedOutput output) {
        String poisonKey = "poison-" + UUID.randomUUID();
        String trace = traceId();

        PoisonRecords.sendInTrace(kafka, Topics.MEASUREMENT_REPORTS.name(), poisonKey, "measurement.reported.v1",
                "{\"kpiId\": {\"nested\": true}", traceparent(trace));

        assertThat(traceOf(Topics.MEASUREMENT_REPORTS.deadLetter(), poisonKey)).isEqualTo(trace);
        assertThat(output.getAll().lines().filter(line -> line.contains("Dead-lettering") && line.contains(poisonKey)))
                .as("the log line names the trace").singleElement().asString().contains(trace);
    }

    @Test
    void spansAreExportedOnlyWhereAnOtlpEndpointIsConfigured() {
        assertThat(context.getBeanProvider(SpanExporter.class).stream().toList()).isEmpty();
    }

    /** The trace id of the (last) record with this key on the topic, once there is one. */
    private String traceOf(String topic, String key) {
        await().until(() -> probe.on(topic).stream().anyMatch(r -> key.equals(r.key())));
        List<ConsumerRecord<String, byte[]>> records = probe.on(topic).stream().filter(r -> key.equals(r.key())).toList();
        return Traces.traceId(EventProbe.header(records.getLast(), Traces.HEADER));
    }

    static String traceId() {
        byte[] id = new byte[16];
        ThreadLocalRandom.current().nextBytes(id);
        return HexFormat.of().formatHex(id);
    }

    static String traceparent(String traceId) {
        return "00-" + traceId + "-" + HexFormat.of().formatHex(new byte[] {1, 2, 3, 4, 5, 6, 7, 8}) + "-01";
    }
}
