package jp.shinchoku.measurement.years;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import jp.shinchoku.contracts.Events;
import jp.shinchoku.contracts.Topics;
import jp.shinchoku.contracts.measurement.MeasurementRejectedV1;
import jp.shinchoku.contracts.measurement.MeasurementReportedV1;
import jp.shinchoku.contracts.plan.PlanReviewedV1;
import jp.shinchoku.measurement.TestKpis;
import jp.shinchoku.measurement.TestKpis.Kpi;
import jp.shinchoku.testsupport.EventProbe;
import jp.shinchoku.testsupport.HttpJson;
import jp.shinchoku.testsupport.MovableClock;
import jp.shinchoku.testsupport.SharedInfrastructure;
import jp.shinchoku.testsupport.ShinchokuServiceTest;
import jp.shinchoku.testsupport.TestEvents;
import jp.shinchoku.testsupport.TestTokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import tools.jackson.databind.JsonNode;

/**
 * 年度締め of 令和6年度: refused while the year runs; held back by a KPI nobody reported unless a reason is given;
 * once closed, the year takes no report and no correction over REST or Kafka (409 {@code period-closed},
 * {@code measurement.rejected.v1} with {@code PERIOD_CLOSED}) while the next year does; closing it again is 409,
 * reopening it needs a reason, and a reopened year takes reports again. Each close and reopening is in the audit trail.
 */
@ShinchokuServiceTest
@Import(FiscalYearClosingTest.Time.class)
class FiscalYearClosingTest {

    @TestConfiguration
    static class Time {
        @Bean
        MovableClock clock() {
            return MovableClock.at(LocalDate.of(2025, 3, 10));
        }
    }

    @LocalServerPort
    int port;

    @Autowired
    MovableClock clock;

    final String kafka = SharedInfrastructure.get().bootstrapServers();
    final TestKpis plan = new TestKpis();
    HttpJson http;
    EventProbe probe;

    @BeforeEach
    void open() {
        http = HttpJson.onPort(port);
        probe = EventProbe.open(kafka, Topics.MEASUREMENT_REJECTIONS.name());
    }

    @AfterEach
    void close() {
        probe.close();
    }

    @Test
    void aClosedYearRefusesReportsAndCorrectionsOnEveryChannelUntilItIsReopened() {
        String apps = plan.define(http, Kpi.count("apps", "somu", "0", "100"));
        String forms = plan.define(http, Kpi.count("forms", "somu", "0", "100"));
        String reported = report(apps, "40", "2024-12-31", 201).get("id").asString();
        String year = "/api/plans/" + plan.planId() + "/fiscal-years/2024";

        JsonNode running = http.post(year + "/close", "{\"reason\": \"早めに\"}").json();
        assertThat(running.get("status").asInt()).isEqualTo(409);
        assertThat(running.get("type").asString()).endsWith("fiscal-year-not-ended");

        clock.moveTo(LocalDate.of(2025, 4, 15));
        JsonNode state = http.get(year).json();
        assertThat(state.get("closed").asBoolean()).isFalse();
        assertThat(state.get("label").asString()).isEqualTo("令和6年度");
        assertThat(state.get("blockers").valueStream().map(b -> b.get("kpiId").asString())).containsExactly(forms);

        HttpJson.Response blocked = http.post(year + "/close", "{}");
        assertThat(blocked.status()).isEqualTo(409);
        assertThat(blocked.json().get("detail").asString()).contains("令和6年度", "1件");
        assertThat(blocked.json().get("blockers").get(0).get("kpiId").asString()).isEqualTo(forms);
        assertThat(http.get(year).json().get("closed").asBoolean()).as("nothing half-written").isFalse();

        JsonNode closed = http.post(year + "/close", "{\"reason\": \"様式数は次年度に報告\"}").json();
        assertThat(closed.get("closed").asBoolean()).isTrue();
        assertThat(closed.get("history").get(0).get("action").asString()).isEqualTo("CLOSED");
        assertThat(closed.get("history").get(0).get("reason").asString()).isEqualTo("様式数は次年度に報告");

        // REST: a report and a correction of the closed year are refused, the next year's report is taken
        JsonNode refused = report(forms, "5", "2025-03-31", 409);
        assertThat(refused.get("reason").asString()).isEqualTo("PERIOD_CLOSED");
        assertThat(refused.get("detail").asString()).contains("令和6年度", "年度締め");
        JsonNode correction = http.post("/api/kpis/" + apps + "/measurements/" + reported + "/corrections",
                "{\"value\": 45, \"reason\": \"集計誤り\"}", Map.of("Idempotency-Key", "fix-" + apps)).json();
        assertThat(correction.get("status").asInt()).isEqualTo(409);
        assertThat(correction.get("reason").asString()).isEqualTo("PERIOD_CLOSED");
        report(apps, "55", "2025-04-10", 201);

        // Kafka: the department's system gets a rejection event
        String system = TestTokens.token("somu-system", List.of("SYSTEM"), "462233", "somu", List.of());
        String eventId = TestEvents.publishAs(kafka, system, Events.MEASUREMENT_REPORTED, new MeasurementReportedV1(forms,
                "5", "2025-03-31", null, null, "somu-system", null, null, null, null, null));
        MeasurementRejectedV1 rejection = probe.awaitEvent(Events.MEASUREMENT_REJECTED, e -> e.reportId().equals(eventId));
        assertThat(rejection.reason()).isEqualTo("PERIOD_CLOSED");

        assertThat(http.post(year + "/close", "{\"reason\": \"again\"}").status()).as("closed already").isEqualTo(409);
        assertThat(http.post(year + "/reopen", "{}").status()).as("a reopening needs a reason").isEqualTo(400);
        JsonNode reopened = http.post(year + "/reopen", "{\"reason\": \"監査の指摘で訂正\"}").json();
        assertThat(reopened.get("closed").asBoolean()).isFalse();
        assertThat(http.post("/api/kpis/" + apps + "/measurements/" + reported + "/corrections",
                "{\"value\": 45, \"reason\": \"集計誤り\"}", Map.of("Idempotency-Key", "fix2-" + apps)).status())
                .isEqualTo(201);

        JsonNode trail = http.get("/api/audit?target=" + HttpJson.encode(plan.planId() + "/FY2024")).json();
        assertThat(trail.valueStream().map(entry -> entry.get("action").asString()))
                .contains("fiscal-year.closed", "fiscal-year.reopened");
        JsonNode closing = trail.valueStream().filter(e -> e.get("action").asString().equals("fiscal-year.closed"))
                .findFirst().orElseThrow();
        assertThat(closing.at("/after/unreported").asString()).contains(forms);
        assertThat(closing.at("/after/reason").asString()).isEqualTo("様式数は次年度に報告");
        assertThat(closing.at("/after/unapproved").isMissingNode()).as("none awaited approval").isTrue();

        // the first close froze an edition; closing again after the correction freezes a second, the first unchanged
        JsonNode closedAgain = http.post(year + "/close", "{\"reason\": \"訂正を反映\"}").json();
        assertThat(closedAgain.get("closed").asBoolean()).isTrue();
        String editions = "/api/plans/" + plan.planId() + "/editions";
        List<JsonNode> frozen = http.get(editions).json().valueStream().toList();
        assertThat(frozen).extracting(e -> e.get("cause").asString()).containsExactly("CLOSED", "CLOSED");
        String first = frozen.get(0).get("id").asString();
        String second = frozen.get(1).get("id").asString();
        JsonNode asTheMeetingSawIt = http.get(editions + "/" + first).json();
        assertThat(asTheMeetingSawIt.get("asOf").asString()).isEqualTo("2025-03-31");
        assertThat(row(asTheMeetingSawIt, apps).get("value").asInt()).isEqualTo(40);
        assertThat(row(asTheMeetingSawIt, forms).get("status").asString()).isEqualTo("NO_DATA");
        assertThat(row(http.get(editions + "/" + second).json(), apps).get("value").asInt()).isEqualTo(45);
        assertThat(row(http.get(editions + "/" + first).json(), apps).get("value").asInt())
                .as("an old edition never changes").isEqualTo(40);
        List<JsonNode> compared = http.get(editions + "/compare?from=" + HttpJson.encode(first) + "&to="
                + HttpJson.encode(second)).json().valueStream().toList();
        JsonNode appsCompared = compared.stream().filter(c -> c.get("kpiId").asString().equals(apps)).findFirst()
                .orElseThrow();
        assertThat(appsCompared.get("changed").valueStream().map(JsonNode::asString)).contains("value");
        assertThat(compared.stream().filter(c -> c.get("kpiId").asString().equals(forms)).findFirst().orElseThrow()
                .get("changed")).isEmpty();
        assertThat(http.get(editions + "/" + HttpJson.encode(plan.planId() + ":FY2024:99")).status()).isEqualTo(404);

        // the plan service's 年度見直し freezes an edition too, once however often it is delivered
        PlanReviewedV1 review = new PlanReviewedV1(plan.planId(), "rev-" + plan.planId(), 2024, "令和6年度の見直し",
                "hq-tanaka", java.time.Instant.parse("2025-06-20T01:00:00Z"), List.of());
        String reviewEvent = TestEvents.publish(kafka, Events.PLAN_REVIEWED, review);
        TestEvents.publish(kafka, Events.PLAN_REVIEWED, review);
        org.awaitility.Awaitility.await().until(() -> http.get(editions).json().size() == 3);
        JsonNode reviewed = http.get(editions).json().get(2);
        assertThat(reviewed.get("cause").asString()).isEqualTo("REVIEWED");
        assertThat(reviewed.get("note").asString()).isEqualTo("令和6年度の見直し");
        TestEvents.publish(kafka, Events.PLAN_REVIEWED, review, reviewEvent);
        // a later review on the same plan (the same partition) is read after the ones before it
        TestEvents.publish(kafka, Events.PLAN_REVIEWED, new PlanReviewedV1(plan.planId(), "rev2-" + plan.planId(), 2023,
                "令和5年度の見直し", "hq-tanaka", java.time.Instant.parse("2025-06-21T01:00:00Z"), List.of()));
        org.awaitility.Awaitility.await().until(() -> http.get(editions).json().size() >= 4);
        assertThat(http.get(editions).json().valueStream().map(e -> e.get("fiscalYear").asInt()))
                .as("the first review, delivered three times, froze one edition").containsExactly(2024, 2024, 2024, 2023);
    }

    private static JsonNode row(JsonNode edition, String kpiId) {
        return edition.get("rows").valueStream().filter(r -> r.get("kpiId").asString().equals(kpiId)).findFirst()
                .orElseThrow();
    }

    private JsonNode report(String kpiId, String value, String measuredOn, int status) {
        HttpJson.Response response = http.post("/api/kpis/" + kpiId + "/measurements",
                "{\"value\": " + value + ", \"measuredOn\": \"" + measuredOn + "\"}",
                Map.of("Idempotency-Key", kpiId + "-" + measuredOn));
        assertThat(response.status()).as("report of %s", measuredOn).isEqualTo(status);
        return response.json();
    }
}
