package jp.shinchoku.plan.plans.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import jp.shinchoku.plan.plans.DemoPlans;
import jp.shinchoku.testsupport.HttpJson;
import jp.shinchoku.testsupport.ShinchokuServiceTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** Plans, KPIs and milestones listed a page at a time and filtered as the 推進本部 and departments ask. */
@ShinchokuServiceTest
class PlanListsApiTest {

    @LocalServerPort
    int port;

    HttpJson http;
    String sanjo;
    String setouchi;

    @BeforeEach
    void publish() {
        http = HttpJson.onPort(port);
        sanjo = DemoPlans.uniqueName("三条市");
        setouchi = DemoPlans.uniqueName("瀬戸内町");
        assertThat(DemoPlans.publish(http, "sanjo", sanjo).status()).isEqualTo(201);
        assertThat(DemoPlans.publish(http, "setouchi", setouchi).status()).isEqualTo(201);
    }

    @Test
    void plansAreListedByMunicipalityAPageAtATime() {
        JsonNode page = http.get("/api/plans?municipality=" + HttpJson.encode(sanjo)).json();
        assertThat(page.get("totalItems").asInt()).isEqualTo(1);
        assertThat(page.at("/items/0/title").asString()).isEqualTo("三条市官民データ活用推進計画");
        assertThat(page.at("/items/0/kpis").asInt()).isEqualTo(25);

        JsonNode all = http.get("/api/plans?size=1&page=1").json();
        assertThat(all.get("items")).hasSize(1);
        assertThat(all.get("totalPages").asInt()).isEqualTo(all.get("totalItems").asInt());

        assertThat(http.get("/api/plans?municipality=" + HttpJson.encode(setouchi) + "&fiscalYear="
                + HttpJson.encode("令和2年度")).json().get("totalItems").asInt()).isEqualTo(1);
        assertThat(http.get("/api/plans?municipality=" + HttpJson.encode(setouchi) + "&fiscalYear=2035")
                .json().get("totalItems").asInt()).isZero();
    }

    @Test
    void kpisAreFilteredByDepartmentFiscalYearAndDeadlineWindow() {
        String municipality = "municipality=" + HttpJson.encode(sanjo);
        JsonNode all = http.get("/api/kpi-definitions?size=500&" + municipality).json();
        assertThat(all.get("totalItems").asInt()).isEqualTo(25);

        JsonNode shimin = http.get("/api/kpi-definitions?department=shimin&" + municipality).json();
        assertThat(shimin.get("totalItems").asInt()).isPositive().isLessThan(25);
        assertThat(shimin.get("items").valueStream().map(k -> k.get("department").asString())).containsOnly("shimin");

        JsonNode fiscal = http.get("/api/kpi-definitions?fiscalYear=" + HttpJson.encode("令和3年度") + "&" + municipality).json();
        assertThat(fiscal.get("totalItems").asInt()).isPositive();
        assertThat(fiscal.get("items").valueStream().map(k -> LocalDate.parse(k.at("/kpi/due/date").asString())))
                .allSatisfy(due -> assertThat(due).isBetween(LocalDate.of(2021, 4, 1), LocalDate.of(2022, 3, 31)));

        JsonNode window = http.get("/api/kpi-definitions?dueFrom=" + HttpJson.encode("令和3年4月") + "&dueTo=2022-03-31&"
                + municipality).json();
        assertThat(window.get("totalItems").asInt()).isEqualTo(fiscal.get("totalItems").asInt());

        JsonNode paged = http.get("/api/kpi-definitions?size=10&page=2&" + municipality).json();
        assertThat(paged.get("items")).hasSize(5);
        assertThat(paged.get("totalPages").asInt()).isEqualTo(3);
    }

    @Test
    void milestonesAreFilteredByStatusAndDueDate() {
        String municipality = "municipality=" + HttpJson.encode(setouchi);
        JsonNode all = http.get("/api/milestones?size=500&" + municipality).json();
        assertThat(all.get("totalItems").asInt()).isEqualTo(12);
        assertThat(http.get("/api/milestones?status=" + HttpJson.encode("未着手") + "&" + municipality).json()
                .get("totalItems").asInt()).isEqualTo(12);
        assertThat(http.get("/api/milestones?status=done&" + municipality).json().get("totalItems").asInt()).isZero();
        assertThat(http.get("/api/milestones?dueTo=2019-03-31&" + municipality).json().get("items").valueStream()
                .map(m -> LocalDate.parse(m.at("/milestone/due/date").asString())))
                .allSatisfy(due -> assertThat(due).isBeforeOrEqualTo(LocalDate.of(2019, 3, 31)));
    }

    @Test
    void badParametersAreExplained() {
        HttpJson.Response fiscalYear = http.get("/api/kpi-definitions?fiscalYear=" + HttpJson.encode("令和6年3月"));
        assertThat(fiscalYear.status()).isEqualTo(400);
        assertThat(fiscalYear.json().get("type").asString()).isEqualTo("urn:shinchoku:problem:invalid-parameter");
        assertThat(fiscalYear.json().get("detail").asString()).contains("年度ではありません");

        assertThat(http.get("/api/kpi-definitions?dueFrom=2024-04-01&dueTo=2024-03-31").status()).isEqualTo(400);
        assertThat(http.get("/api/milestones?status=someday").status()).isEqualTo(400);
        HttpJson.Response paging = http.get("/api/plans?size=0");
        assertThat(paging.status()).isEqualTo(400);
        assertThat(paging.json().get("type").asString()).isEqualTo("urn:shinchoku:problem:invalid-paging");
        HttpJson.Response typed = http.get("/api/plans?page=first");
        assertThat(typed.status()).isEqualTo(400);
        assertThat(typed.json().get("type").asString()).isEqualTo("urn:shinchoku:problem:invalid-parameter");
    }
}
