package jp.shinchoku.measurement.progress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jp.shinchoku.measurement.TestKpis;
import jp.shinchoku.measurement.TestKpis.Kpi;
import jp.shinchoku.testsupport.HttpJson;
import jp.shinchoku.testsupport.ShinchokuServiceTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Roll-ups, series, reports due and the open-data export of a plan with one KPI of each kind, on 25 November 2024
 * (令和6年度第3四半期). The plan runs 令和3年度–令和7年度 from baselines of 1 April 2021 to targets due 31 March 2026.
 */
@ShinchokuServiceTest(properties = "shinchoku.clock.start-date=2024-11-25")
class ProgressQueriesApiTest {

    @LocalServerPort
    int port;

    HttpJson http;
    TestKpis plan = new TestKpis();
    String apps;
    String cards;
    String cashless;
    String training;
    String datasets;
    String downloads;
    String forms;

    @BeforeEach
    void plan() {
        http = HttpJson.onPort(port);
        apps = plan.define(http, Kpi.count("apps", "johoseisaku", "100", "1000"));
        cards = plan.define(http, Kpi.percentage("cards", "shimin", "30", "90"));
        cashless = plan.define(http, Kpi.realized("cashless", "kaikei"));
        training = plan.define(http, Kpi.qualitative("training", "somu"));
        datasets = plan.define(http, Kpi.undefined("datasets", "johoseisaku"));
        downloads = plan.define(http, Kpi.count("downloads", "johoseisaku", "1000", "4000").in("2-2", "オープンデータの利活用").perPeriod());
        forms = plan.define(http, Kpi.count("forms", "johoseisaku", "10", "100").in("1-5", "申請様式の電子化"));
        report(cards, "80", "2024-05-31");
        report(apps, "600", "2024-09-30");
        report(training, "\"新任職員研修でDXを扱った\"", "2024-09-30");
        report(datasets, "25", "2024-09-30");
        report(downloads, "500", "2024-06-30");
        report(downloads, "700", "2024-09-30");
        await().untilAsserted(() -> assertThat(http.get("/api/kpis/" + downloads + "/progress").json().get("latestValue"))
                .isNotNull());
    }

    @Test
    void aPlanRollsUpByPillarWithItsMethodShown() {
        JsonNode rollup = http.get("/api/plans/" + plan.planId() + "/progress?by=pillar").json();

        assertThat(rollup.get("asOf").asString()).isEqualTo("2024-11-25");
        assertThat(rollup.get("asOfLabel").asString()).isEqualTo("令和6年11月25日");
        assertThat(rollup.at("/method/ja").asString()).contains("平均達成度", "未報告・目標未設定・定性の評価指標は平均に含めず");
        assertThat(rollup.at("/method/en").asString()).contains("capped at 1");
        assertThat(rollup.get("groups").valueStream().map(g -> g.get("label").asString()))
                .containsExactly("行政手続のオンライン化", "オープンデータの推進");

        JsonNode online = rollup.get("groups").get(0);
        assertThat(online.get("kpis").asInt()).isEqualTo(5);
        assertThat(count(online, "AT_RISK")).isEqualTo(1);
        assertThat(count(online, "ON_TRACK")).isEqualTo(1);
        assertThat(count(online, "NO_DATA")).isEqualTo(2);
        assertThat(count(online, "NOT_MEASURABLE")).isEqualTo(1);
        assertThat(share(online, "NO_DATA")).isEqualByComparingTo("0.4");
        assertThat(online.get("measured").asInt()).isEqualTo(2);
        assertThat(online.get("meanAchievement").decimalValue()).as("(0.5556 + 0.8333) / 2").isEqualByComparingTo("0.6945");
        assertThat(online.get("withoutData").asInt()).isEqualTo(2);
        assertThat(online.get("notMeasurable").asInt()).isEqualTo(1);

        JsonNode openData = rollup.get("groups").get(1);
        assertThat(openData.get("withoutTarget").asInt()).isEqualTo(1);
        assertThat(openData.get("measured").asInt()).isEqualTo(1);
        assertThat(openData.get("meanAchievement").decimalValue()).as("per-period: (500+700)×4/2 = 2400 of 1000→4000")
                .isEqualByComparingTo("0.4667");
        assertThat(rollup.at("/total/kpis").asInt()).isEqualTo(7);
    }

    @Test
    void aRollUpAsOfAnEarlierDateSeesOnlyWhatWasMeasuredByThen() {
        JsonNode june = http.get("/api/plans/" + plan.planId() + "/progress?by=plan&asOf=令和6年6月末").json();
        assertThat(june.get("asOf").asString()).isEqualTo("2024-06-30");
        JsonNode total = june.get("total");
        assertThat(total.get("measured").asInt()).as("the card rate and the first quarter's downloads").isEqualTo(2);
        assertThat(count(total, "NO_DATA")).isEqualTo(3);

        JsonNode lastYear = http.get("/api/plans/" + plan.planId() + "/progress?by=department&fiscalYear=令和5年度").json();
        assertThat(lastYear.get("asOf").asString()).isEqualTo("2024-03-31");
        assertThat(lastYear.at("/total/measured").asInt()).isZero();
        assertThat(lastYear.at("/total/meanAchievement").isNull() || lastYear.at("/total/meanAchievement").isMissingNode()).isTrue();
        assertThat(lastYear.get("groups").valueStream().map(g -> g.get("key").asString()))
                .containsExactly("johoseisaku", "kaikei", "shimin", "somu");

        JsonNode byMeasure = http.get("/api/plans/" + plan.planId() + "/progress?by=measure").json();
        assertThat(byMeasure.get("groups").valueStream().map(g -> g.get("key").asString()))
                .containsExactly("1-1", "1-2", "1-3", "1-4", "1-5", "2-1", "2-2");
    }

    @Test
    void badQuestionsAreProblems() {
        assertThat(http.get("/api/plans/" + plan.planId() + "/progress?by=colour").status()).isEqualTo(400);
        assertThat(http.get("/api/plans/" + plan.planId() + "/progress?asOf=2024-01-01&fiscalYear=2023").status()).isEqualTo(400);
        HttpJson.Response badDate = http.get("/api/plans/" + plan.planId() + "/progress?asOf=" + HttpJson.encode("令和6年13月"));
        assertThat(badDate.status()).isEqualTo(400);
        assertThat(badDate.json().get("detail").asString()).contains("asOf");
        assertThat(http.get("/api/plans/pln-none/progress").status()).isEqualTo(404);
        assertThat(http.get("/api/kpis/none/series").status()).isEqualTo(404);
    }

    @Test
    void aKpisSeriesShowsEachValueAgainstItsTrajectory() {
        JsonNode series = http.get("/api/kpis/" + apps + "/series").json();

        assertThat(series.get("trajectory").valueStream().map(p -> p.get("label").asString() + " " + p.get("date").asString()
                + " " + p.get("value").decimalValue().toPlainString()))
                .containsExactly("現状値 2021-04-01 100", "目標値 2026-03-31 1000");
        JsonNode observation = series.get("observations").get(0);
        assertThat(observation.get("reported").decimalValue()).isEqualByComparingTo("600");
        assertThat(observation.get("period").asString()).isEqualTo("FY2024-Q2");
        assertThat(observation.get("expectedValue").decimalValue()).as("on 2024-09-30, 1278 of 1825 days")
                .isEqualByComparingTo("730.27");
        assertThat(observation.get("statusLabel").asString()).isEqualTo("注意");

        JsonNode perPeriod = http.get("/api/kpis/" + downloads + "/series").json();
        assertThat(perPeriod.get("accumulation").asString()).isEqualTo("per-period");
        assertThat(perPeriod.get("observations").valueStream().map(o -> o.get("reported").decimalValue().intValue() + "→"
                + o.get("value").decimalValue().intValue())).containsExactly("500→2000", "700→2400");
    }

    @Test
    void aDepartmentSeesItsReportsDueForThePeriodLastEnded() {
        List<JsonNode> due = http.get("/api/plans/" + plan.planId() + "/departments/johoseisaku/due").json()
                .valueStream().toList();

        assertThat(due).extracting(d -> d.get("kpiId").asString()).containsExactly(apps, forms, datasets, downloads);
        assertThat(due).allSatisfy(d -> {
            assertThat(d.get("period").asString()).isEqualTo("FY2024-Q2");
            assertThat(d.get("dueOn").asString()).isEqualTo("2024-10-31");
            assertThat(d.get("dueOnLabel").asString()).isEqualTo("令和6年10月31日");
        });
        assertThat(due.get(0).get("state").asString()).isEqualTo("REPORTED");
        assertThat(due.get(1).get("state").asString()).isEqualTo("OVERDUE");
        assertThat(due.get(1).get("stateLabel").asString()).isEqualTo("期限超過");
        assertThat(due.get(3).get("state").asString()).isEqualTo("REPORTED");

        TestKpis monthly = new TestKpis().cadence("monthly");
        String monthlyKpi = monthly.define(http, Kpi.count("visits", "kikaku", "0", "100"));
        JsonNode october = http.get("/api/plans/" + monthly.planId() + "/departments/kikaku/due").json().get(0);
        assertThat(october.get("kpiId").asString()).isEqualTo(monthlyKpi);
        assertThat(october.get("periodLabel").asString()).isEqualTo("令和6年10月");
        assertThat(october.get("state").asString()).isEqualTo("DUE");
    }

    @Test
    void theOpenDataExportIsExcelReadyCsvAndJsonWithAColumnDictionary() {
        HttpJson.Response csv = http.get("/api/plans/" + plan.planId() + "/progress/export.csv");

        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.contentType()).startsWith("text/csv");
        byte[] bytes = csv.body().getBytes(StandardCharsets.UTF_8);
        assertThat(new String(bytes, 0, 3, StandardCharsets.UTF_8)).isEqualTo("\uFEFF");
        List<String> lines = csv.body().lines().toList();
        assertThat(lines.getFirst()).startsWith("\uFEFF基準日,計画ID,柱番号,柱,施策番号,個別施策,担当部署,評価指標ID,評価指標");
        assertThat(lines).hasSize(8);
        assertThat(lines).anySatisfy(line -> assertThat(line).contains(apps, "オンライン申請件数", "600", "注意", "A"));

        JsonNode json = http.get("/api/plans/" + plan.planId() + "/progress/export?fiscalYear=令和6年度").json();
        assertThat(json.get("rows")).hasSize(7);
        assertThat(json.get("dictionary").valueStream().map(c -> c.get("key").asString()))
                .containsExactlyElementsOf(json.get("rows").get(0).propertyNames());
        JsonNode cardsRow = json.get("rows").valueStream().filter(r -> r.get("kpiId").asString().equals(cards)).findFirst().orElseThrow();
        assertThat(cardsRow.get("status").asString()).isEqualTo("順調");
        assertThat(cardsRow.get("latestValue").decimalValue()).isEqualByComparingTo("80");

        HttpJson.Response dictionary = http.get("/api/open-data/progress/dictionary.csv");
        assertThat(dictionary.body()).startsWith("\uFEFF項目名,キー,型,説明").contains("達成度,achievement,number,");
    }

    @Test
    void thePortalReadsAPlansKpisWithTheirCodesAsOfADayAndADepartmentItsOwn() {
        JsonNode today = http.get("/api/plans/" + plan.planId() + "/kpis").json();
        assertThat(today.get("asOf").asString()).isEqualTo("2024-11-25");
        assertThat(today.get("asOfLabel").asString()).isEqualTo("令和6年11月25日");
        assertThat(today.get("kpis")).hasSize(7);
        JsonNode appsRow = kpi(today, apps);
        assertThat(appsRow.get("name").asString()).isEqualTo("オンライン申請件数");
        assertThat(appsRow.get("status").asString()).as("a code, not the export's label").isEqualTo("AT_RISK");
        assertThat(appsRow.get("statusLabel").asString()).isEqualTo("注意");
        assertThat(appsRow.get("grade").asString()).isEqualTo("A");
        assertThat(appsRow.get("pillarCode").asString()).isEqualTo("1");
        assertThat(appsRow.get("measureCode").asString()).isEqualTo("1-1");
        assertThat(appsRow.get("departmentCode").asString()).isEqualTo("johoseisaku");
        assertThat(appsRow.get("latestValue").decimalValue()).isEqualByComparingTo("600");
        assertThat(appsRow.get("latestMeasuredOn").asString()).isEqualTo("2024-09-30");
        assertThat(appsRow.get("targetValue").decimalValue()).isEqualByComparingTo("1000");
        assertThat(appsRow.get("targetDue").asString()).isEqualTo("2026-03-31");
        assertThat(appsRow.get("provisional").asBoolean()).isFalse();
        assertThat(kpi(today, training).get("latestText").asString()).isEqualTo("新任職員研修でDXを扱った");
        assertThat(kpi(today, training).get("status").asString()).isEqualTo("NOT_MEASURABLE");

        // as the export counts a day: before the September reports, apps had none
        JsonNode june = http.get("/api/plans/" + plan.planId() + "/kpis?asOf=2024-06-30").json();
        assertThat(june.get("asOf").asString()).isEqualTo("2024-06-30");
        assertThat(kpi(june, apps).get("status").asString()).isEqualTo("NO_DATA");
        assertThat(kpi(june, cards).get("latestValue").decimalValue()).isEqualByComparingTo("80");
        assertThat(http.get("/api/plans/" + plan.planId() + "/kpis?asOf=2024-06-30&fiscalYear=令和6年度").status())
                .isEqualTo(400);

        // a department reads its own part, not the whole plan; the 推進本部 reads any part
        HttpJson shimin = http.as(jp.shinchoku.testsupport.TestTokens.department("462233", "shimin"));
        assertThat(shimin.get("/api/plans/" + plan.planId() + "/kpis").status()).isEqualTo(403);
        assertThat(shimin.get("/api/plans/" + plan.planId() + "/kpis?department=somu").status()).isEqualTo(403);
        JsonNode own = shimin.get("/api/plans/" + plan.planId() + "/kpis?department=shimin").json();
        assertThat(own.get("kpis").valueStream().map(k -> k.get("kpiId").asString())).containsExactly(cards);
        HttpJson hq = http.as(jp.shinchoku.testsupport.TestTokens.hq("462233"));
        assertThat(hq.get("/api/plans/" + plan.planId() + "/kpis?department=johoseisaku").json().get("kpis")).hasSize(4);
        assertThat(http.as(jp.shinchoku.testsupport.TestTokens.hq("152048")).get("/api/plans/" + plan.planId() + "/kpis")
                .status()).as("another municipality's plan").isEqualTo(404);
    }

    private static JsonNode kpi(JsonNode kpis, String kpiId) {
        return kpis.get("kpis").valueStream().filter(k -> k.get("kpiId").asString().equals(kpiId)).findFirst()
                .orElseThrow();
    }

    private void report(String kpi, String value, String measuredOn) {
        HttpJson.Response response = http.post("/api/kpis/" + kpi + "/measurements",
                "{\"value\": " + value + ", \"measuredOn\": \"" + measuredOn + "\"}",
                Map.of("Idempotency-Key", UUID.randomUUID().toString()));
        assertThat(response.status()).as(response.body()).isEqualTo(201);
    }

    private static int count(JsonNode group, String status) {
        return group.get("statuses").valueStream().filter(s -> s.get("status").asString().equals(status))
                .findFirst().orElseThrow().get("kpis").asInt();
    }

    private static java.math.BigDecimal share(JsonNode group, String status) {
        return group.get("statuses").valueStream().filter(s -> s.get("status").asString().equals(status))
                .findFirst().orElseThrow().get("share").decimalValue();
    }
}
