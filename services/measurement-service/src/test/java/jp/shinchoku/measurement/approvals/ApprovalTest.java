package jp.shinchoku.measurement.approvals;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import jp.shinchoku.contracts.Events;
import jp.shinchoku.contracts.Topics;
import jp.shinchoku.contracts.measurement.MeasurementRecordedV1;
import jp.shinchoku.contracts.measurement.MeasurementReviewedV1;
import jp.shinchoku.measurement.TestKpis;
import jp.shinchoku.measurement.TestKpis.Kpi;
import jp.shinchoku.testsupport.EventProbe;
import jp.shinchoku.testsupport.HttpJson;
import jp.shinchoku.testsupport.SharedInfrastructure;
import jp.shinchoku.testsupport.ShinchokuServiceTest;
import jp.shinchoku.testsupport.TestTokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * 承認・差戻し where the municipality's 推進本部 chose to approve reports: a department's report is submitted (提出済)
 * and counts at once as provisional; the 推進本部 approves it, or returns it with a reason, and the department
 * answers with a correction; a department's period can be approved at once; a report awaiting approval holds a
 * year's close back. Where no choice was made, reports are taken as they come.
 */
@ShinchokuServiceTest(properties = "shinchoku.clock.start-date=2025-04-20")
class ApprovalTest {

    private static final String TOWN = "462233";

    @LocalServerPort
    int port;

    final TestKpis plan = new TestKpis();
    HttpJson admin;
    HttpJson hq;
    HttpJson somu;
    EventProbe probe;

    @BeforeEach
    void open() {
        admin = HttpJson.onPort(port);
        hq = admin.as(TestTokens.hq(TOWN));
        somu = admin.as(TestTokens.department(TOWN, "somu"));
        probe = EventProbe.open(SharedInfrastructure.get().bootstrapServers(), Topics.MEASUREMENT_EVENTS.name());
    }

    @AfterEach
    void close() {
        probe.close();
        hq.put("/api/municipalities/" + TOWN + "/approval", "{\"required\": false}");
    }

    @Test
    void aSubmittedReportIsProvisionalUntilApprovedAndAReturnedOneIsAnsweredWithACorrection() {
        String apps = plan.define(admin, Kpi.count("apps", "somu", "0", "100"));
        String forms = plan.define(admin, Kpi.count("forms", "somu", "0", "100"));
        assertThat(hq.get("/api/municipalities/" + TOWN + "/approval").json().get("required").asBoolean()).isFalse();
        String taken = report(apps, "10", "2024-06-30");
        assertThat(progress(apps).get("provisional").asBoolean()).as("no approval chosen yet").isFalse();
        assertThat(awaiting()).isEmpty();

        assertThat(somu.put("/api/municipalities/" + TOWN + "/approval", "{\"required\": true}").status())
                .as("a department does not choose").isEqualTo(403);
        JsonNode chosen = hq.put("/api/municipalities/" + TOWN + "/approval", "{\"required\": true}").json();
        assertThat(chosen.get("required").asBoolean()).isTrue();
        assertThat(chosen.get("chosen").asBoolean()).isTrue();

        String first = report(apps, "40", "2024-12-31");
        MeasurementRecordedV1 recorded = probe.awaitEvent(Events.MEASUREMENT_RECORDED, e -> e.measurementId().equals(first));
        assertThat(recorded.awaitingApproval()).isTrue();
        JsonNode progress = progress(apps);
        assertThat(progress.get("latestValue").asInt()).as("counted at once").isEqualTo(40);
        assertThat(progress.get("provisional").asBoolean()).isTrue();
        assertThat(awaiting()).extracting(m -> m.get("measurementId").asString()).containsExactly(first);
        assertThat(awaiting().getFirst().get("kpiName").asString()).isEqualTo("オンライン申請件数");

        assertThat(review(somu, first, "APPROVED", null).status()).as("a department does not approve").isEqualTo(403);
        assertThat(review(admin.as(TestTokens.hq("152048")), first, "APPROVED", null).status())
                .as("another municipality's report does not exist for it").isEqualTo(404);
        assertThat(review(hq, taken, "APPROVED", null).status()).as("taken without approval").isEqualTo(409);
        assertThat(review(hq, first, "MAYBE", null).status()).isEqualTo(400);
        assertThat(review(hq, first, "APPROVED", null).status()).isEqualTo(200);
        assertThat(review(hq, first, "RETURNED", "again").status()).as("decided once").isEqualTo(409);
        assertThat(progress(apps).get("provisional").asBoolean()).isFalse();
        assertThat(probe.awaitEvent(Events.MEASUREMENT_REVIEWED, e -> e.measurementId().equals(first)).decision())
                .isEqualTo("APPROVED");

        // 差戻し: a reason is required; the department corrects the report, and the correction awaits approval
        String second = report(forms, "3", "2024-12-31");
        HttpJson.Response noReason = review(hq, second, "RETURNED", " ");
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(noReason.json().get("detail").asString()).contains("理由");
        assertThat(review(hq, second, "RETURNED", "様式数の定義を確認してください").status()).isEqualTo(200);
        MeasurementReviewedV1 returned = probe.awaitEvent(Events.MEASUREMENT_REVIEWED,
                e -> e.measurementId().equals(second));
        assertThat(returned.decision()).isEqualTo("RETURNED");
        assertThat(returned.reason()).isEqualTo("様式数の定義を確認してください");
        assertThat(returned.departmentCode()).isEqualTo("somu");
        assertThat(returned.municipalityCode()).isEqualTo(TOWN);
        // the department reads what was returned to it, with why, by whom and when; the 推進本部 reads it too
        String returnedPath = "/api/plans/" + plan.planId() + "/departments/somu/returned";
        JsonNode toAnswer = somu.get(returnedPath).json();
        assertThat(toAnswer.valueStream().map(r -> r.get("measurementId").asString())).containsExactly(second);
        assertThat(toAnswer.get(0).get("kpiId").asString()).isEqualTo(forms);
        assertThat(toAnswer.get(0).get("reason").asString()).isEqualTo("様式数の定義を確認してください");
        assertThat(toAnswer.get(0).get("returnedBy").asString()).isNotBlank();
        assertThat(toAnswer.get(0).get("returnedAt").asString()).isNotBlank();
        assertThat(toAnswer.get(0).get("periodLabel").asString()).isEqualTo("令和6年度第3四半期");
        assertThat(toAnswer.get(0).get("value").asInt()).isEqualTo(3);
        assertThat(hq.get(returnedPath).json()).hasSize(1);
        assertThat(admin.as(TestTokens.department(TOWN, "shimin")).get(returnedPath).status())
                .as("another department's returns").isEqualTo(403);
        assertThat(admin.as(TestTokens.department(TOWN, "shimin"))
                .get("/api/plans/" + plan.planId() + "/departments/shimin/returned").json()).isEmpty();
        assertThat(admin.as(TestTokens.hq("152048")).get(returnedPath).status()).isEqualTo(404);
        String corrected = somu.post("/api/kpis/" + forms + "/measurements/" + second + "/corrections",
                "{\"value\": 5, \"reason\": \"定義に合わせて再集計\"}", Map.of("Idempotency-Key", "fix-" + second))
                .json().get("id").asString();
        assertThat(awaiting()).extracting(m -> m.get("measurementId").asString()).containsExactly(corrected);
        assertThat(somu.get(returnedPath).json()).as("answered by the correction").isEmpty();

        // a year holds its close back while one of its reports awaits approval
        JsonNode blocked = hq.post("/api/plans/" + plan.planId() + "/fiscal-years/2024/close", "{}").json();
        assertThat(blocked.get("status").asInt()).isEqualTo(409);
        assertThat(blocked.get("blockers").valueStream().filter(b -> b.get("reason").asString().equals("UNAPPROVED"))
                .map(b -> b.get("measurementId").asString())).containsExactly(corrected);

        // all of the department's period at once
        JsonNode all = hq.post("/api/plans/" + plan.planId() + "/approvals",
                "{\"departmentCode\": \"somu\", \"period\": \"FY2024-Q3\", \"decision\": \"APPROVED\"}").json();
        assertThat(all.get("measurementIds").valueStream().map(JsonNode::asString)).containsExactly(corrected);
        assertThat(awaiting()).isEmpty();
        assertThat(progress(forms).get("provisional").asBoolean()).isFalse();
        assertThat(hq.post("/api/plans/" + plan.planId() + "/approvals", "{\"decision\": \"APPROVED\"}").status())
                .as("a period at once names the department and the period").isEqualTo(400);

        JsonNode trail = admin.get("/api/audit?target=" + second).json();
        assertThat(trail.valueStream().map(entry -> entry.get("action").asString())).contains("measurement.returned");
    }

    private String report(String kpiId, String value, String measuredOn) {
        HttpJson.Response response = somu.post("/api/kpis/" + kpiId + "/measurements",
                "{\"value\": " + value + ", \"measuredOn\": \"" + measuredOn + "\"}",
                Map.of("Idempotency-Key", kpiId + "-" + measuredOn));
        assertThat(response.status()).isEqualTo(201);
        return response.json().get("id").asString();
    }

    private HttpJson.Response review(HttpJson as, String measurementId, String decision, String reason) {
        return as.post("/api/measurements/" + measurementId + "/review", "{\"decision\": \"" + decision + "\""
                + (reason == null ? "" : ", \"reason\": \"" + reason + "\"") + "}");
    }

    private JsonNode progress(String kpiId) {
        return hq.get("/api/kpis/" + kpiId + "/progress").json();
    }

    private List<JsonNode> awaiting() {
        return hq.get("/api/plans/" + plan.planId() + "/approvals").json().valueStream().toList();
    }
}
