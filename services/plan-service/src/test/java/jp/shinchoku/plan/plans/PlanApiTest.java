package jp.shinchoku.plan.plans;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import jp.shinchoku.contracts.CloudEventHeaders;
import jp.shinchoku.contracts.Events;
import jp.shinchoku.contracts.Topics;
import jp.shinchoku.contracts.plan.KpiDefinedV1;
import jp.shinchoku.contracts.plan.PlanPublishedV1;
import jp.shinchoku.plan.plans.persistence.PlanDocument;
import jp.shinchoku.testsupport.EventProbe;
import jp.shinchoku.testsupport.HttpJson;
import jp.shinchoku.testsupport.SharedInfrastructure;
import jp.shinchoku.testsupport.ShinchokuServiceTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;

@ShinchokuServiceTest
class PlanApiTest {

    @LocalServerPort
    int port;

    @Autowired
    MongoTemplate mongo;

    HttpJson http;
    EventProbe probe;

    @BeforeEach
    void open() {
        http = HttpJson.onPort(port);
        probe = EventProbe.open(SharedInfrastructure.get().bootstrapServers(), Topics.PLAN_EVENTS, Topics.KPI_DEFINITIONS);
    }

    @AfterEach
    void close() {
        probe.close();
    }

    @Test
    void aPublishedPlanIsStoredAndAnnouncedThroughTheOutbox() throws IOException {
        HttpJson.Response created = http.post("/api/plans", minimalPlan());

        assertThat(created.status()).isEqualTo(201);
        String planId = created.json().get("id").asString();
        assertThat(created.location()).isEqualTo("/api/plans/" + planId);
        assertThat(created.json().at("/pillars/0/measures/0/kpis/0/due/wareki").asString()).isEqualTo("令和6年3月31日");
        assertThat(created.json().at("/pillars/0/measures/0/kpis/0/due/fiscalYear").asString()).isEqualTo("令和5年度");
        assertThat(http.get("/api/plans/" + planId).json().get("title").asString()).isEqualTo("瀬戸内町官民データ活用推進計画");

        PlanPublishedV1 published = probe.awaitEvent(Events.PLAN_PUBLISHED, e -> e.planId().equals(planId));
        KpiDefinedV1 kpi = probe.awaitEvent(Events.KPI_DEFINED, e -> e.planId().equals(planId));
        assertThat(published.pillars().getFirst().measures().getFirst().kpiIds()).containsExactly(kpi.kpiId());
        assertThat(kpi.departmentCode()).isEqualTo("shimin");
        assertThat(kpi.kind()).isEqualTo("percentage");

        var record = probe.on(Topics.KPI_DEFINITIONS.name()).stream()
                .filter(r -> r.key().equals(kpi.kpiId())).findFirst().orElseThrow();
        assertThat(EventProbe.header(record, CloudEventHeaders.TYPE)).isEqualTo("kpi.defined.v1");
        assertThat(EventProbe.header(record, CloudEventHeaders.SOURCE)).isEqualTo("/shinchoku/plan-service");
        assertThat(EventProbe.header(record, CloudEventHeaders.SPECVERSION)).isEqualTo("1.0");
        assertThat(EventProbe.header(record, CloudEventHeaders.CONTENT_TYPE)).isEqualTo("application/json");
        assertThat(EventProbe.header(record, CloudEventHeaders.ID)).isNotBlank();
        assertThat(EventProbe.header(record, CloudEventHeaders.TIME)).isNotBlank();

        await().untilAsserted(() -> assertThat(mongo.findById(planId, PlanDocument.class).outbox()).isEmpty());
    }

    @Test
    void aPlanMayBeWrittenInYaml() {
        HttpJson.Response created = http.post("/api/plans", """
                municipality: {name: 三条市, prefecture: 新潟県}
                title: 三条市官民データ活用推進計画
                issuedOn: 平成31年4月
                period: {from: 令和元年度, to: 令和5年度}
                pillars:
                  - code: 1
                    title: オンライン化原則
                    measures:
                      - code: 1-2
                        title: 行政手続の棚卸
                        kpis:
                          - name: オンライン化された手続数
                            unit: 件
                            kind: undefined
                            direction: increase
                        milestones:
                          - text: 令和2年度までに優先的に取り組むべき手続を整理し、KPIの目標値を決定
                            due: 令和2年度
                            decidesTarget: true
                """, java.util.Map.of("Content-Type", "application/yaml"));

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.json().at("/period/from").asString()).isEqualTo("令和元年度");
        assertThat(created.json().at("/pillars/0/measures/0/milestones/0/due/wareki").asString()).isEqualTo("令和3年3月31日");
        assertThat(created.json().at("/pillars/0/measures/0/milestones/0/decidesTargetOf").asString())
                .isEqualTo(created.json().at("/pillars/0/measures/0/kpis/0/id").asString());

        HttpJson.Response broken = http.post("/api/plans", "title: [unclosed", java.util.Map.of("Content-Type", "application/yaml"));
        assertThat(broken.status()).isEqualTo(400);
        assertThat(broken.json().get("detail").asString()).contains("line");
    }

    @Test
    void aDepartmentReportsAMilestonesStatusAndItIsAnnounced() throws IOException {
        HttpJson.Response created = http.post("/api/plans", minimalPlan());
        String planId = created.json().get("id").asString();
        String milestoneId = created.json().at("/pillars/0/measures/0/milestones/0/id").asString();
        String path = "/api/plans/" + planId + "/milestones/" + milestoneId + "/status";

        HttpJson.Response reported = http.put(path, "{\"status\": \"実施中\", \"comment\": \"出張申請受付を開始\", \"reportedBy\": \"shimin\"}");

        assertThat(reported.status()).isEqualTo(200);
        assertThat(reported.json().at("/pillars/0/measures/0/milestones/0/status").asString()).isEqualTo("in-progress");
        assertThat(reported.json().at("/pillars/0/measures/0/milestones/0/statusLabel").asString()).isEqualTo("実施中");
        var event = probe.awaitEvent(Events.MILESTONE_STATUS_CHANGED, e -> e.milestoneId().equals(milestoneId));
        assertThat(event.previousStatus()).isEqualTo("not-started");
        assertThat(event.status()).isEqualTo("in-progress");
        assertThat(event.departmentCode()).isEqualTo("shimin");

        assertThat(http.put(path, "{\"status\": \"そのうち\"}").status()).isEqualTo(400);
        assertThat(http.put("/api/plans/" + planId + "/milestones/nope/status", "{\"status\": \"done\"}").status())
                .isEqualTo(404);
        // the same report again changes nothing and announces nothing
        http.put(path, "{\"status\": \"in-progress\", \"comment\": \"出張申請受付を開始\"}");
        http.put(path, "{\"status\": \"完了\"}");
        probe.awaitEvent(Events.MILESTONE_STATUS_CHANGED, e -> e.milestoneId().equals(milestoneId) && e.status().equals("done"));
        assertThat(probe.events(Events.MILESTONE_STATUS_CHANGED, e -> e.milestoneId().equals(milestoneId)))
                .extracting(e -> e.status()).containsExactly("in-progress", "done");
    }

    @Test
    void healthAndMetricsAreExposedForOperations() throws IOException {
        assertThat(http.post("/api/plans", minimalPlan()).status()).isEqualTo(201);

        assertThat(http.get("/actuator/health").json().get("status").asString()).isEqualTo("UP");
        await().untilAsserted(() -> assertThat(http.get("/actuator/prometheus").body())
                .contains("application=\"plan-service\"")
                .contains("shinchoku_outbox_published_total{application=\"plan-service\",type=\"plan.published.v1\"}"));
    }

    @Test
    void anInvalidPlanIsRejectedWithEveryProblemAndNothingIsStored() {
        long before = mongo.count(new org.springframework.data.mongodb.core.query.Query(), PlanDocument.class);
        HttpJson.Response rejected = http.post("/api/plans", """
                {"title": "", "pillars": [{"code": "1", "title": "オンライン化", "measures": [{"code": "1-1", "title": "棚卸",
                  "kpis": [{"name": "件数", "unit": "件", "kind": "count", "direction": "increase",
                            "target": {"value": 10}}]}]}]}""");

        assertThat(rejected.status()).isEqualTo(400);
        assertThat(rejected.contentType()).startsWith("application/problem+json");
        assertThat(rejected.json().get("type").asString()).isEqualTo("urn:shinchoku:problem:invalid-plan");
        assertThat(rejected.json().get("errors").findValuesAsString("path"))
                .containsExactly("municipality.name", "title", "pillars[0].measures[0].kpis[0].target.due");
        assertThat(rejected.json().at("/en/title").asString()).isEqualTo("The plan is invalid");
        assertThat(mongo.count(new org.springframework.data.mongodb.core.query.Query(), PlanDocument.class)).isEqualTo(before);
    }

    @Test
    void unreadableJsonAndUnknownPlansAreProblems() {
        HttpJson.Response unreadable = http.post("/api/plans", "{\"title\": \"x\", \"pillars\": {\"code\": 1}}");
        assertThat(unreadable.status()).isEqualTo(400);
        assertThat(unreadable.json().get("type").asString()).isEqualTo("urn:shinchoku:problem:unreadable-request");

        HttpJson.Response missing = http.get("/api/plans/pln-missing");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.json().get("title").asString()).isEqualTo("計画が見つかりません");
    }

    @Test
    void aKpisTypeAndPublicationAndAMeasuresCostAndPrivateFieldsAreImportedShownAndAnnounced() {
        HttpJson.Response created = http.post("/api/plans", """
                {"municipality": {"name": "瀬戸内町"}, "title": "瀬戸内町官民データ活用推進計画", "issuedOn": "令和6年4月",
                 "pillars": [{"code": "1", "title": "オンライン化", "measures": [{"code": "1-1", "title": "電子申請の拡充",
                   "summary": "申請手続のオンライン化", "department": "somu",
                   "cost": [{"fiscalYear": "令和6年度", "amount": 12000000, "note": "当初予算"}, {"fiscalYear": 2025, "amount": 8000000}],
                   "privateFields": ["cost"],
                   "kpis": [{"code": "rate", "name": "オンライン申請率", "unit": "%", "kind": "percentage", "direction": "increase",
                             "target": {"value": 50, "due": "令和8年度末"}, "indicatorType": "効果", "published": false},
                            {"code": "forms", "name": "オンライン化した手続数", "unit": "件", "kind": "count", "direction": "increase",
                             "target": {"value": 30, "due": "令和8年度末"}, "indicatorType": "output"}]}]}]}""");

        assertThat(created.status()).isEqualTo(201);
        String planId = created.json().get("id").asString();
        var measure = created.json().at("/pillars/0/measures/0");
        assertThat(measure.at("/cost/0/fiscalYear").asString()).isEqualTo("令和6年度");
        assertThat(measure.at("/cost/0/fiscalYearStart").asInt()).isEqualTo(2024);
        assertThat(measure.at("/cost/0/amount").asLong()).isEqualTo(12_000_000L);
        assertThat(measure.at("/cost/0/note").asString()).isEqualTo("当初予算");
        assertThat(measure.at("/cost/1/fiscalYear").asString()).isEqualTo("令和7年度");
        assertThat(measure.get("privateFields").valueStream().map(f -> f.asString())).containsExactly("cost");
        assertThat(measure.at("/kpis/0/indicatorType").asString()).isEqualTo("outcome");
        assertThat(measure.at("/kpis/0/indicatorTypeLabel").asString()).isEqualTo("効果");
        assertThat(measure.at("/kpis/0/published").asBoolean()).isFalse();
        assertThat(measure.at("/kpis/1/indicatorType").asString()).isEqualTo("output");
        assertThat(measure.at("/kpis/1/published").asBoolean()).isTrue();

        KpiDefinedV1 rate = probe.awaitEvent(Events.KPI_DEFINED, e -> e.kpiId().equals(planId + ".1-1.rate"));
        assertThat(rate.indicatorType()).isEqualTo("outcome");
        assertThat(rate.published()).isFalse();
        assertThat(probe.awaitEvent(Events.KPI_DEFINED, e -> e.kpiId().equals(planId + ".1-1.forms")).published()).isTrue();

        HttpJson.Response rejected = http.post("/api/plans", """
                {"municipality": {"name": "瀬戸内町"}, "title": "計画", "pillars": [{"code": "1", "title": "オンライン化",
                 "measures": [{"code": "1-1", "title": "電子申請", "cost": [{"fiscalYear": "令和6年度", "amount": -1}],
                   "privateFields": ["budget"], "kpis": [{"name": "件数", "kind": "qualitative", "indicatorType": "impact"}]}]}]}""");
        assertThat(rejected.status()).isEqualTo(400);
        assertThat(rejected.contentType()).startsWith("application/problem+json");
        assertThat(rejected.json().get("errors").valueStream().map(e -> e.get("path").asString())).containsExactly(
                "pillars[0].measures[0].cost[0].amount", "pillars[0].measures[0].privateFields[0]",
                "pillars[0].measures[0].kpis[0].indicatorType");
        assertThat(rejected.json().at("/errors/2/messageJa").asString())
                .isEqualTo("指標の種類「impact」は使えません（output/進捗、outcome/効果）");
        assertThat(rejected.json().at("/errors/2/messageEn").asString())
                .isEqualTo("unknown indicator type 'impact' (output/進捗, outcome/効果)");
        assertThat(rejected.json().at("/errors/0/messageJa").asString()).isEqualTo("事業費の金額は0円以上です");
    }

    @Test
    void aPlanKeptBeforeKpisWerePublishedOrPrivateReadsWithThemPublic() throws IOException {
        String planId = http.post("/api/plans", minimalPlan()).json().get("id").asString();
        var stored = mongo.getCollection(PlanDocument.COLLECTION).find(new org.bson.Document("_id", planId)).first();
        assertThat(stored.toJson()).contains("\"published\": true", "\"privateFields\": []");
        mongo.getCollection(PlanDocument.COLLECTION).updateOne(new org.bson.Document("_id", planId),
                new org.bson.Document("$unset", new org.bson.Document("plan.pillars.0.measures.0.kpis.0.published", "")
                        .append("plan.pillars.0.measures.0.cost", "")
                        .append("plan.pillars.0.measures.0.privateFields", "")));

        var kept = http.get("/api/plans/" + planId).json().at("/pillars/0/measures/0");
        assertThat(kept.at("/kpis/0/published").asBoolean()).isTrue();
        assertThat(kept.get("cost")).isEmpty();
        assertThat(kept.get("privateFields")).isEmpty();
    }

    static String minimalPlan() throws IOException {
        try (var in = PlanApiTest.class.getResourceAsStream("/minimal-plan.json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
