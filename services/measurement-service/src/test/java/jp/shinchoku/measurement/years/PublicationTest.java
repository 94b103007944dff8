package jp.shinchoku.measurement.years;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import jp.shinchoku.contracts.Events;
import jp.shinchoku.contracts.plan.KpiDefinedV1;
import jp.shinchoku.measurement.TestKpis;
import jp.shinchoku.measurement.TestKpis.Kpi;
import jp.shinchoku.testsupport.HttpJson;
import jp.shinchoku.testsupport.SharedInfrastructure;
import jp.shinchoku.testsupport.ShinchokuServiceTest;
import jp.shinchoku.testsupport.TestEvents;
import jp.shinchoku.testsupport.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * 公表 on 20 April 2025: the 推進本部 closes 令和6年度, previews the edition and publishes it; anyone then reads its
 * 公開 KPIs as open data (JSON and CSV), never a 非公開 one and never live values: a correction after a reopening
 * changes the published figures only once the new edition is published. Publishing twice is 409; a department may
 * not publish; the live export is no longer for anyone.
 */
@ShinchokuServiceTest(properties = "shinchoku.clock.start-date=2025-04-20")
class PublicationTest {

    private static final String TOWN = "462233";

    @LocalServerPort
    int port;

    final TestKpis plan = new TestKpis();

    @Test
    void aPublishedEditionIsWhatThePublicReads() {
        HttpJson admin = HttpJson.onPort(port);
        HttpJson hq = admin.as(TestTokens.hq(TOWN));
        HttpJson somu = admin.as(TestTokens.department(TOWN, "somu"));
        HttpJson anyone = admin.anonymous();
        String apps = plan.define(admin, Kpi.count("apps", "somu", "0", "100"));
        String internal = definePrivate(admin);
        String first = report(somu, apps, "80", "2025-03-31");
        report(somu, internal, "7", "2025-03-31");
        String figures = "/api/open-data/plans/" + plan.planId() + "/figures";
        assertThat(anyone.get(figures).status()).isEqualTo(404);
        assertThat(anyone.get("/api/plans/" + plan.planId() + "/progress/export").status())
                .as("live values are not open data").isEqualTo(401);

        String year = "/api/plans/" + plan.planId() + "/fiscal-years/2024";
        JsonNode closed = hq.post(year + "/close", "{}").json();
        String edition = closed.get("history").get(0).get("edition").asString();
        String editionPath = "/api/plans/" + plan.planId() + "/editions/" + HttpJson.encode(edition);

        JsonNode preview = hq.get(editionPath + "/preview").json();
        assertThat(preview.get("rows").valueStream().map(row -> row.get("kpiId").asString())).containsExactly(apps);
        assertThat(somu.post(editionPath + "/publish", "").status()).isEqualTo(403);
        JsonNode published = hq.post(editionPath + "/publish", "").json();
        assertThat(published.get("current").asBoolean()).isTrue();
        assertThat(published.get("fiscalYearLabel").asString()).isEqualTo("令和6年度");
        HttpJson.Response again = hq.post(editionPath + "/publish", "");
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().get("type").asString()).endsWith("edition-already-published");

        JsonNode open = anyone.get(figures).json();
        assertThat(open.get("editionId").asString()).isEqualTo(edition);
        assertThat(open.get("rows").valueStream().map(row -> row.get("kpiId").asString()))
                .as("the 非公開 KPI is not there").containsExactly(apps);
        assertThat(open.at("/rows/0/latestValue").asInt()).isEqualTo(80);
        assertThat(open.at("/rows/0/status").asString()).isEqualTo("順調");
        assertThat(open.get("dictionary").valueStream().map(column -> column.get("key").asString()))
                .contains("kpiName", "latestValue", "verdict");
        String csv = anyone.get(figures + ".csv").body();
        assertThat(csv).startsWith("\uFEFF柱番号").contains("オンライン申請件数", ",80,").doesNotContain("内部指標");
        assertThat(anyone.get("/api/open-data/plans").json().valueStream()
                .filter(p -> p.get("planId").asString().equals(plan.planId())).findFirst().orElseThrow()
                .get("editionId").asString()).isEqualTo(edition);

        // corrected after a reopening: the public reads what was published until the new edition is
        assertThat(hq.post(year + "/reopen", "{\"reason\": \"集計誤り\"}").status()).isEqualTo(200);
        assertThat(somu.post("/api/kpis/" + apps + "/measurements/" + first + "/corrections",
                "{\"value\": 85, \"reason\": \"集計誤り\"}", Map.of("Idempotency-Key", "fix-" + first)).status())
                .isEqualTo(201);
        JsonNode reclosed = hq.post(year + "/close", "{}").json();
        String second = reclosed.get("history").get(2).get("edition").asString();
        assertThat(anyone.get(figures).json().at("/rows/0/latestValue").asInt()).isEqualTo(80);
        assertThat(anyone.get(figures + "/years").json().valueStream()
                .map(kept -> kept.get("fiscalYear").asInt() + ":" + kept.at("/rows/0/latestValue").asInt()))
                .as("each year's series: its latest publication").containsExactly("2024:80");
        hq.post("/api/plans/" + plan.planId() + "/editions/" + HttpJson.encode(second) + "/publish", "");
        assertThat(anyone.get(figures).json().at("/rows/0/latestValue").asInt()).isEqualTo(85);
        assertThat(anyone.get(figures + "/years").json().valueStream()
                .map(kept -> kept.get("editionId").asString() + ":" + kept.at("/rows/0/latestValue").asInt()))
                .containsExactly(second + ":85");
        assertThat(hq.get("/api/plans/" + plan.planId() + "/publications").json().valueStream()
                .map(p -> p.get("editionId").asString() + ":" + p.get("current").asBoolean()))
                .containsExactly(edition + ":false", second + ":true");
    }

    @Test
    void aMeasureWhoseTitleIsPrivateIsNamedByItsCodeAloneInWhatThePublicReadsAndInItsPreview() {
        HttpJson admin = HttpJson.onPort(port);
        HttpJson hq = admin.as(TestTokens.hq(TOWN));
        HttpJson somu = admin.as(TestTokens.department(TOWN, "somu"));
        HttpJson anyone = admin.anonymous();
        String apps = plan.define(admin, Kpi.count("apps", "somu", "0", "100"));
        String counters = defineUnderAPrivateTitle(admin);
        report(somu, apps, "80", "2025-03-31");
        report(somu, counters, "3", "2025-03-31");

        String year = "/api/plans/" + plan.planId() + "/fiscal-years/2024";
        String edition = hq.post(year + "/close", "{}").json().get("history").get(0).get("edition").asString();
        String editionPath = "/api/plans/" + plan.planId() + "/editions/" + HttpJson.encode(edition);
        assertThat(hq.get(editionPath).json().get("rows").valueStream()
                .map(row -> row.get("measureCode").asString() + " " + row.get("measureTitle").asString()))
                .as("the staff's own edition keeps the title").containsExactly("1-1 電子申請の拡充", "1-2 " + PRIVATE_TITLE);

        JsonNode preview = hq.get(editionPath + "/preview").json();
        assertThat(titles(preview)).as("the preview shows what the public would read")
                .containsExactly(apps + " 1-1 電子申請の拡充", counters + " 1-2 null");
        assertThat(preview.at("/rows/1/kpiName").asString()).isEqualTo("窓口の待ち時間");

        assertThat(hq.post(editionPath + "/publish", "").status()).isEqualTo(200);
        String figures = "/api/open-data/plans/" + plan.planId() + "/figures";
        JsonNode open = anyone.get(figures).json();
        assertThat(titles(open)).containsExactly(apps + " 1-1 電子申請の拡充", counters + " 1-2 null");
        assertThat(open.at("/rows/1").has("measureTitle")).as("the column is there, empty").isTrue();
        assertThat(anyone.get(figures + "/years").json().get(0).get("rows").valueStream()
                .map(row -> row.get("measureTitle").isNull())).containsExactly(false, true);
        String csv = anyone.get(figures + ".csv").body();
        assertThat(csv).contains("1-1,電子申請の拡充,somu," + apps, "1-2,,somu," + counters, "窓口の待ち時間")
                .doesNotContain(PRIVATE_TITLE);
    }

    private static final String PRIVATE_TITLE = "窓口業務の委託検討";

    private static List<String> titles(JsonNode figures) {
        return figures.get("rows").valueStream().map(row -> row.get("kpiId").asString() + " "
                + row.get("measureCode").asString() + " " + (row.get("measureTitle").isNull() ? "null"
                        : row.get("measureTitle").asString())).toList();
    }

    /** A 公開 KPI of measure 1-2, whose title the plan marks 非公開. */
    private String defineUnderAPrivateTitle(HttpJson admin) {
        String kpiId = plan.planId() + ".1-2.wait";
        TestEvents.publish(SharedInfrastructure.get().bootstrapServers(), Events.KPI_DEFINED, new KpiDefinedV1(kpiId,
                plan.planId(), TOWN, "1", "1-2", PRIVATE_TITLE, "somu", "窓口の待ち時間", "分", "count", "decrease",
                new KpiDefinedV1.Baseline(BigDecimal.TEN, LocalDate.parse("2021-04-01")),
                new KpiDefinedV1.Target(BigDecimal.ONE, LocalDate.parse("2026-03-31")), 1, null, null, List.of(), false,
                "行政手続のオンライン化", "cumulative", "quarterly", new KpiDefinedV1.PlanPeriod(2021, 2025), null, null, null,
                null, true, false));
        await().until(() -> admin.get("/api/kpis/" + kpiId + "/progress").status() == 200);
        return kpiId;
    }

    private String definePrivate(HttpJson admin) {
        String kpiId = plan.planId() + ".1-1.internal";
        TestEvents.publish(SharedInfrastructure.get().bootstrapServers(), Events.KPI_DEFINED, new KpiDefinedV1(kpiId,
                plan.planId(), TOWN, "1", "1-1", "電子申請の拡充", "somu", "内部指標", "件", "count", "increase",
                new KpiDefinedV1.Baseline(BigDecimal.ZERO, LocalDate.parse("2021-04-01")),
                new KpiDefinedV1.Target(BigDecimal.TEN, LocalDate.parse("2026-03-31")), 1, null, null, List.of(), false,
                "行政手続のオンライン化", "cumulative", "quarterly", new KpiDefinedV1.PlanPeriod(2021, 2025), null, null, null,
                null, false));
        await().until(() -> admin.get("/api/kpis/" + kpiId + "/progress").status() == 200);
        return kpiId;
    }

    private static String report(HttpJson as, String kpiId, String value, String measuredOn) {
        HttpJson.Response response = as.post("/api/kpis/" + kpiId + "/measurements",
                "{\"value\": " + value + ", \"measuredOn\": \"" + measuredOn + "\"}",
                Map.of("Idempotency-Key", kpiId + measuredOn));
        assertThat(response.status()).isEqualTo(201);
        return response.json().get("id").asString();
    }
}
