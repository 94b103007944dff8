package jp.shinchoku.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jp.shinchoku.launcher.LocalSystem.Service;
import jp.shinchoku.testsupport.HttpJson;
import jp.shinchoku.testsupport.SharedInfrastructure;
import jp.shinchoku.testsupport.TestTokens;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Closing a fiscal year across the three services, as its people do it, on 20 April 2024 (令和5年度 has ended): the
 * town's 推進本部 approves reports; 町民課 reports the year's value, the 推進本部 returns it with a reason (the return
 * reaches 町民課's inbox) and 町民課 corrects it (the return resolves); the close is held back until the correction
 * is approved, then freezes an edition; a report of the closed year is refused; the year is reopened with a reason, a
 * value corrected and approved, and the year closed again: a second edition, the first unchanged, the two compared.
 */
class ClosingTheYearTest {

    private static final String TOWN = "テスト町";

    @Test
    void approvalReturnResubmitCloseRefusedReopenAndANewEdition() throws IOException {
        try (LocalSystem system = LocalSystem.start(new LocalSystem.Settings(SharedInfrastructure.get().bootstrapServers(),
                SharedInfrastructure.get().mongoUri(), "closing-" + UUID.randomUUID().toString().substring(0, 8) + "-",
                null, LocalDate.parse("2024-04-20")).with(TestTokens.PUBLIC_KEY_PROPERTY, TestTokens.publicKeyLocation()))) {
            HttpJson plans = HttpJson.onPort(system.port(Service.PLAN));
            HttpJson admin = HttpJson.onPort(system.port(Service.MEASUREMENT));
            HttpJson hq = admin.as(TestTokens.hq(TOWN));
            HttpJson chomin = admin.as(TestTokens.department(TOWN, "chomin"));
            HttpJson inbox = HttpJson.onPort(system.port(Service.NOTIFICATION));
            String kpiId = EndToEndScenario.importPlan(plans, admin);
            String planId = kpiId.substring(0, kpiId.indexOf('.'));
            String year = "/api/plans/" + planId + "/fiscal-years/2023";

            assertThat(hq.put("/api/municipalities/" + HttpJson.encode(TOWN) + "/approval", "{\"required\": true}")
                    .status()).isEqualTo(200);
            String first = report(chomin, kpiId, "18.5", "2024-03-31", 201).get("id").asString();
            assertThat(hq.get("/api/kpis/" + kpiId + "/progress").json().get("provisional").asBoolean()).isTrue();

            // 差戻し reaches 町民課's inbox; its correction answers it
            assertThat(hq.post("/api/measurements/" + first + "/review",
                    "{\"decision\": \"RETURNED\", \"reason\": \"3月末の交付枚数で算出してください\"}").status()).isEqualTo(200);
            // (the alert names the KPI once its definition has reached the notification service: the same alert)
            await().atMost(Duration.ofSeconds(60)).until(() -> returned(inbox, "FIRING")
                    .map(alert -> alert.get("summaryJa").asString()).filter(s -> s.contains("マイナンバーカードの普及率"))
                    .isPresent());
            assertThat(returned(inbox, "FIRING").orElseThrow().get("summaryJa").asString())
                    .contains("3月末の交付枚数で算出してください");
            String corrected = chomin.post("/api/kpis/" + kpiId + "/measurements/" + first + "/corrections",
                    "{\"value\": 19.2, \"reason\": \"3月末の交付枚数で再計算\"}", Map.of("Idempotency-Key", "fix-" + first))
                    .json().get("id").asString();
            await().atMost(Duration.ofSeconds(60)).until(() -> returned(inbox, "RESOLVED").isPresent());

            // the close waits for the approval
            JsonNode blocked = hq.post(year + "/close", "{}").json();
            assertThat(blocked.get("status").asInt()).isEqualTo(409);
            assertThat(blocked.get("blockers").get(0).get("reason").asString()).isEqualTo("UNAPPROVED");
            assertThat(hq.post("/api/measurements/" + corrected + "/review", "{\"decision\": \"APPROVED\"}").status())
                    .isEqualTo(200);
            assertThat(hq.post(year + "/close", "{}").json().get("closed").asBoolean()).isTrue();

            // the closed year refuses reports
            JsonNode refused = report(chomin, kpiId, "19.9", "2024-03-30", 409);
            assertThat(refused.get("reason").asString()).isEqualTo("PERIOD_CLOSED");

            // reopened with a reason, corrected and approved, closed again: a new edition, the first unchanged
            assertThat(hq.post(year + "/reopen", "{\"reason\": \"監査で交付枚数の誤りが判明\"}").status()).isEqualTo(200);
            String fixed = chomin.post("/api/kpis/" + kpiId + "/measurements/" + corrected + "/corrections",
                    "{\"value\": 19.6, \"reason\": \"監査の指摘\"}", Map.of("Idempotency-Key", "fix-" + corrected))
                    .json().get("id").asString();
            hq.post("/api/measurements/" + fixed + "/review", "{\"decision\": \"APPROVED\"}");
            assertThat(hq.post(year + "/close", "{}").json().get("closed").asBoolean()).isTrue();

            List<JsonNode> editions = hq.get("/api/plans/" + planId + "/editions").json().valueStream().toList();
            assertThat(editions).hasSize(2);
            JsonNode before = hq.get("/api/plans/" + planId + "/editions/" + HttpJson.encode(editions.get(0).get("id").asString()))
                    .json().get("rows").get(0);
            JsonNode after = hq.get("/api/plans/" + planId + "/editions/" + HttpJson.encode(editions.get(1).get("id").asString()))
                    .json().get("rows").get(0);
            assertThat(before.get("value").decimalValue()).isEqualByComparingTo("19.2");
            assertThat(after.get("value").decimalValue()).isEqualByComparingTo("19.6");
            JsonNode compared = hq.get("/api/plans/" + planId + "/editions/compare?from="
                    + HttpJson.encode(editions.get(0).get("id").asString()) + "&to="
                    + HttpJson.encode(editions.get(1).get("id").asString())).json().get(0);
            assertThat(compared.get("changed").valueStream().map(JsonNode::asString)).contains("value");
        }
    }

    private static JsonNode report(HttpJson as, String kpiId, String value, String measuredOn, int status) {
        HttpJson.Response response = as.post("/api/kpis/" + kpiId + "/measurements",
                "{\"value\": " + value + ", \"measuredOn\": \"" + measuredOn + "\"}",
                Map.of("Idempotency-Key", kpiId + "-" + measuredOn + "-" + value));
        assertThat(response.status()).as("report of %s", measuredOn).isEqualTo(status);
        return response.json();
    }

    private static Optional<JsonNode> returned(HttpJson notifications, String state) {
        return notifications.get("/api/inbox?receiver=department:chomin&state=" + state).json().valueStream()
                .filter(alert -> "REPORT_RETURNED".equals(alert.get("rule").asString())).findFirst();
    }
}
