package jp.shinchoku.measurement.progress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.util.UUID;

import jp.shinchoku.contracts.CloudEventHeaders;
import jp.shinchoku.contracts.Events;
import jp.shinchoku.contracts.Topics;
import jp.shinchoku.contracts.measurement.KpiProgressChangedV1;
import jp.shinchoku.contracts.measurement.MeasurementRecordedV1;
import jp.shinchoku.contracts.measurement.MeasurementReportedV1;
import jp.shinchoku.contracts.plan.KpiDefinedV1;
import jp.shinchoku.testsupport.EventProbe;
import jp.shinchoku.testsupport.HttpJson;
import jp.shinchoku.testsupport.PoisonRecords;
import jp.shinchoku.testsupport.SharedInfrastructure;
import jp.shinchoku.testsupport.ShinchokuServiceTest;
import jp.shinchoku.testsupport.TestEvents;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A record the service cannot read is parked on the dead-letter topic, and the good ones are processed. */
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

    /**
     * Reports are read a poll's batch at a time: an unreadable one among good ones is parked alone, the reports before
     * and after it are each recorded once, and progress follows them on the path that records them.
     */
    @Test
    void poisonAmongReportsIsDeadLetteredAloneAndTheReportsAroundItAreRecordedOnce() {
        String kpiId = "pln-dlt." + UUID.randomUUID();
        try (EventProbe probe = EventProbe.open(kafka, Topics.MEASUREMENT_REPORTS.deadLetter(),
                Topics.MEASUREMENT_EVENTS.name(), Topics.KPI_PROGRESS.name())) {
            KpiDefinedV1 sample = TestEvents.sample(Events.KPI_DEFINED);
            TestEvents.publish(kafka, Events.KPI_DEFINED, new KpiDefinedV1(kpiId, sample.planId(), null, "1", "1-1",
                    "施策", "dept", "件数", "件", "count", "increase", sample.baseline(), sample.target(), 1, null, null, null, false));
            HttpJson http = HttpJson.onPort(port);
            await().until(() -> http.get("/api/kpis/" + kpiId + "/progress").status() == 200);

            TestEvents.publish(kafka, Events.MEASUREMENT_REPORTED,
                    new MeasurementReportedV1(kpiId, "5", "2023-08-01", null, null, null, null, null, null));
            PoisonRecords.send(kafka, Topics.MEASUREMENT_REPORTS.name(), kpiId, "measurement.reported.v1",
                    "{\"kpiId\": {\"nested\": true}");
            TestEvents.publish(kafka, Events.MEASUREMENT_REPORTED,
                    new MeasurementReportedV1(kpiId, "20", "2023-09-01", null, null, null, null, null, null));

            await().untilAsserted(() -> assertThat(probe.on(Topics.MEASUREMENT_REPORTS.deadLetter()))
                    .filteredOn(r -> r.key().equals(kpiId)).hasSize(1));
            await().until(() -> "ACHIEVED".equals(http.get("/api/kpis/" + kpiId + "/progress").json().get("status").asString()));
            await().untilAsserted(() -> assertThat(probe.events(Events.KPI_PROGRESS_CHANGED, e -> e.kpiId().equals(kpiId)))
                    .extracting(KpiProgressChangedV1::status).endsWith("ACHIEVED"));
            assertThat(probe.events(Events.MEASUREMENT_RECORDED, e -> e.kpiId().equals(kpiId)))
                    .extracting(MeasurementRecordedV1::value).map(BigDecimal::intValue).containsExactly(5, 20);
            assertThat(http.get("/api/kpis/" + kpiId + "/measurements").json().size()).isEqualTo(2);
        }
    }
}
