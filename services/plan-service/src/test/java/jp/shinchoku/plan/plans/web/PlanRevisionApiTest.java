package jp.shinchoku.plan.plans.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.LocalDate;
import java.util.List;

import jp.shinchoku.contracts.Events;
import jp.shinchoku.contracts.Topics;
import jp.shinchoku.contracts.plan.KpiDefinedV1;
import jp.shinchoku.contracts.plan.PlanReviewedV1;
import jp.shinchoku.contracts.plan.PlanRevisedV1;
import jp.shinchoku.plan.plans.DemoPlans;
import jp.shinchoku.testsupport.EventProbe;
import jp.shinchoku.testsupport.HttpJson;
import jp.shinchoku.testsupport.MovableClock;
import jp.shinchoku.testsupport.SharedInfrastructure;
import jp.shinchoku.testsupport.ShinchokuServiceTest;
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

/** The 推進本部 revises a real plan (三条市) over a year, through the API, and reads it back as it was. */
@ShinchokuServiceTest
@Import(PlanRevisionApiTest.Time.class)
class PlanRevisionApiTest {

    @TestConfiguration
    static class Time {
        @Bean
        MovableClock clock() {
            return MovableClock.at(LocalDate.of(2023, 5, 1));
        }
    }

    @LocalServerPort
    int port;

    @Autowired
    MovableClock clock;

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
    void revisionsAreRecordedWithWhoAndWhyAndThePlanReadsAsItWasOnAnyDay() {
        JsonNode published = DemoPlans.publish(http, "sanjo", DemoPlans.uniqueName("三条市")).json();
        String planId = published.get("id").asString();
        JsonNode undefined = DemoPlans.findKpi(published, kpi -> kpi.get("kind").asString().equals("undefined"));
        String kpiId = undefined.get("id").asString();
        String milestoneId = published.at("/pillars/0/measures/0/milestones/0/id").asString();

        clock.moveTo(LocalDate.of(2023, 6, 10));
        HttpJson.Response essay = http.put("/api/plans/" + planId + "/milestones/" + milestoneId + "/status",
                "{\"status\":\"完了\",\"comment\":\"" + "受付".repeat(1001) + "\"}");
        assertThat(essay.status()).as("a comment of 2,002 characters").isEqualTo(400);
        assertThat(essay.json().get("type").asString()).endsWith("too-long");
        assertThat(http.put("/api/plans/" + planId + "/milestones/" + milestoneId + "/status",
                "{\"status\":\"完了\",\"comment\":\"受付開始\",\"reportedBy\":\"somu\"}").status()).isEqualTo(200);

        clock.moveTo(LocalDate.of(2024, 5, 20));
        // who revised is the signed-in person, never what the body says
        HttpJson.Response revised = http.as(TestTokens.token("情報化推進本部 事務局", List.of("ADMIN"), null, null, List.of()))
                .post("/api/plans/" + planId + "/revisions", """
                {"revisedBy": "誰か", "reason": "令和6年度第1回推進本部会議で目標値を決定",
                 "changes": [{"type": "set-target", "kpi": "%s", "kind": "count", "direction": "increase",
                              "target": {"value": 40, "due": "令和7年度末"}}]}""".formatted(kpiId));

        assertThat(revised.status()).isEqualTo(201);
        assertThat(revised.location()).isEqualTo("/api/plans/" + planId + "/revisions/2");
        assertThat(revised.json().get("revision").asInt()).isEqualTo(2);
        JsonNode set = DemoPlans.findKpi(revised.json(), kpi -> kpi.get("id").asString().equals(kpiId));
        assertThat(set.get("kind").asString()).isEqualTo("count");
        assertThat(set.at("/due/fiscalYear").asString()).isEqualTo("令和7年度");

        PlanRevisedV1 event = probe.awaitEvent(Events.PLAN_REVISED, e -> e.planId().equals(planId));
        assertThat(event.revision()).isEqualTo(2);
        assertThat(event.revisedBy()).isEqualTo("情報化推進本部 事務局");
        // the audit trail: published, the milestone's status (before, after), the revision (from 1 to 2, why)
        JsonNode trail = http.get("/api/audit?target=" + planId).json();
        assertThat(trail.valueStream().map(e -> e.get("action").asString())).containsExactly("plan.revised", "plan.published");
        assertThat(trail.get(0).get("actor").asString()).isEqualTo("情報化推進本部 事務局");
        assertThat(trail.get(0).at("/before/revision").asString()).isEqualTo("1");
        assertThat(trail.get(0).at("/after/revision").asString()).isEqualTo("2");
        assertThat(trail.get(0).at("/after/reason").asString()).isEqualTo("令和6年度第1回推進本部会議で目標値を決定");
        JsonNode status = http.get("/api/audit?target=" + milestoneId).json().get(0);
        assertThat(status.get("action").asString()).isEqualTo("milestone.status-reported");
        assertThat(status.at("/before/status").asString()).isEqualTo("NOT_STARTED");
        assertThat(status.at("/after/status").asString()).isEqualTo("DONE");
        assertThat(event.changes()).extracting(PlanRevisedV1.Change::path)
                .contains("measures[1-2].kpis[" + kpiId + "].target.value");
        KpiDefinedV1 redefined = probe.awaitEvent(Events.KPI_DEFINED, e -> e.kpiId().equals(kpiId) && e.revision() == 2);
        assertThat(redefined.kind()).isEqualTo("count");
        assertThat(redefined.target().value()).isEqualByComparingTo("40");
        assertThat(redefined.target().due()).isEqualTo(LocalDate.of(2026, 3, 31));

        JsonNode history = http.get("/api/plans/" + planId + "/revisions").json();
        assertThat(history).hasSize(2);
        assertThat(history.get(0).get("label").asString()).isEqualTo("第1版");
        assertThat(history.get(1).get("reason").asString()).isEqualTo("令和6年度第1回推進本部会議で目標値を決定");
        assertThat(history.get(1).get("revisedAt").asString()).isEqualTo("2024-05-20T00:00:00Z");

        JsonNode beforeReport = http.get("/api/plans/" + planId + "?asOf=2023-05-31").json();
        assertThat(beforeReport.get("revision").asInt()).isEqualTo(1);
        assertThat(beforeReport.at("/pillars/0/measures/0/milestones/0/status").asString()).isEqualTo("not-started");
        JsonNode afterReport = http.get("/api/plans/" + planId + "?asOf=" + HttpJson.encode("令和5年6月")).json();
        assertThat(afterReport.at("/pillars/0/measures/0/milestones/0/status").asString()).isEqualTo("done");
        assertThat(DemoPlans.findKpi(afterReport, kpi -> kpi.get("id").asString().equals(kpiId)).get("kind").asString())
                .isEqualTo("undefined");
        assertThat(http.get("/api/plans/" + planId + "?asOf=2024-05-20").json().get("revision").asInt()).isEqualTo(2);
        HttpJson.Response beforePublication = http.get("/api/plans/" + planId + "?asOf=2023-04-30");
        assertThat(beforePublication.status()).isEqualTo(404);
        assertThat(beforePublication.json().get("type").asString()).isEqualTo("urn:shinchoku:problem:revision-not-found");

        assertThat(http.get("/api/plans/" + planId + "/revisions/1").json()
                .at("/pillars/0/measures/0/milestones/0/status").asString()).isEqualTo("not-started");
        JsonNode diff = http.get("/api/plans/" + planId + "/diff?from=1&to=2").json();
        assertThat(diff.at("/to/revisedBy").asString()).isEqualTo("情報化推進本部 事務局");
        assertThat(diff.get("differences").valueStream().map(d -> d.get("path").asString() + "=" + d.get("after").asString()))
                .contains("measures[1-2].kpis[" + kpiId + "].target.value=40",
                        "measures[1-2].kpis[" + kpiId + "].kind=count")
                .noneMatch(path -> path.contains("status"));
    }

    @Test
    void aBadRevisionChangesNothingAndListsEveryProblem() {
        JsonNode published = DemoPlans.publish(http, "sanjo", DemoPlans.uniqueName("三条市")).json();
        String planId = published.get("id").asString();

        HttpJson.Response rejected = http.post("/api/plans/" + planId + "/revisions", """
                {"revisedBy": "推進本部", "changes": [
                   {"type": "reassign-department", "measure": "1-1", "department": "kikaku"},
                   {"type": "retire-measure", "measure": "9-9"},
                   {"type": "change-target", "kpi": "nope", "target": {"due": "令和0年度"}}]}""");

        assertThat(rejected.status()).isEqualTo(400);
        assertThat(rejected.contentType()).startsWith("application/problem+json");
        assertThat(rejected.json().get("type").asString()).isEqualTo("urn:shinchoku:problem:invalid-revision");
        assertThat(rejected.json().get("errors").valueStream().map(e -> e.get("path").asString()))
                .containsExactly("reason", "changes[1].measure", "changes[2].kpi");
        assertThat(rejected.json().at("/errors/0/messageJa").asString()).isEqualTo("改定理由は必須です");
        assertThat(http.get("/api/plans/" + planId).json().get("revision").asInt()).isEqualTo(1);
        assertThat(http.get("/api/plans/" + planId + "/revisions").json()).hasSize(1);
        assertThat(http.post("/api/plans/pln-none/revisions", "{}").status()).isEqualTo(404);
        assertThat(http.get("/api/plans/" + planId + "/diff?from=1&to=7").status()).isEqualTo(404);
    }

    @Test
    void aKpiIsAddedAnotherRetiredAndAMilestoneAddedAndEachIsSaid() {
        JsonNode published = DemoPlans.publish(http, "sanjo", DemoPlans.uniqueName("三条市")).json();
        String planId = published.get("id").asString();
        String retiring = planId + ".2-1.2";

        HttpJson.Response revised = http.post("/api/plans/" + planId + "/revisions", """
                {"revisedBy": "推進本部", "reason": "令和6年度第1回推進本部会議の決定", "changes": [
                   {"type": "add-kpi", "measure": "2-1", "kpiDefinition": {"code": "api", "name": "APIで提供するデータセット数",
                    "unit": "件", "kind": "count", "direction": "increase", "target": {"value": 10, "due": "令和7年度"}}},
                   {"type": "retire-kpi", "kpi": "%s"},
                   {"type": "add-milestone", "measure": "2-1", "text": "APIによる提供の開始", "due": "令和7年度"}]}"""
                .formatted(retiring));

        assertThat(revised.status()).isEqualTo(201);
        JsonNode added = DemoPlans.findKpi(revised.json(), kpi -> kpi.get("id").asString().equals(planId + ".2-1.api"));
        assertThat(added.at("/due/fiscalYear").asString()).isEqualTo("令和7年度");
        assertThat(added.get("retired").asBoolean()).isFalse();
        assertThat(DemoPlans.findKpi(revised.json(), kpi -> kpi.get("id").asString().equals(retiring))
                .get("retired").asBoolean()).isTrue();
        JsonNode milestone = revised.json().at("/pillars/1/measures/0/milestones/2");
        assertThat(milestone.get("id").asString()).isEqualTo(planId + ".2-1.m3");
        assertThat(milestone.at("/due/date").asString()).isEqualTo("2026-03-31");

        KpiDefinedV1 defined = probe.awaitEvent(Events.KPI_DEFINED, e -> e.kpiId().equals(planId + ".2-1.api"));
        assertThat(defined.revision()).isEqualTo(2);
        assertThat(defined.retired()).isFalse();
        assertThat(probe.awaitEvent(Events.KPI_DEFINED, e -> e.kpiId().equals(retiring) && e.revision() == 2).retired())
                .isTrue();
        PlanRevisedV1 event = probe.awaitEvent(Events.PLAN_REVISED, e -> e.planId().equals(planId));
        assertThat(event.changes()).as("in plan order").extracting(PlanRevisedV1.Change::path, PlanRevisedV1.Change::change)
                .containsExactly(
                tuple("measures[2-1].kpis[" + retiring + "].retired", "changed"),
                tuple("measures[2-1].kpis[" + planId + ".2-1.api]", "added"),
                tuple("measures[2-1].milestones[" + planId + ".2-1.m3]", "added"));
        assertThat(event.plan().pillars().get(1).measures().getFirst().milestones())
                .as("the outline the notification service follows milestones by")
                .extracting(m -> m.milestoneId() + " " + m.due()).contains(planId + ".2-1.m3 2026-03-31");
        assertThat(http.get("/api/plans/" + planId + "/revisions").json().get(1).get("changes")).hasSize(3);
        assertThat(http.get("/api/kpi-definitions?plan=" + planId + "&size=100").json().get("items").valueStream()
                .map(item -> item.at("/kpi/id").asString())).contains(planId + ".2-1.api").doesNotContain(retiring);
        assertThat(http.get("/api/kpi-definitions?includeRetired=true&plan=" + planId + "&size=100").json().get("items")
                .valueStream().filter(item -> item.at("/kpi/id").asString().equals(retiring))
                .map(item -> item.get("retired").asBoolean())).containsExactly(true);

        HttpJson.Response rejected = http.post("/api/plans/" + planId + "/revisions", """
                {"revisedBy": "推進本部", "reason": "再度", "changes": [
                   {"type": "add-kpi", "measure": "2-1", "kpiDefinition": {"code": "api", "name": "重複",
                    "unit": "件", "kind": "count", "direction": "increase", "target": {"value": 1, "due": "令和7年度"}}},
                   {"type": "retire-kpi", "kpi": "%s"},
                   {"type": "add-milestone", "measure": "2-1", "text": "開始", "due": "令和0年度"}]}"""
                .formatted(retiring));
        assertThat(rejected.status()).isEqualTo(400);
        assertThat(rejected.contentType()).startsWith("application/problem+json");
        assertThat(rejected.json().get("type").asString()).isEqualTo("urn:shinchoku:problem:invalid-revision");
        assertThat(rejected.json().get("errors").valueStream().map(e -> e.get("path").asString()))
                .containsExactly("changes[0].kpiDefinition.code", "changes[1].kpi", "changes[2].due");
        assertThat(rejected.json().at("/errors/1/messageJa").asString()).isEqualTo("評価指標「推奨データセットへの適合率」は廃止されています");
        assertThat(rejected.json().at("/errors/1/messageEn").asString()).isEqualTo("the KPI '推奨データセットへの適合率' is retired");
        assertThat(http.get("/api/plans/" + planId).json().get("revision").asInt()).isEqualTo(2);
    }

    @Test
    void aKpiIsMadePrivateAndAMeasuresSummaryTooByRevisionAndTheDifferencesSayIt() {
        JsonNode published = DemoPlans.publish(http, "sanjo", DemoPlans.uniqueName("三条市")).json();
        String planId = published.get("id").asString();
        String kpiId = planId + ".2-1.2";

        HttpJson.Response revised = http.post("/api/plans/" + planId + "/revisions", """
                {"revisedBy": "推進本部", "reason": "個人が特定されうるため非公開とする", "changes": [
                   {"type": "set-publication", "kpi": "%s", "published": false},
                   {"type": "set-publication", "measure": "2-1", "privateFields": ["summary"]}]}""".formatted(kpiId));

        assertThat(revised.status()).isEqualTo(201);
        assertThat(DemoPlans.findKpi(revised.json(), kpi -> kpi.get("id").asString().equals(kpiId)).get("published")
                .asBoolean()).isFalse();
        assertThat(revised.json().at("/pillars/1/measures/0/privateFields/0").asString()).isEqualTo("summary");
        KpiDefinedV1 defined = probe.awaitEvent(Events.KPI_DEFINED, e -> e.kpiId().equals(kpiId) && e.revision() == 2);
        assertThat(defined.published()).isFalse();
        assertThat(http.get("/api/plans/" + planId + "/revisions").json().get(1).get("changes").valueStream()
                .map(change -> change.get("path").asString() + " → " + change.get("after").asString()))
                .containsExactly("measures[2-1].privateFields → summary",
                        "measures[2-1].kpis[" + kpiId + "].published → false");

        HttpJson.Response rejected = http.post("/api/plans/" + planId + "/revisions", """
                {"revisedBy": "推進本部", "reason": "再度", "changes": [
                   {"type": "set-publication", "kpi": "%s"},
                   {"type": "set-publication", "measure": "2-1", "privateFields": ["department"]}]}""".formatted(kpiId));
        assertThat(rejected.status()).isEqualTo(400);
        assertThat(rejected.json().get("errors").valueStream().map(e -> e.get("path").asString()))
                .containsExactly("changes[0].published", "changes[1].privateFields[0]");
        assertThat(rejected.json().at("/errors/0/messageJa").asString()).isEqualTo("公開（true）か非公開（false）かを指定してください");
        assertThat(http.get("/api/plans/" + planId).json().get("revision").asInt()).isEqualTo(2);
    }

    @Test
    void aMeasuresTitleMadePrivateByRevisionReDefinesItsKpisWithTheTitleNotPublished() {
        JsonNode published = DemoPlans.publish(http, "sanjo", DemoPlans.uniqueName("三条市")).json();
        String planId = published.get("id").asString();
        assertThat(probe.awaitEvent(Events.KPI_DEFINED, e -> e.kpiId().equals(planId + ".2-1.1") && e.revision() == 1)
                .measureTitlePublished()).isTrue();

        HttpJson.Response revised = http.post("/api/plans/" + planId + "/revisions", """
                {"revisedBy": "推進本部", "reason": "施策名は公表前のため非公開とする", "changes": [
                   {"type": "set-publication", "measure": "2-1", "privateFields": ["title"]}]}""");

        assertThat(revised.status()).isEqualTo(201);
        assertThat(revised.json().at("/pillars/1/measures/0/privateFields/0").asString()).isEqualTo("title");
        for (String kpiId : List.of(planId + ".2-1.1", planId + ".2-1.2")) {
            KpiDefinedV1 defined = probe.awaitEvent(Events.KPI_DEFINED,
                    e -> e.kpiId().equals(kpiId) && e.revision() == 2);
            assertThat(defined.measureTitlePublished()).as(kpiId).isFalse();
            assertThat(defined.measureTitle()).isEqualTo("各種保有情報等に係るオープンデータ化の促進");
            assertThat(defined.published()).as("the KPI itself stays 公開").isTrue();
        }

        http.post("/api/plans/" + planId + "/revisions", """
                {"revisedBy": "推進本部", "reason": "施策名を公表する", "changes": [
                   {"type": "set-publication", "measure": "2-1", "privateFields": []}]}""");
        assertThat(probe.awaitEvent(Events.KPI_DEFINED, e -> e.kpiId().equals(planId + ".2-1.2") && e.revision() == 3)
                .measureTitlePublished()).isTrue();
    }

    @Test
    void aFiscalYearReviewIsOneSetOfRevisionsWithItsNote() {
        JsonNode published = DemoPlans.publish(http, "sanjo", DemoPlans.uniqueName("三条市")).json();
        String planId = published.get("id").asString();

        HttpJson.Response reviewed = http.post("/api/plans/" + planId + "/reviews", """
                {"fiscalYear": "令和5年度", "note": "各施策は概ね順調。1-1 の担当を企画課へ移す", "reviewedBy": "情報化推進本部",
                 "revisions": [
                   {"reason": "組織改正", "changes": [{"type": "reassign-department", "measure": "1-1", "department": "kikaku"}]},
                   {"reason": "施策の完了", "changes": [{"type": "retire-measure", "measure": "1-2"}]}]}""");

        assertThat(reviewed.status()).isEqualTo(201);
        assertThat(reviewed.json().get("fiscalYearLabel").asString()).isEqualTo("令和5年度");
        assertThat(reviewed.json().get("revisions").valueStream().map(JsonNode::asInt)).containsExactly(2, 3);
        PlanReviewedV1 event = probe.awaitEvent(Events.PLAN_REVIEWED, e -> e.planId().equals(planId));
        assertThat(event.fiscalYear()).isEqualTo(2023);
        assertThat(event.revisions()).containsExactly(2, 3);
        assertThat(probe.awaitEvent(Events.PLAN_REVISED, e -> e.planId().equals(planId) && e.revision() == 3)
                .review().note()).startsWith("各施策は概ね順調");

        JsonNode history = http.get("/api/plans/" + planId + "/revisions").json();
        assertThat(history.get(2).get("reviewId").asString()).isEqualTo(planId + ".review-2023");
        assertThat(http.get("/api/plans/" + planId + "/reviews").json()).hasSize(1);
        assertThat(http.get("/api/plans/" + planId + "/reviews/2023").json().get("note").asString()).contains("企画課");
        assertThat(http.get("/api/plans/" + planId).json().at("/pillars/0/measures/1/retired").asBoolean()).isTrue();

        HttpJson.Response again = http.post("/api/plans/" + planId + "/reviews",
                "{\"fiscalYear\": \"2023\", \"note\": \"再確認\", \"reviewedBy\": \"情報化推進本部\"}");
        assertThat(again.status()).isEqualTo(400);
        assertThat(again.json().at("/errors/0/path").asString()).isEqualTo("fiscalYear");
    }
}
