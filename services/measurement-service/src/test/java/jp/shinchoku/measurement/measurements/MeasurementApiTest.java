package jp.shinchoku.measurement.measurements;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.util.Map;
import java.util.UUID;

import jp.shinchoku.contracts.Events;
import jp.shinchoku.contracts.Topics;
import jp.shinchoku.contracts.measurement.KpiProgressChangedV1;
import jp.shinchoku.contracts.measurement.MeasurementRecordedV1;
import jp.shinchoku.contracts.plan.KpiDefinedV1;
import jp.shinchoku.testsupport.EventProbe;
import jp.shinchoku.testsupport.HttpJson;
import jp.shinchoku.testsupport.SharedInfrastructure;
import jp.shinchoku.testsupport.ShinchokuServiceTest;
import jp.shinchoku.testsupport.TestEvents;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A department reports values; the service on 2 October 2023 (令和5年度の下期). */
@ShinchokuServiceTest(properties = "shinchoku.clock.start-date=2023-10-02")
class MeasurementApiTest {

    @LocalServerPort
    int port;

    HttpJson http;
    EventProbe probe;
    String kpiId;

    @BeforeEach
    void defineKpi() {
        http = HttpJson.onPort(port);
        probe = EventProbe.open(SharedInfrastructure.get().bootstrapServers(), Topics.MEASUREMENT_EVENTS, Topics.KPI_PROGRESS);
        kpiId = "pln-t." + UUID.randomUUID();
        KpiDefinedV1 sample = TestEvents.sample(Events.KPI_DEFINED);
        TestEvents.publish(SharedInfrastructure.get().bootstrapServers(), Events.KPI_DEFINED, new KpiDefinedV1(kpiId,
                sample.planId(), sample.municipalityCode(), sample.pillarCode(), sample.measureCode(), sample.measureTitle(),
                sample.departmentCode(), sample.name(), sample.unit(), sample.kind(), sample.direction(), sample.baseline(),
                sample.target(), sample.revision(), null, null, null, false));
        await().until(() -> http.get("/api/kpis/" + kpiId + "/progress").status() == 200);
    }

    @AfterEach
    void close() {
        probe.close();
    }

    @Test
    void anAcceptedValueIsRecordedAndMovesTheKpisProgress() {
        HttpJson.Response created = report("12.5", "2023-09-30", "key-" + UUID.randomUUID());

        assertThat(created.status()).isEqualTo(201);
        String measurementId = created.json().get("id").asString();
        MeasurementRecordedV1 recorded = probe.awaitEvent(Events.MEASUREMENT_RECORDED, e -> e.kpiId().equals(kpiId));
        assertThat(recorded.measurementId()).isEqualTo(measurementId);
        assertThat(recorded.value()).isEqualByComparingTo("12.5");

        KpiProgressChangedV1 changed = probe.awaitEvent(Events.KPI_PROGRESS_CHANGED,
                e -> e.kpiId().equals(kpiId) && e.latestValue() != null);
        assertThat(changed.previousStatus()).isEqualTo("NO_DATA");
        assertThat(changed.status()).isEqualTo("BEHIND");
        assertThat(changed.achievement()).isEqualByComparingTo("0.2105");
        assertThat(changed.asOf()).hasToString("2023-10-02");
        assertThat(http.get("/api/kpis/" + kpiId + "/progress").json().get("status").asString()).isEqualTo("BEHIND");
    }

    @Test
    void theSameReportTwiceIsStoredOnceAndAnnouncedOnce() {
        String key = "key-" + UUID.randomUUID();
        HttpJson.Response first = report("12.5", "2023-09-30", key);
        HttpJson.Response again = report("12.5", "2023-09-30", key);

        assertThat(first.status()).isEqualTo(201);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().get("id").asString()).isEqualTo(first.json().get("id").asString());
        assertThat(http.get("/api/kpis/" + kpiId + "/measurements").json().size()).isEqualTo(1);

        // a later report on the same KPI (same partition) arrives after anything the repeat could have sent
        HttpJson.Response later = report("13", "2023-10-01", "key-" + UUID.randomUUID());
        String laterId = later.json().get("id").asString();
        probe.awaitEvent(Events.MEASUREMENT_RECORDED, e -> e.measurementId().equals(laterId));
        assertThat(probe.events(Events.MEASUREMENT_RECORDED, e -> e.kpiId().equals(kpiId)))
                .extracting(MeasurementRecordedV1::measurementId)
                .containsExactly(first.json().get("id").asString(), laterId);
    }

    @Test
    void aKeyReusedForADifferentReportIsAConflict() {
        String key = "key-" + UUID.randomUUID();
        report("12.5", "2023-09-30", key);
        HttpJson.Response conflict = report("14", "2023-09-30", key);
        assertThat(conflict.status()).isEqualTo(409);
        assertThat(conflict.json().get("type").asString()).isEqualTo("urn:shinchoku:problem:idempotency-key-reused");
    }

    @Test
    void aKpiWhoseMeasureARevisionRetiredTakesNoMoreReports() {
        assertThat(report("12.5", "2023-09-30", "key-" + UUID.randomUUID()).status()).isEqualTo(201);
        KpiDefinedV1 sample = TestEvents.sample(Events.KPI_DEFINED);
        TestEvents.publish(SharedInfrastructure.get().bootstrapServers(), Events.KPI_DEFINED, new KpiDefinedV1(kpiId,
                sample.planId(), sample.municipalityCode(), sample.pillarCode(), sample.measureCode(), sample.measureTitle(),
                sample.departmentCode(), sample.name(), sample.unit(), sample.kind(), sample.direction(), sample.baseline(),
                sample.target(), sample.revision() + 1, null, null, null, true));

        await().until(() -> report("13", "2023-09-30", "key-" + UUID.randomUUID()).status() == 410);
        HttpJson.Response refused = report("13", "2023-09-30", "key-" + UUID.randomUUID());
        assertThat(refused.json().get("type").asString()).isEqualTo("urn:shinchoku:problem:kpi-retired");
        assertThat(refused.json().get("detail").asString()).contains("廃止");
        assertThat(http.get("/api/kpis/" + kpiId + "/measurements").json()).hasSize(1);
    }

    @Test
    void badReportsAreProblemsAndNothingIsStored() {
        HttpJson.Response unknown = http.post("/api/kpis/no-such-kpi/measurements",
                "{\"value\": 1, \"measuredOn\": \"2023-09-30\"}");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().get("title").asString()).isEqualTo("評価指標が見つかりません");

        HttpJson.Response notANumber = http.post("/api/kpis/" + kpiId + "/measurements",
                "{\"value\": \"たくさん\", \"measuredOn\": \"2023-09-30\"}");
        assertThat(notANumber.status()).isEqualTo(400);
        assertThat(notANumber.contentType()).startsWith("application/problem+json");

        HttpJson.Response future = report("12", "2023-10-03", null);
        assertThat(future.status()).isEqualTo(400);
        assertThat(future.json().get("reason").asString()).isEqualTo("FUTURE_DATE");
        assertThat(future.json().get("detail").asString()).contains("未来");

        HttpJson.Response over100 = report("120", "2023-09-30", null);
        assertThat(over100.status()).isEqualTo(400);
        assertThat(over100.json().get("reason").asString()).isEqualTo("OUT_OF_RANGE");

        assertThat(http.get("/api/kpis/" + kpiId + "/measurements").json().size()).isZero();
    }

    private HttpJson.Response report(String value, String measuredOn, String key) {
        String body = "{\"value\": " + value + ", \"measuredOn\": \"" + measuredOn + "\", \"comment\": \"9月末時点\"}";
        return key == null ? http.post("/api/kpis/" + kpiId + "/measurements", body)
                : http.post("/api/kpis/" + kpiId + "/measurements", body, Map.of("Idempotency-Key", key));
    }
}
