package jp.shinchoku.measurement.measurements;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import io.micrometer.core.instrument.MeterRegistry;
import jp.shinchoku.contracts.CloudEventHeaders;
import jp.shinchoku.contracts.Events;
import jp.shinchoku.contracts.Topics;
import jp.shinchoku.contracts.measurement.MeasurementRecordedV1;
import jp.shinchoku.contracts.measurement.MeasurementRejectedV1;
import jp.shinchoku.contracts.measurement.MeasurementReportedV1;
import jp.shinchoku.measurement.TestKpis.Kpi;
import jp.shinchoku.measurement.TestKpis;
import jp.shinchoku.testsupport.EventProbe;
import jp.shinchoku.testsupport.HttpJson;
import jp.shinchoku.testsupport.PoisonRecords;
import jp.shinchoku.testsupport.SharedInfrastructure;
import jp.shinchoku.testsupport.ShinchokuServiceTest;
import jp.shinchoku.testsupport.TestEvents;
import jp.shinchoku.testsupport.TestTokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** Departments' own systems report over Kafka: accepted once, answered with a rejection, or dead-lettered. */
@ShinchokuServiceTest(properties = "shinchoku.clock.start-date=2024-11-25")
@ExtendWith(OutputCaptureExtension.class)
class ReportIngressTest {

    @LocalServerPort
    int port;

    @Autowired
    MeterRegistry meters;

    final String kafka = SharedInfrastructure.get().bootstrapServers();
    HttpJson http;
    EventProbe probe;
    TestKpis plan = new TestKpis();

    @BeforeEach
    void open() {
        http = HttpJson.onPort(port);
        probe = EventProbe.open(kafka, Topics.MEASUREMENT_EVENTS.name(), Topics.MEASUREMENT_REJECTIONS.name(),
                Topics.MEASUREMENT_REPORTS.deadLetter());
    }

    @AfterEach
    void close() {
        probe.close();
    }

    @Test
    void aReportIsRecordedOnceHoweverOftenItIsDelivered() {
        String kpi = plan.define(http, Kpi.percentage("rate", "shimin", "30", "90"));
        MeasurementReportedV1 report = new MeasurementReportedV1(kpi, "52.5", "令和6年9月30日", "FY2024-Q2",
                "住基システムから連携", "shimin-system", null, null, null);

        // the department's system signs in; its token names who reported
        String system = TestTokens.token("shimin-system", List.of("SYSTEM"), "462233", "shimin", List.of());
        String eventId = TestEvents.publishAs(kafka, system, Events.MEASUREMENT_REPORTED, report);
        TestEvents.publishAs(kafka, system, Events.MEASUREMENT_REPORTED, report, eventId);

        MeasurementRecordedV1 recorded = probe.awaitEvent(Events.MEASUREMENT_RECORDED, e -> e.kpiId().equals(kpi));
        assertThat(recorded.value()).isEqualByComparingTo("52.5");
        assertThat(recorded.measuredOn()).hasToString("2024-09-30");
        assertThat(recorded.period()).isEqualTo("FY2024-Q2");
        assertThat(recorded.reportedBy()).isEqualTo("shimin-system");
        await().untilAsserted(() -> assertThat(http.get("/api/kpis/" + kpi + "/progress").json().get("latestValue"))
                .isNotNull());
        assertThat(http.get("/api/kpis/" + kpi + "/measurements").json()).hasSize(1);
        // the token was checked once and remembered after: the breakdown of a report's time names the check
        assertThat(meters.get("shinchoku.ingress.token.check").tag("outcome", "verified").timer().count())
                .as("the check is timed").isPositive();
        assertThat(meters.get("shinchoku.ingress.token.check").tag("outcome", "remembered").timer().count())
                .isPositive();
    }

    @Test
    void numbersAndBooleansMayBeSentAsJsonScalars() {
        String rate = plan.define(http, Kpi.percentage("rate", "shimin", "30", "90"));
        String realized = plan.define(http, Kpi.realized("cashless", "kaikei"));

        PoisonRecords.send(kafka, Topics.MEASUREMENT_REPORTS.name(), rate, "measurement.reported.v1",
                "{\"kpiId\": \"" + rate + "\", \"value\": 61.25, \"measuredOn\": \"2024/10/31\"}");
        PoisonRecords.send(kafka, Topics.MEASUREMENT_REPORTS.name(), realized, "measurement.reported.v1",
                "{\"kpiId\": \"" + realized + "\", \"value\": true, \"measuredOn\": \"2024-11-01\"}");

        assertThat(probe.awaitEvent(Events.MEASUREMENT_RECORDED, e -> e.kpiId().equals(rate)).value())
                .isEqualByComparingTo("61.25");
        MeasurementRecordedV1 yes = probe.awaitEvent(Events.MEASUREMENT_RECORDED, e -> e.kpiId().equals(realized));
        assertThat(yes.value()).isEqualByComparingTo("1");
        assertThat(yes.period()).isEqualTo("FY2024-Q3");
    }

    @Test
    void aReportIsCheckedLikeARestCallAndOnlyTheKpisOwnDepartmentMayReportIt(CapturedOutput output) {
        String kpi = plan.define(http, Kpi.percentage("rate", "shimin", "30", "90"));
        MeasurementReportedV1 report = new MeasurementReportedV1(kpi, "52.5", "2024-09-30", null, null, null, null,
                null, null);
        String otherDepartment = TestTokens.token("zeimu-system", List.of("SYSTEM"), "462233", "zeimu", List.of());
        String otherMunicipality = TestTokens.token("shimin-system", List.of("SYSTEM"), "999999", "shimin", List.of());
        String expired = TestTokens.expired("shimin-system", List.of("SYSTEM"), "462233");
        String own = TestTokens.system("462233", "shimin");
        String forged = own.substring(0, own.lastIndexOf('.') + 1) + "AAAA" + own.substring(own.lastIndexOf('.') + 5);

        String unsigned = TestEvents.publishAs(kafka, null, Events.MEASUREMENT_REPORTED, report);
        String stale = TestEvents.publishAs(kafka, expired, Events.MEASUREMENT_REPORTED, report);
        String tampered = TestEvents.publishAs(kafka, forged, Events.MEASUREMENT_REPORTED, report);
        String notOwned = TestEvents.publishAs(kafka, otherDepartment, Events.MEASUREMENT_REPORTED, report);
        String elsewhere = TestEvents.publishAs(kafka, otherMunicipality, Events.MEASUREMENT_REPORTED, report);
        TestEvents.publishAs(kafka, own, Events.MEASUREMENT_REPORTED, report);

        for (String reportId : List.of(unsigned, stale, tampered)) {
            MeasurementRejectedV1 rejected = probe.awaitEvent(Events.MEASUREMENT_REJECTED, e -> reportId.equals(e.reportId()));
            assertThat(rejected.reason()).isEqualTo("UNAUTHENTICATED");
            assertThat(rejected.report()).as("the report is kept whole, to be sent again").isEqualTo(report);
        }
        MeasurementRejectedV1 rejected = probe.awaitEvent(Events.MEASUREMENT_REJECTED, e -> notOwned.equals(e.reportId()));
        assertThat(rejected.reason()).isEqualTo("NOT_ASSIGNED");
        assertThat(rejected.messageJa()).contains("担当");
        assertThat(probe.awaitEvent(Events.MEASUREMENT_REJECTED, e -> elsewhere.equals(e.reportId())).reason())
                .as("another municipality's KPI does not exist for the caller").isEqualTo("UNKNOWN_KPI");
        MeasurementRecordedV1 recorded = probe.awaitEvent(Events.MEASUREMENT_RECORDED, e -> e.kpiId().equals(kpi));
        assertThat(recorded.reportedBy()).as("who reported: the token's subject").isEqualTo("system-shimin@462233");
        assertThat(http.get("/api/kpis/" + kpi + "/measurements").json()).as("only the owner's report").hasSize(1);
        // no token, valid or not, reaches a log line
        for (String token : List.of(otherDepartment, otherMunicipality, expired, forged, own)) {
            assertThat(output.getAll()).doesNotContain(token.substring(token.lastIndexOf('.') + 1));
        }
        assertThat(output.getAll()).doesNotContain("Bearer ey");
    }

    @Test
    void anInvalidReportIsAnsweredWithARejectionAndTheNextIsRead() {
        String kpi = plan.define(http, Kpi.percentage("rate", "shimin", "30", "90"));
        MeasurementReportedV1 bad = new MeasurementReportedV1(kpi, "150", "2024-09-30", null, null, "shimin-system",
                null, null, null);
        MeasurementReportedV1 unknown = new MeasurementReportedV1("pln-none.9-9.x", "1", "2024-09-30", null, null,
                null, null, null, null);
        MeasurementReportedV1 good = new MeasurementReportedV1(kpi, "55", "2024-09-30", null, null, null, null, null, null);

        String badId = TestEvents.publish(kafka, Events.MEASUREMENT_REPORTED, bad);
        TestEvents.publish(kafka, Events.MEASUREMENT_REPORTED, bad, badId);
        TestEvents.publish(kafka, Events.MEASUREMENT_REPORTED, unknown);
        TestEvents.publish(kafka, Events.MEASUREMENT_REPORTED, good);

        MeasurementRejectedV1 rejected = probe.awaitEvent(Events.MEASUREMENT_REJECTED, e -> badId.equals(e.reportId()));
        assertThat(rejected.reason()).isEqualTo("OUT_OF_RANGE");
        assertThat(rejected.messageJa()).contains("0から100");
        assertThat(rejected.messageEn()).contains("between 0 and 100");
        assertThat(rejected.report()).isEqualTo(bad);
        assertThat(rejected.kpiId()).isEqualTo(kpi);
        assertThat(probe.awaitEvent(Events.MEASUREMENT_REJECTED, e -> "pln-none.9-9.x".equals(e.kpiId())).reason())
                .isEqualTo("UNKNOWN_KPI");
        assertThat(probe.awaitEvent(Events.MEASUREMENT_RECORDED, e -> e.kpiId().equals(kpi)).value())
                .isEqualByComparingTo("55");
        assertThat(probe.events(Events.MEASUREMENT_REJECTED).stream().filter(e -> badId.equals(e.reportId())))
                .as("a redelivered report is rejected once").hasSize(1);
    }

    @Test
    void anUnreadableReportIsDeadLetteredAndTheNextIsRead() {
        String kpi = plan.define(http, Kpi.count("apps", "johoseisaku", "100", "1000"));
        String poisonKey = "poison-" + UUID.randomUUID();

        PoisonRecords.send(kafka, Topics.MEASUREMENT_REPORTS.name(), poisonKey, "measurement.reported.v1",
                "{\"kpiId\": {\"nested\": true}");
        TestEvents.publish(kafka, Events.MEASUREMENT_REPORTED,
                new MeasurementReportedV1(kpi, "450", "2024-09-30", null, null, null, null, null, null));

        await().untilAsserted(() -> assertThat(probe.on(Topics.MEASUREMENT_REPORTS.deadLetter()))
                .anySatisfy(r -> assertThat(r.key()).isEqualTo(poisonKey)));
        var parked = probe.on(Topics.MEASUREMENT_REPORTS.deadLetter()).stream()
                .filter(r -> r.key().equals(poisonKey)).findFirst().orElseThrow();
        assertThat(EventProbe.header(parked, CloudEventHeaders.TYPE)).isEqualTo("measurement.reported.v1");
        assertThat(probe.awaitEvent(Events.MEASUREMENT_RECORDED, e -> e.kpiId().equals(kpi)).value())
                .isEqualByComparingTo("450");
    }

    @Test
    void theJsonSchemaIsPublishedAndDescribesExactlyTheReport() {
        HttpJson.Response schema = http.get("/api/schemas/measurement.reported.v1");

        assertThat(schema.status()).isEqualTo(200);
        assertThat(schema.contentType()).startsWith("application/schema+json");
        JsonNode json = schema.json();
        assertThat(json.get("properties").propertyNames()).containsExactlyInAnyOrderElementsOf(
                Arrays.stream(MeasurementReportedV1.class.getRecordComponents()).map(RecordComponent::getName).toList());
        assertThat(json.get("required").valueStream().map(JsonNode::asString)).containsExactly("kpiId", "measuredOn");
        assertThat(json.at("/anyOf/0/required/0").asString()).as("a value, or a numerator and denominator").isEqualTo("value");
        assertThat(json.at("/anyOf/1/required").valueStream().map(JsonNode::asString))
                .containsExactly("numerator", "denominator");
        assertThat(http.get("/api/schemas/plan.secret.v1").status()).isEqualTo(404);
    }
}
