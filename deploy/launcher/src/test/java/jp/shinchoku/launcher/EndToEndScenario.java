package jp.shinchoku.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.StreamSupport;

import jp.shinchoku.contracts.Topics;
import jp.shinchoku.launcher.LocalSystem.Service;
import jp.shinchoku.testsupport.EventProbe;
import jp.shinchoku.testsupport.HttpJson;
import jp.shinchoku.testsupport.TestTokens;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;

/**
 * The walking skeleton across the three running services: a plan is published, a department reports a value,
 * and the 推進本部 finds an alert in its inbox. The system runs on 2 October 2023, six months before the KPI's
 * deadline (令和5年度末). Subclasses say which Kafka and MongoDB it runs on.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class EndToEndScenario {

    static final LocalDate TODAY = LocalDate.parse("2023-10-02");

    private LocalSystem system;

    /** Where the services find Kafka and MongoDB. */
    abstract String kafkaBootstrapServers();

    abstract String mongoUri();

    @BeforeAll
    void startSystem() {
        system = LocalSystem.start(new LocalSystem.Settings(kafkaBootstrapServers(), mongoUri(),
                "e2e-" + UUID.randomUUID().toString().substring(0, 8) + "-", null, TODAY).with(TestTokens.PUBLIC_KEY_PROPERTY, TestTokens.publicKeyLocation()));
    }

    @AfterAll
    void stopSystem() {
        if (system != null) {
            system.close();
        }
    }

    @Test
    void aDepartmentsReportThatFallsBehindReachesThePromotionHeadquartersInbox() throws IOException {
        HttpJson plans = HttpJson.onPort(system.port(Service.PLAN));
        HttpJson measurements = HttpJson.onPort(system.port(Service.MEASUREMENT));
        HttpJson notifications = HttpJson.onPort(system.port(Service.NOTIFICATION));

        // 1. the 推進本部 publishes the plan; 2. the measurement service learns the KPI from the plan's events
        String kpiId = importPlan(plans, measurements);
        // ... and so does the notification service (the alert names the KPI by what its definition says)
        await().atMost(Duration.ofSeconds(60)).until(() -> system.bean(Service.NOTIFICATION,
                jp.shinchoku.notification.kpis.KpiWatchRepository.class).find(kpiId)
                .map(watch -> watch.name() != null).orElse(false));

        // 3. the department reports a value far behind the trajectory, in a trace of its own
        String trace = UUID.randomUUID().toString().replace("-", "");
        HttpJson.Response reported;
        try (EventProbe probe = EventProbe.open(kafkaBootstrapServers(), Topics.MEASUREMENT_EVENTS, Topics.KPI_PROGRESS,
                Topics.ALERT_EVENTS)) {
            reported = measurements.post("/api/kpis/" + kpiId + "/measurements",
                    "{\"value\": 12.5, \"measuredOn\": \"2023-09-30\", \"comment\": \"9月末時点の交付率\"}",
                    Map.of("Idempotency-Key", "chomin-2023-09-" + kpiId, "traceparent", "00-" + trace + "-00f067aa0ba902b7-01"));
            assertThat(reported.status()).isEqualTo(201);

            // 4. the 推進本部 is alerted: the deadline is within six months and the KPI is behind
            await().atMost(Duration.ofSeconds(60)).until(() -> !alertsFor(notifications, kpiId).isEmpty());
            // the report, the events it caused in two services and the alert they ended in share the report's trace
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(List.of(
                    traceOf(probe, Topics.MEASUREMENT_EVENTS.name(), record -> kpiId.equals(record.key())),
                    traceOf(probe, Topics.KPI_PROGRESS.name(), record -> kpiId.equals(record.key())),
                    traceOf(probe, Topics.ALERT_EVENTS.name(), record -> new String(record.value(), StandardCharsets.UTF_8)
                            .contains(kpiId)))).containsOnly(trace));
        }
        JsonNode alert = alertsFor(notifications, kpiId).getFirst();
        assertThat(alert.get("receivers").get(0).asString()).isEqualTo("promotion-hq");
        assertThat(alert.get("state").asString()).isEqualTo("FIRING");
        assertThat(alert.get("rule").asString()).isEqualTo("KPI_BEHIND_NEAR_DEADLINE");
        assertThat(alert.at("/labels/departmentCode").asString()).isEqualTo("chomin");
        assertThat(alert.get("summaryJa").asString())
                .contains("マイナンバーカードの普及率").contains("遅れ").contains("令和6年3月31日");
        assertThat(measurements.get("/api/kpis/" + kpiId + "/progress").json().get("status").asString())
                .isEqualTo("BEHIND");
    }

    @Test
    void aTargetSetByRevisionForAnUndefinedKpiReachesMeasurementAndNotification() throws IOException {
        HttpJson plans = HttpJson.onPort(system.port(Service.PLAN));
        HttpJson measurements = HttpJson.onPort(system.port(Service.MEASUREMENT));
        HttpJson notifications = HttpJson.onPort(system.port(Service.NOTIFICATION));

        // 1. the plan leaves the target undefined (未設定); the department reports anyway
        HttpJson.Response plan = plans.post("/api/plans", resource("/e2e-plan-undefined.json"));
        assertThat(plan.status()).isEqualTo(201);
        String planId = plan.json().get("id").asString();
        String kpiId = plan.json().at("/pillars/0/measures/0/kpis/0/id").asString();
        await().atMost(Duration.ofSeconds(60))
                .until(() -> measurements.get("/api/kpis/" + kpiId + "/progress").status() == 200);
        assertThat(measurements.post("/api/kpis/" + kpiId + "/measurements",
                "{\"value\": 3, \"measuredOn\": \"2023-09-30\"}", Map.of("Idempotency-Key", "joho-2023-09-" + kpiId))
                .status()).isEqualTo(201);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(
                measurements.get("/api/kpis/" + kpiId + "/progress").json().get("latestValue").asInt()).isEqualTo(3));
        assertThat(measurements.get("/api/kpis/" + kpiId + "/progress").json().get("status").asString())
                .isEqualTo("TARGET_UNDEFINED");
        // its target was to be decided by 令和5年9月: the 推進本部 is told it is still 未設定
        await().atMost(Duration.ofSeconds(60)).until(() -> alertsFor(notifications, kpiId).stream()
                .anyMatch(a -> a.get("rule").asString().equals("TARGET_UNDECIDED")));

        // 2. the 推進本部 sets the target by revision: 40 procedures by the end of 令和5年度
        HttpJson.Response revised = plans.post("/api/plans/" + planId + "/revisions", """
                {"revisedBy": "情報化推進本部", "reason": "目標値の決定（スケジュールどおり）",
                 "changes": [{"type": "set-target", "kpi": "%s", "kind": "count", "direction": "increase",
                              "target": {"value": 40, "due": "令和5年度末"}}]}""".formatted(kpiId));
        assertThat(revised.status()).isEqualTo(201);

        // 3. the measurement service recomputes against the new target, and the notification service alerts
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(
                measurements.get("/api/kpis/" + kpiId + "/progress").json().get("status").asString()).isEqualTo("BEHIND"));
        await().atMost(Duration.ofSeconds(60)).until(() -> alertsFor(notifications, kpiId).stream()
                .anyMatch(a -> a.get("rule").asString().equals("KPI_BEHIND_NEAR_DEADLINE")));
        JsonNode alert = alertsFor(notifications, kpiId).stream()
                .filter(a -> a.get("rule").asString().equals("KPI_BEHIND_NEAR_DEADLINE")).findFirst().orElseThrow();
        assertThat(alert.at("/labels/departmentCode").asString()).isEqualTo("johoseisaku");
        await().atMost(Duration.ofSeconds(60)).until(() -> alertsFor(notifications, kpiId).stream()
                .filter(a -> a.get("rule").asString().equals("TARGET_UNDECIDED"))
                .allMatch(a -> a.get("state").asString().equals("RESOLVED")));
        assertThat(alert.get("summaryJa").asString()).contains("オンライン化された手続数").contains("令和6年3月31日");
    }

    /** The trace id of the first record on the topic that matches. */
    private static String traceOf(EventProbe probe, String topic, Predicate<ConsumerRecord<String, byte[]>> matching) {
        return probe.on(topic).stream().filter(matching).findFirst()
                .map(record -> EventProbe.header(record, "traceparent")).map(header -> header.substring(3, 35))
                .orElse("none on " + topic);
    }

    private static List<JsonNode> alertsFor(HttpJson notifications, String kpiId) {
        JsonNode inbox = notifications.get("/api/inbox?receiver=promotion-hq").json();
        return StreamSupport.stream(inbox.spliterator(), false)
                .filter(alert -> kpiId.equals(alert.at("/labels/kpiId").asString()))
                .toList();
    }

    /** Imports the scenario's plan and waits until the measurement service knows its KPI; returns the KPI's id. */
    static String importPlan(HttpJson plans, HttpJson measurements) throws IOException {
        HttpJson.Response plan = plans.post("/api/plans", resource("/e2e-plan.json"));
        assertThat(plan.status()).isEqualTo(201);
        String kpiId = plan.json().at("/pillars/0/measures/0/kpis/0/id").asString();
        await().atMost(Duration.ofSeconds(60))
                .until(() -> measurements.get("/api/kpis/" + kpiId + "/progress").status() == 200);
        return kpiId;
    }

    static String resource(String name) throws IOException {
        try (InputStream in = EndToEndScenario.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
