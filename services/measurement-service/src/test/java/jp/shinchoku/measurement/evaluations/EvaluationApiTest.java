package jp.shinchoku.measurement.evaluations;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import jp.shinchoku.contracts.Events;
import jp.shinchoku.contracts.Topics;
import jp.shinchoku.contracts.measurement.MeasureEvaluationChangedV1;
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
 * 施策評価 of 令和6年度 on 20 May 2025: each measure with its KPIs' figures as the year ended and the grade the engine
 * offers; 総務課 drafts and submits its 自己評価, the 推進本部 evaluates it and decides the direction; each other
 * caller, each bad input and each step out of turn answered as a problem, and nothing half-kept.
 */
@ShinchokuServiceTest(properties = "shinchoku.clock.start-date=2025-05-20")
class EvaluationApiTest {

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
    }

    @Test
    void aDepartmentEvaluatesItsMeasureAndThe推進本部EvaluatesAndDecides() {
        String apps = plan.define(admin, Kpi.count("apps", "somu", "0", "100"));
        plan.define(admin, Kpi.percentage("cards", "shimin", "10", "90"));
        report(apps, "80", "2025-03-31");
        String years = "/api/plans/" + plan.planId() + "/fiscal-years/2024/evaluations";

        List<JsonNode> measures = hq.get(years).json().valueStream().toList();
        assertThat(measures).extracting(m -> m.get("measureCode").asString()).containsExactly("1-1", "1-2");
        JsonNode online = measures.getFirst();
        assertThat(online.get("state").asString()).isEqualTo("DRAFT");
        assertThat(online.get("fiscalYearLabel").asString()).isEqualTo("令和6年度");
        assertThat(online.get("asOf").asString()).isEqualTo("2025-03-31");
        assertThat(online.get("suggestedGrade").asString()).as("80 of 100 from 0: above the baseline").isEqualTo("A");
        assertThat(online.at("/kpis/0/value").asInt()).isEqualTo(80);
        assertThat(somu.get(years).json().valueStream().map(m -> m.get("measureCode").asString()))
                .as("a department sees its own measures").containsExactly("1-1");

        String mine = years + "/1-1";
        assertThat(somu.put(mine, "{\"activities\": \"電子申請の対象手続を拡大\"}").json().at("/self/activities").asString())
                .isEqualTo("電子申請の対象手続を拡大");
        assertThat(admin.as(TestTokens.department(TOWN, "shimin")).put(mine, "{\"activities\": \"x\"}").status())
                .as("another department's measure").isEqualTo(403);
        assertThat(hq.put(mine, "{\"activities\": \"x\"}").status()).as("the 推進本部 does not write it").isEqualTo(403);
        assertThat(admin.as(TestTokens.hq("011002")).get(mine).status()).as("another municipality's").isEqualTo(404);
        assertThat(somu.get(years + "/9-9").status()).isEqualTo(404);

        HttpJson.Response incomplete = somu.post(mine + "/submit", "");
        assertThat(incomplete.status()).isEqualTo(400);
        assertThat(incomplete.json().get("missing").valueStream().map(JsonNode::asString))
                .containsExactly("results", "issues", "direction", "grade");
        HttpJson.Response essay = somu.put(mine, "{\"issues\": \"" + "長".repeat(2_001) + "\"}");
        assertThat(essay.status()).isEqualTo(400);
        assertThat(essay.json().get("type").asString()).endsWith("too-long");
        assertThat(somu.put(mine, "{\"direction\": \"KEEP\"}").json().get("type").asString()).endsWith("invalid-direction");
        JsonNode kept = hq.get(mine).json();
        assertThat(kept.at("/self/issues").isString()).as("nothing of a refused request kept").isFalse();
        assertThat(kept.at("/self/direction").isString()).isFalse();
        assertThat(kept.at("/self/activities").asString()).isEqualTo("電子申請の対象手続を拡大");

        JsonNode submitted = somu.post(mine + "/submit", "{\"activities\": \"電子申請の対象手続を拡大\", \"results\": "
                + "\"80件\", \"issues\": \"高齢者の利用が少ない\", \"direction\": \"EXPAND\", \"grade\": \"A\"}").json();
        assertThat(submitted.get("state").asString()).isEqualTo("SUBMITTED");
        assertThat(submitted.at("/self/by").asString()).isEqualTo("dept-somu@" + TOWN);
        MeasureEvaluationChangedV1 event = probe.awaitEvent(Events.MEASURE_EVALUATION_CHANGED,
                e -> e.planId().equals(plan.planId()) && e.state().equals("SUBMITTED"));
        assertThat(event.selfDirection()).isEqualTo("EXPAND");
        assertThat(event.departmentCode()).isEqualTo("somu");
        assertThat(somu.put(mine, "{\"activities\": \"書き直し\"}").status()).as("submitted: it waits").isEqualTo(409);

        assertThat(somu.post(mine + "/evaluation", "{\"grade\": \"A\", \"direction\": \"EXPAND\"}").status())
                .as("a department does not evaluate").isEqualTo(403);
        assertThat(hq.post(mine + "/evaluation", "{\"grade\": \"E\", \"direction\": \"EXPAND\"}").json().get("type")
                .asString()).endsWith("invalid-grade");
        assertThat(hq.post(years + "/1-2/evaluation", "{\"grade\": \"B\", \"direction\": \"CONTINUE\"}").status())
                .as("nothing submitted to evaluate").isEqualTo(409);
        JsonNode evaluated = hq.post(mine + "/evaluation", "{\"comment\": \"対象手続の拡大を優先\", \"grade\": \"B\", "
                + "\"direction\": \"REVISE\"}").json();
        assertThat(evaluated.get("state").asString()).isEqualTo("EVALUATED");
        assertThat(evaluated.at("/hq/direction").asString()).isEqualTo("REVISE");
        assertThat(evaluated.at("/self/direction").asString()).isEqualTo("EXPAND");
        assertThat(probe.awaitEvent(Events.MEASURE_EVALUATION_CHANGED, e -> e.planId().equals(plan.planId())
                && e.state().equals("EVALUATED")).decidedDirection()).isEqualTo("REVISE");

        assertThat(hq.get("/api/audit?target=" + HttpJson.encode(evaluated.get("id").asString())).json().valueStream()
                .map(entry -> entry.get("action").asString()))
                .contains("evaluation.drafted", "evaluation.submitted", "evaluation.evaluated");
    }

    @Test
    void aYearNotBegunCannotBeEvaluated() {
        plan.define(admin, Kpi.count("apps", "somu", "0", "100"));
        HttpJson.Response ahead = hq.get("/api/plans/" + plan.planId() + "/fiscal-years/2025/evaluations");
        assertThat(ahead.status()).as("令和7年度 has begun").isEqualTo(200);
        HttpJson.Response future = hq.get("/api/plans/" + plan.planId() + "/fiscal-years/2026/evaluations");
        assertThat(future.status()).isEqualTo(400);
        assertThat(future.json().get("type").asString()).endsWith("evaluation-year-not-begun");
    }

    private void report(String kpiId, String value, String measuredOn) {
        assertThat(somu.post("/api/kpis/" + kpiId + "/measurements",
                "{\"value\": " + value + ", \"measuredOn\": \"" + measuredOn + "\"}",
                Map.of("Idempotency-Key", kpiId + measuredOn)).status()).isEqualTo(201);
    }
}
