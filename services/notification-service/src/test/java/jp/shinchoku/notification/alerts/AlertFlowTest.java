package jp.shinchoku.notification.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jp.shinchoku.contracts.CloudEventHeaders;
import jp.shinchoku.contracts.Events;
import jp.shinchoku.contracts.Topics;
import jp.shinchoku.contracts.measurement.KpiProgressChangedV1;
import jp.shinchoku.contracts.plan.KpiDefinedV1;
import jp.shinchoku.testsupport.EventProbe;
import jp.shinchoku.testsupport.HttpJson;
import jp.shinchoku.testsupport.PoisonRecords;
import jp.shinchoku.testsupport.SharedInfrastructure;
import jp.shinchoku.testsupport.ShinchokuServiceTest;
import jp.shinchoku.testsupport.TestEvents;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** The notification service on 2 October 2023, six months before the 令和5年度 deadlines. */
@ShinchokuServiceTest(properties = "shinchoku.clock.start-date=2023-10-02")
class AlertFlowTest {

    private static final LocalDate DUE = LocalDate.parse("2024-03-31");

    @LocalServerPort
    int port;

    private final String kafka = SharedInfrastructure.get().bootstrapServers();
    HttpJson http;
    EventProbe probe;
    String kpiId;

    @BeforeEach
    void defineKpi() {
        http = HttpJson.onPort(port);
        probe = EventProbe.open(kafka, Topics.ALERT_EVENTS.name(), Topics.KPI_PROGRESS.deadLetter(), Topics.KPI_DEFINITIONS.deadLetter());
        kpiId = "pln-n." + UUID.randomUUID();
        define(kpiId, DUE);
    }

    private void define(String kpi, LocalDate due) {
        KpiDefinedV1 sample = TestEvents.sample(Events.KPI_DEFINED);
        TestEvents.publish(kafka, Events.KPI_DEFINED, new KpiDefinedV1(kpi, "pln-n", null, "3", "3-1", "施策", "shimin",
                "マイナンバーカードの普及率", "%", "percentage", "increase", sample.baseline(),
                new KpiDefinedV1.Target(sample.target().value(), due), 1, null, null, null, false));
    }

    @AfterEach
    void close() {
        probe.close();
    }

    @Test
    void aKpiBehindNearItsDeadlineRaisesOneAlertForThePromotionHeadquarters() {
        String eventId = progress("BEHIND", DUE);
        await().until(() -> alertsFor(kpiId).size() == 1);

        JsonNode alert = alertsFor(kpiId).getFirst();
        assertThat(alert.get("state").asString()).isEqualTo("FIRING");
        assertThat(alert.get("receivers").get(0).asString()).isEqualTo("promotion-hq");
        assertThat(alert.get("summaryJa").asString()).contains("マイナンバーカードの普及率").contains("令和6年3月31日");
        probe.awaitEvent(Events.ALERT_RAISED, e -> e.labels().get("kpiId").equals(kpiId));

        // the same event delivered again, and the same condition reported anew: still one alert, raised once
        TestEvents.publish(kafka, Events.KPI_PROGRESS_CHANGED, progressEvent("BEHIND", DUE), eventId);
        progress("AT_RISK", DUE);
        String marker = "pln-n." + UUID.randomUUID();
        TestEvents.publish(kafka, Events.KPI_PROGRESS_CHANGED, new KpiProgressChangedV1(marker, "pln-n", "shimin",
                LocalDate.parse("2023-10-02"), BigDecimal.ONE, BigDecimal.ZERO, BigDecimal.ONE, null, "BEHIND", DUE, "C", null));
        await().until(() -> alertsFor(marker).size() == 1);
        await().until(() -> alertsFor(kpiId).getFirst().get("summaryJa").asString().contains("注意"));
        assertThat(alertsFor(kpiId)).hasSize(1);
        assertThat(probe.events(Events.ALERT_RAISED, e -> e.labels().get("kpiId").equals(kpiId))).hasSize(1);
    }

    @Test
    void theAlertResolvesWhenTheKpiIsBackOnTrack() {
        progress("BEHIND", DUE);
        await().until(() -> alertsFor(kpiId).size() == 1);

        progress("ON_TRACK", DUE);
        await().until(() -> "RESOLVED".equals(alertsFor(kpiId).getFirst().get("state").asString()));
        assertThat(http.get("/api/inbox?state=FIRING").json().findValuesAsString("id"))
                .doesNotContain(alertsFor(kpiId).getFirst().get("id").asString());
    }

    @Test
    void theAlertResolvesWhenARevisionRetiresTheKpisMeasure() {
        progress("BEHIND", DUE);
        await().until(() -> alertsFor(kpiId).size() == 1);

        KpiDefinedV1 sample = TestEvents.sample(Events.KPI_DEFINED);
        TestEvents.publish(kafka, Events.KPI_DEFINED, new KpiDefinedV1(kpiId, "pln-n", null, "3", "3-1", "施策", "shimin",
                "マイナンバーカードの普及率", "%", "percentage", "increase", sample.baseline(),
                new KpiDefinedV1.Target(sample.target().value(), DUE), 2, null, null, null, true));

        await().until(() -> "RESOLVED".equals(alertsFor(kpiId).getFirst().get("state").asString()));
    }

    @Test
    void aDistantDeadlineRaisesNothingYet() {
        LocalDate distant = LocalDate.parse("2025-03-31");
        kpiId = "pln-n." + UUID.randomUUID();
        define(kpiId, distant);
        progress("BEHIND", distant);
        String marker = "pln-n." + UUID.randomUUID();
        TestEvents.publish(kafka, Events.KPI_PROGRESS_CHANGED, new KpiProgressChangedV1(marker, "pln-n", "shimin",
                LocalDate.parse("2023-10-02"), BigDecimal.ONE, BigDecimal.ZERO, BigDecimal.ONE, null, "BEHIND", DUE, "C", null));
        await().until(() -> alertsFor(marker).size() == 1);
        assertThat(alertsFor(kpiId)).isEmpty();
    }

    @Test
    void poisonOnEitherConsumedTopicIsDeadLetteredAndTheNextRecordIsProcessed() {
        String poisonProgress = "poison-" + UUID.randomUUID();
        String poisonDefinition = "poison-" + UUID.randomUUID();
        PoisonRecords.send(kafka, Topics.KPI_PROGRESS.name(), poisonProgress, "kpi.progress-changed.v1", "[1, 2");
        PoisonRecords.send(kafka, Topics.KPI_DEFINITIONS.name(), poisonDefinition, "kpi.defined.v1", "{\"kpiId\": 7}");
        progress("BEHIND", DUE);

        await().until(() -> alertsFor(kpiId).size() == 1);
        await().untilAsserted(() -> {
            assertThat(probe.on(Topics.KPI_PROGRESS.deadLetter())).anySatisfy(r -> assertThat(r.key()).isEqualTo(poisonProgress));
            assertThat(probe.on(Topics.KPI_DEFINITIONS.deadLetter()))
                    .anySatisfy(r -> assertThat(r.key()).isEqualTo(poisonDefinition));
        });
        var parked = probe.on(Topics.KPI_PROGRESS.deadLetter()).stream().filter(r -> r.key().equals(poisonProgress))
                .findFirst().orElseThrow();
        assertThat(EventProbe.header(parked, CloudEventHeaders.TYPE)).isEqualTo("kpi.progress-changed.v1");
        assertThat(EventProbe.header(parked, "kafka_dlt-exception-fqcn")).isNotBlank();
    }

    private String progress(String status, LocalDate due) {
        return TestEvents.publish(kafka, Events.KPI_PROGRESS_CHANGED, progressEvent(status, due));
    }

    private KpiProgressChangedV1 progressEvent(String status, LocalDate due) {
        return new KpiProgressChangedV1(kpiId, "pln-n", "shimin", LocalDate.parse("2023-10-02"), new BigDecimal("12.5"),
                new BigDecimal("0.2105"), new BigDecimal("0.9170"), "NO_DATA", status, due, "A", "−");
    }

    private List<JsonNode> alertsFor(String kpi) {
        JsonNode inbox = http.get("/api/inbox").json();
        return java.util.stream.StreamSupport.stream(inbox.spliterator(), false)
                .filter(alert -> kpi.equals(alert.at("/labels/kpiId").asString()))
                .toList();
    }
}
