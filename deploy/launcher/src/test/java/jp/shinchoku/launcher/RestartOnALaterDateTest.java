package jp.shinchoku.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.StreamSupport;

import jp.shinchoku.launcher.LocalSystem.Service;
import jp.shinchoku.testsupport.HttpJson;
import jp.shinchoku.testsupport.TestTokens;
import jp.shinchoku.testsupport.SharedInfrastructure;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The system started again on a later date judges progress for that date: a KPI behind its trajectory on
 * 2023-10-02 (期限接近・遅れ), the services stopped, and started again on 2024-04-15, two weeks after its deadline
 * (令和5年度末), with no report in between: the measurement service's start-up run makes it 未達, and the 推進本部 has
 * the 未達 alert while the 期限接近 alert has resolved.
 */
class RestartOnALaterDateTest {

    @Test
    void theServicesStartedPastADeadlineShowItMissed() throws IOException {
        String databases = "restart-" + UUID.randomUUID().toString().substring(0, 8) + "-";
        String kpiId;
        try (LocalSystem before = start(databases, LocalDate.parse("2023-10-02"))) {
            HttpJson plans = HttpJson.onPort(before.port(Service.PLAN));
            HttpJson measurements = HttpJson.onPort(before.port(Service.MEASUREMENT));
            HttpJson notifications = HttpJson.onPort(before.port(Service.NOTIFICATION));
            kpiId = EndToEndScenario.importPlan(plans, measurements);
            String id = kpiId;
            assertThat(measurements.post("/api/kpis/" + kpiId + "/measurements",
                    "{\"value\": 14, \"measuredOn\": \"2023-09-30\"}", Map.of("Idempotency-Key", "restart-" + kpiId))
                    .status()).isEqualTo(201);
            await().atMost(Duration.ofSeconds(60)).until(() -> rules(notifications, id, "FIRING")
                    .contains("KPI_BEHIND_NEAR_DEADLINE"));
            assertThat(measurements.get("/api/kpis/" + kpiId + "/progress").json().get("status").asString())
                    .isEqualTo("BEHIND");
        }

        try (LocalSystem after = start(databases, LocalDate.parse("2024-04-15"))) {
            HttpJson measurements = HttpJson.onPort(after.port(Service.MEASUREMENT));
            HttpJson notifications = HttpJson.onPort(after.port(Service.NOTIFICATION));
            String id = kpiId;
            JsonNode progress = measurements.get("/api/kpis/" + kpiId + "/progress").json();
            assertThat(progress.get("status").asString()).isEqualTo("MISSED");
            assertThat(progress.get("asOf").asString()).isEqualTo("2024-04-15");
            await().atMost(Duration.ofSeconds(60)).until(() -> rules(notifications, id, "FIRING").equals(List.of("KPI_MISSED")));
            assertThat(rules(notifications, kpiId, "RESOLVED")).contains("KPI_BEHIND_NEAR_DEADLINE");
            JsonNode missed = alerts(notifications, kpiId, "FIRING").getFirst();
            assertThat(missed.get("summaryJa").asString()).contains("未達").contains("令和6年3月31日");
            assertThat(missed.get("receivers").get(0).asString()).isEqualTo("promotion-hq");
        }
    }

    private static LocalSystem start(String databases, LocalDate date) {
        return LocalSystem.start(new LocalSystem.Settings(SharedInfrastructure.get().bootstrapServers(),
                SharedInfrastructure.get().mongoUri(), databases, null, date).with(TestTokens.PUBLIC_KEY_PROPERTY, TestTokens.publicKeyLocation()));
    }

    private static List<String> rules(HttpJson notifications, String kpiId, String state) {
        return alerts(notifications, kpiId, state).stream().map(a -> a.get("rule").asString()).toList();
    }

    private static List<JsonNode> alerts(HttpJson notifications, String kpiId, String state) {
        JsonNode inbox = notifications.get("/api/inbox?state=" + state).json();
        return StreamSupport.stream(inbox.spliterator(), false)
                .filter(alert -> kpiId.equals(alert.at("/labels/kpiId").asString())).toList();
    }
}
