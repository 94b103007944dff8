package jp.shinchoku.plan.departments.web;

import static org.assertj.core.api.Assertions.assertThat;

import jp.shinchoku.contracts.Events;
import jp.shinchoku.contracts.Topics;
import jp.shinchoku.contracts.plan.DepartmentChangedV1;
import jp.shinchoku.contracts.plan.KpiDefinedV1;
import jp.shinchoku.plan.plans.DemoPlans;
import jp.shinchoku.testsupport.EventProbe;
import jp.shinchoku.testsupport.HttpJson;
import jp.shinchoku.testsupport.SharedInfrastructure;
import jp.shinchoku.testsupport.ShinchokuServiceTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** A municipality's department registry (担当部署), and how plans and revisions use it. */
@ShinchokuServiceTest
class DepartmentApiTest {

    @LocalServerPort
    int port;

    HttpJson http;
    EventProbe probe;

    @BeforeEach
    void open() {
        http = HttpJson.onPort(port);
        probe = EventProbe.open(SharedInfrastructure.get().bootstrapServers(), Topics.DEPARTMENTS, Topics.KPI_DEFINITIONS);
    }

    @AfterEach
    void close() {
        probe.close();
    }

    private String departments(String municipality) {
        return "/api/municipalities/" + HttpJson.encode(municipality) + "/departments";
    }

    @Test
    void aDepartmentIsRegisteredChangedAndAnnouncedOnItsCompactedTopic() {
        String municipality = DemoPlans.uniqueName("橿原市");

        HttpJson.Response registered = http.put(departments(municipality) + "/dx",
                "{\"name\": \"デジタル推進課\", \"contact\": \"dx@example.lg.jp\"}");
        assertThat(registered.status()).isEqualTo(201);
        assertThat(registered.json().get("version").asInt()).isEqualTo(1);
        DepartmentChangedV1 first = probe.awaitEvent(Events.DEPARTMENT_CHANGED, e -> e.municipality().equals(municipality));
        assertThat(first.name()).isEqualTo("デジタル推進課");
        assertThat(probe.on(Topics.DEPARTMENTS.name())).anySatisfy(record ->
                assertThat(record.key()).isEqualTo(municipality + "/dx"));

        HttpJson.Response same = http.put(departments(municipality) + "/dx",
                "{\"name\": \"デジタル推進課\", \"contact\": \"dx@example.lg.jp\"}");
        assertThat(same.status()).isEqualTo(200);
        assertThat(same.json().get("version").asInt()).as("nothing changed, nothing stored").isEqualTo(1);

        HttpJson.Response moved = http.put(departments(municipality) + "/dx",
                "{\"name\": \"DX推進課\", \"contact\": \"dx-suishin@example.lg.jp\"}");
        assertThat(moved.json().get("version").asInt()).isEqualTo(2);
        assertThat(probe.awaitEvent(Events.DEPARTMENT_CHANGED,
                e -> e.municipality().equals(municipality) && e.version() == 2).contact()).isEqualTo("dx-suishin@example.lg.jp");
        assertThat(http.get(departments(municipality) + "/dx").json().get("name").asString()).isEqualTo("DX推進課");
        assertThat(http.get(departments(municipality)).json().get("totalItems").asInt()).isEqualTo(1);
        // the audit trail: registered, then changed (where its alerts go), with before and after; the repeat is not there
        JsonNode trail = http.get("/api/audit?municipality=" + HttpJson.encode(municipality)).json();
        assertThat(trail.valueStream().map(e -> e.get("action").asString()))
                .containsExactly("department.changed", "department.registered");
        assertThat(trail.get(0).at("/before/contact").asString()).isEqualTo("dx@example.lg.jp");
        assertThat(trail.get(0).at("/after/contact").asString()).isEqualTo("dx-suishin@example.lg.jp");
        assertThat(trail.get(0).get("target").asString()).isEqualTo(municipality + "/dx");
        assertThat(trail.get(1).get("before").isEmpty()).isTrue();

        HttpJson.Response missing = http.get(departments(municipality) + "/none");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.json().get("type").asString()).isEqualTo("urn:shinchoku:problem:department-not-found");
    }

    @Test
    void aBadEntryIsRefusedWithEveryProblem() {
        HttpJson.Response refused = http.put(departments(DemoPlans.uniqueName("橿原市")) + "/" + HttpJson.encode("課 1"),
                "{\"name\": \" \", \"contact\": \"not-an-address\"}");

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().get("type").asString()).isEqualTo("urn:shinchoku:problem:invalid-department");
        assertThat(refused.json().get("errors").valueStream().map(e -> e.get("path").asString()))
                .containsExactly("code", "name", "contact");
    }

    @Test
    void aContactOverFiveHundredCharactersIsRefused() {
        HttpJson.Response refused = http.put(departments(DemoPlans.uniqueName("橿原市")) + "/dx",
                "{\"name\": \"DX推進課\", \"contact\": \"" + "a".repeat(490) + "@example.lg.jp\"}");

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().get("type").asString()).isEqualTo("urn:shinchoku:problem:too-long");
        assertThat(refused.json().get("field").asString()).isEqualTo("contact");
    }

    @Test
    void plansRegisterTheirDepartmentsAndMayUseAnyRegisteredOne() {
        String municipality = DemoPlans.uniqueName("三条市");
        JsonNode plan = DemoPlans.publish(http, "sanjo", municipality).json();
        String planId = plan.get("id").asString();

        JsonNode registry = http.get(departments(municipality)).json();
        assertThat(registry.get("items").valueStream().map(d -> d.get("code").asString()))
                .containsExactly("johoseisaku", "kikaku", "shimin", "somu");

        HttpJson.Response unknown = http.post("/api/plans/" + planId + "/revisions", """
                {"revisedBy": "推進本部", "reason": "組織改正",
                 "changes": [{"type": "reassign-department", "measure": "1-1", "department": "dx"}]}""");
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.json().at("/errors/0/path").asString()).isEqualTo("changes[0].department");

        http.put(departments(municipality) + "/dx", "{\"name\": \"DX推進課\", \"contact\": \"dx@example.lg.jp\"}");
        HttpJson.Response reassigned = http.post("/api/plans/" + planId + "/revisions", """
                {"revisedBy": "推進本部", "reason": "組織改正",
                 "changes": [{"type": "reassign-department", "measure": "1-1", "department": "dx"}]}""");
        assertThat(reassigned.status()).isEqualTo(201);
        KpiDefinedV1 moved = probe.awaitEvent(Events.KPI_DEFINED,
                e -> e.planId().equals(planId) && e.measureCode().equals("1-1") && e.revision() == 2);
        assertThat(moved.departmentCode()).isEqualTo("dx");

        http.put(departments(municipality) + "/dx", "{\"name\": \"DX推進課\", \"active\": false}");
        assertThat(http.get(departments(municipality)).json().get("totalItems").asInt()).isEqualTo(4);
        assertThat(http.get(departments(municipality) + "?includeInactive=true").json().get("totalItems").asInt()).isEqualTo(5);
        HttpJson.Response retired = http.post("/api/plans/" + planId + "/revisions", """
                {"revisedBy": "推進本部", "reason": "戻す",
                 "changes": [{"type": "reassign-department", "measure": "1-2", "department": "dx"}]}""");
        assertThat(retired.status()).as("an inactive department takes no new measures").isEqualTo(400);
    }
}
