package jp.shinchoku.measurement.progress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.util.UUID;

import jp.shinchoku.contracts.CloudEventHeaders;
import jp.shinchoku.contracts.Events;
import jp.shinchoku.contracts.Topics;
import jp.shinchoku.contracts.plan.KpiDefinedV1;
import jp.shinchoku.testsupport.EventProbe;
import jp.shinchoku.testsupport.HttpJson;
import jp.shinchoku.testsupport.PoisonRecords;
import jp.shinchoku.testsupport.SharedInfrastructure;
import jp.shinchoku.testsupport.ShinchokuServiceTest;
import jp.shinchoku.testsupport.TestEvents;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A record the service cannot read is parked on the dead-letter topic, and the next good one is processed. */
@ShinchokuServiceTest(properties = "shinchoku.clock.start-date=2023-10-02")
class DeadLetterTest {

    @LocalServerPort
    int port;

    private final String kafka = SharedInfrastructure.get().bootstrapServers();

    @Test
    void poisonOnTheKpiDefinitionsTopicIsDeadLetteredAndTheNextDefinitionIsRead() {
        String poisonKey = "poison-" + UUID.randomUUID();
        try (EventProbe dlt = EventProbe.open(kafka, Topics.KPI_DEFINITIONS.deadLetter())) {
            PoisonRecords.send(kafka, Topics.KPI_DEFINITIONS.name(), poisonKey, "kpi.defined.v1", "{not json");
            String kpiId = "pln-dlt." + UUID.randomUUID();
            KpiDefinedV1 sample = TestEvents.sample(Events.KPI_DEFINED);
            TestEvents.publish(kafka, Events.KPI_DEFINED, new KpiDefinedV1(kpiId, sample.planId(), null, "1", "1-1",
                    "施策", "dept", "件数", "件", "count", "increase", null, sample.target(), 1, null, null, null, false));

            await().untilAsserted(() -> assertThat(dlt.on(Topics.KPI_DEFINITIONS.deadLetter()))
                    .anySatisfy(r -> assertThat(r.key()).isEqualTo(poisonKey)));
            var parked = dlt.on(Topics.KPI_DEFINITIONS.deadLetter()).stream().filter(r -> r.key().equals(poisonKey))
                    .findFirst().orElseThrow();
            assertThat(new String(parked.value())).isEqualTo("{not json");
            assertThat(EventProbe.header(parked, CloudEventHeaders.TYPE)).isEqualTo("kpi.defined.v1");
            await().until(() -> HttpJson.onPort(port).get("/api/kpis/" + kpiId + "/progress").status() == 200);
        }
    }

    @Test
    void poisonOnTheMeasurementTopicIsDeadLetteredAndTheNextMeasurementIsRead() {
        String poisonKey = "poison-" + UUID.randomUUID();
        try (EventProbe dlt = EventProbe.open(kafka, Topics.MEASUREMENT_EVENTS.deadLetter())) {
            PoisonRecords.send(kafka, Topics.MEASUREMENT_EVENTS.name(), poisonKey, "measurement.recorded.v1",
                    "{\"measurementId\": \"m\"}");
            String kpiId = "pln-dlt." + UUID.randomUUID();
            KpiDefinedV1 sample = TestEvents.sample(Events.KPI_DEFINED);
            TestEvents.publish(kafka, Events.KPI_DEFINED, new KpiDefinedV1(kpiId, sample.planId(), null, "1", "1-1",
                    "施策", "dept", "件数", "件", "count", "increase", sample.baseline(), sample.target(), 1, null, null, null, false));
            HttpJson http = HttpJson.onPort(port);
            await().until(() -> http.get("/api/kpis/" + kpiId + "/progress").status() == 200);

            assertThat(http.post("/api/kpis/" + kpiId + "/measurements", "{\"value\": 20, \"measuredOn\": \"2023-09-01\"}")
                    .status()).isEqualTo(201);

            await().untilAsserted(() -> assertThat(dlt.on(Topics.MEASUREMENT_EVENTS.deadLetter()))
                    .anySatisfy(r -> assertThat(r.key()).isEqualTo(poisonKey)));
            await().until(() -> "ACHIEVED".equals(http.get("/api/kpis/" + kpiId + "/progress").json().get("status").asString()));
        }
    }
}
