package jp.shinchoku.measurement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;

import io.micrometer.core.instrument.MeterRegistry;
import jp.shinchoku.contracts.Events;
import jp.shinchoku.contracts.Topics;
import jp.shinchoku.contracts.measurement.MeasurementRecordedV1;
import jp.shinchoku.contracts.measurement.MeasurementReportedV1;
import jp.shinchoku.contracts.plan.KpiDefinedV1;
import jp.shinchoku.testsupport.EventProbe;
import jp.shinchoku.testsupport.HttpJson;
import jp.shinchoku.testsupport.RunningService;
import jp.shinchoku.testsupport.SharedInfrastructure;
import jp.shinchoku.testsupport.StoreLink;
import jp.shinchoku.testsupport.TestEvents;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The store out of reach while reports come in: consumption pauses (retrying with a growing back-off), nothing goes to
 * the dead-letter topic, and once the store is back every report is recorded once and announced.
 */
class StoreOutageTest {

    private final String kafka = SharedInfrastructure.get().bootstrapServers();

    @Test
    void reportsWaitOutAStoreOutageAndAreEachRecordedOnceAfterIt() {
        String isolation = "outage-" + UUID.randomUUID().toString().substring(0, 8);
        String kpiId = isolation + "-pln.1-1.apps";
        try (StoreLink link = StoreLink.to(SharedInfrastructure.get().mongoUri())) {
            try (RunningService service = behind(link, isolation, Map.of("shinchoku.kafka.store-outage-max-interval", "2s"));
                    EventProbe probe = EventProbe.open(kafka, Topics.MEASUREMENT_EVENTS.name(),
                            Topics.MEASUREMENT_REPORTS.deadLetter())) {
                defineKpi(service, isolation, kpiId);

                link.cut();
                IntStream.range(0, 8).forEach(i -> TestEvents.publish(kafka, Events.MEASUREMENT_REPORTED,
                        new MeasurementReportedV1(kpiId, String.valueOf(10 + i), "2024-09-" + (10 + i), null, null,
                                null, isolation + "-" + i, null, null)));
                MeterRegistry meters = service.bean(MeterRegistry.class);
                await().atMost(Duration.ofSeconds(60)).until(() ->
                        meters.counter("shinchoku.kafka.store.outage.retries").count() >= 3);
                Instant restored = service.bean(Clock.class).instant();
                link.restore();

                // (other services in this JVM, environments of their own, record the reports too: look at this one's)
                await().atMost(Duration.ofSeconds(90)).until(() ->
                        service.http().get("/api/kpis/" + kpiId + "/measurements").json().size() == 8);
                JsonNode history = service.http().get("/api/kpis/" + kpiId + "/measurements").json();
                assertThat(history.valueStream().map(m -> m.get("value").decimalValue().intValue()))
                        .containsExactlyInAnyOrder(10, 11, 12, 13, 14, 15, 16, 17);
                assertThat(history.valueStream().map(m -> Instant.parse(m.get("recordedAt").asString())))
                        .as("recorded once the store was back").allMatch(at -> !at.isBefore(restored));
                List<String> ids = history.valueStream().map(m -> m.get("id").asString()).toList();
                await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(probe.events(
                        Events.MEASUREMENT_RECORDED, e -> ids.contains(e.measurementId())))
                        .extracting(MeasurementRecordedV1::measurementId).containsExactlyInAnyOrderElementsOf(ids));
                assertThat(probe.on(Topics.MEASUREMENT_REPORTS.deadLetter()))
                        .noneMatch(record -> kpiId.equals(record.key()));
            }
        }
    }

    @Test
    void aReportOverRestWhileTheStoreIsOutOfReachIsAnswered503WithRetryAfterAndKeptWhenSentAgain() {
        String isolation = "outage-rest-" + UUID.randomUUID().toString().substring(0, 8);
        String kpiId = isolation + "-pln.1-1.apps";
        try (StoreLink link = StoreLink.to(SharedInfrastructure.get().mongoUri())) {
            try (RunningService service = behind(link, isolation, Map.of())) {
                defineKpi(service, isolation, kpiId);
                String report = "{\"value\": 12, \"measuredOn\": \"2024-09-30\"}";
                Map<String, String> key = Map.of("Idempotency-Key", isolation + "-2024-09");

                link.cut();
                HttpJson.Response refused = service.http().post("/api/kpis/" + kpiId + "/measurements", report, key);
                assertThat(refused.status()).isEqualTo(503);
                assertThat(refused.header("Retry-After")).isEqualTo("30");
                assertThat(refused.json().get("type").asString()).endsWith("store-unavailable");
                assertThat(refused.json().get("detail").asString()).contains("30秒後");
                link.restore();

                await().atMost(Duration.ofSeconds(30)).until(() ->
                        service.http().post("/api/kpis/" + kpiId + "/measurements", report, key).status() / 100 == 2);
                assertThat(service.http().get("/api/kpis/" + kpiId + "/measurements").json().size()).isEqualTo(1);
            }
        }
    }

    /** A measurement service of its own that reaches the store through {@code link}, on 2024-11-25. */
    private static RunningService behind(StoreLink link, String isolation, Map<String, Object> more) {
        Map<String, Object> properties = new HashMap<>(SharedInfrastructure.get()
                .serviceProperties("measurement-service", isolation));
        properties.put("spring.mongodb.uri", link.mongoUri());
        properties.put("shinchoku.clock.start-date", "2024-11-25");
        properties.putAll(more);
        return RunningService.start(MeasurementServiceApplication.class, properties);
    }

    /** A KPI counted quarterly, known to the service once this returns. */
    private void defineKpi(RunningService service, String isolation, String kpiId) {
        TestEvents.publish(kafka, Events.KPI_DEFINED, new KpiDefinedV1(kpiId, isolation + "-pln", "462233", "1", "1-1",
                "電子申請", "johoseisaku", "オンライン申請件数", "件", "count", "increase",
                new KpiDefinedV1.Baseline(BigDecimal.ZERO, LocalDate.parse("2021-04-01")),
                new KpiDefinedV1.Target(BigDecimal.valueOf(100), LocalDate.parse("2026-03-31")), 1, null, null,
                List.of(), false, "行政手続のオンライン化", "cumulative", "quarterly",
                new KpiDefinedV1.PlanPeriod(2021, 2025)));
        await().atMost(Duration.ofSeconds(60))
                .until(() -> service.http().get("/api/kpis/" + kpiId + "/progress").status() == 200);
    }
}
