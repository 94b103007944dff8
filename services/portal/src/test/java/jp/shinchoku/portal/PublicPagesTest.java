package jp.shinchoku.portal;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import jp.shinchoku.portal.api.Api;
import jp.shinchoku.portal.api.ApiProblemException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The public pages (公表), read without signing in, from what the services answer anyone (fixtures of their open-data
 * JSON): the municipalities, a municipality's plans, a plan's published figures with a chart per KPI, the downloads.
 * {@code PublicPageBrowserTest} in the launcher runs them over the real services.
 */
@PortalPageTest
class PublicPagesTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String PLAN = "pln-setouchi";
    private static final String CARDS = PLAN + ".3-1.1";
    private static final String LATER_PRIVATE = PLAN + ".3-1.2";
    private static final String UNPUBLISHED = PLAN + ".3-1.3";

    @Autowired
    MockMvc mvc;

    @MockitoBean
    Api api;

    @BeforeEach
    void services() {
        String summary = """
                {"id": "%s", "title": "瀬戸内町官民データ活用推進計画", "municipality": {"code": null, "name": "瀬戸内町",
                 "prefecture": "鹿児島県"}, "period": {"from": "令和3年度", "to": "令和7年度"}, "revision": 2}""".formatted(PLAN);
        when(api.getPublic(Api.Service.PLAN, "/api/open-data/plan-documents")).thenReturn(json("[" + summary + "]"));
        when(api.getPublic(Api.Service.PLAN, "/api/open-data/plan-documents?municipality={m}", "瀬戸内町"))
                .thenReturn(json("[" + summary + "]"));
        when(api.getPublic(Api.Service.PLAN, "/api/open-data/plan-documents?municipality={m}", "どこにもない町"))
                .thenReturn(json("[]"));
        // the plan service leaves out what is 非公開: a 非公開 KPI is not in the document, a 非公開 title is null
        when(api.getPublic(Api.Service.PLAN, "/api/open-data/plan-documents/{planId}", PLAN)).thenReturn(json("""
                {"id": "%1$s", "title": "瀬戸内町官民データ活用推進計画", "municipality": {"name": "瀬戸内町", "prefecture": "鹿児島県"},
                 "period": {"from": "令和3年度", "to": "令和7年度"}, "revision": 2,
                 "departments": [{"code": "shimin", "name": "町民課"}],
                 "pillars": [{"code": "3", "title": "マイナンバーカードの普及・活用", "measures": [
                   {"code": "3-1", "title": "マイナンバーカードの取得率向上", "summary": "出張申請を行う", "department": "shimin",
                    "cost": [{"fiscalYear": "令和6年度", "amount": 1200000, "note": null}],
                    "kpis": [{"id": "%2$s", "name": "マイナンバーカード交付率", "unit": "%%", "indicatorTypeLabel": "効果",
                              "baseline": 12.5, "baselineAsOf": {"date": "2021-03-31", "wareki": "令和3年3月31日"},
                              "target": 60, "due": {"date": "2026-03-31", "wareki": "令和8年3月31日"}},
                             {"id": "%3$s", "name": "出張申請の回数", "unit": "回", "target": 12,
                              "due": {"date": "2026-03-31", "wareki": "令和8年3月31日"}}]},
                   {"code": "3-2", "title": null, "kpis": []}]}]}""".formatted(PLAN, CARDS, UNPUBLISHED)));
        when(api.getPublic(Api.Service.MEASUREMENT, "/api/open-data/plans")).thenReturn(json("""
                [{"planId": "%s", "fiscalYear": 2024, "fiscalYearLabel": "令和6年度", "editionId": "%1$s:FY2024:7",
                  "publishedAt": "2025-04-20T01:00:00Z"}]""".formatted(PLAN)));
        String year2023 = figures(2023, "令和5年度", "2024-03-31", "38.2", "2024-04-22T01:00:00Z");
        String year2024 = figures(2024, "令和6年度", "2025-03-31", "47.5", "2025-04-20T01:00:00Z");
        when(api.getPublic(Api.Service.MEASUREMENT, "/api/open-data/plans/{planId}/figures", PLAN))
                .thenReturn(json(year2024));
        when(api.getPublic(Api.Service.MEASUREMENT, "/api/open-data/plans/{planId}/figures/years", PLAN))
                .thenReturn(json("[" + year2023 + "," + year2024 + "]"));
    }

    /** A year's published figures: the KPI, and one published then but 非公開 in the plan since. */
    private static String figures(int year, String label, String asOf, String value, String at) {
        return """
                {"planId": "%1$s", "fiscalYear": %3$d, "fiscalYearLabel": "%4$s", "editionId": "%1$s:FY%3$d:1",
                 "asOf": "%5$s", "publishedAt": "%7$s", "rows": [
                  {"pillarCode": "3", "measureCode": "3-1", "kpiId": "%2$s", "kpiName": "マイナンバーカード交付率", "unit": "%%",
                   "baselineValue": 12.5, "targetValue": 60, "targetDue": "2026-03-31", "latestValue": %6$s,
                   "achievement": 73.0, "status": "順調", "grade": "B", "verdict": null},
                  {"pillarCode": "3", "measureCode": "3-1", "kpiId": "%8$s", "kpiName": "職員向け内部指標", "unit": "件",
                   "latestValue": 99, "status": "順調"}]}""".formatted(PLAN, CARDS, year, label, asOf, value, at,
                LATER_PRIVATE);
    }

    @Test
    void anyoneReadsTheMunicipalitiesAndTheirPlansWithoutSigningIn() throws Exception {
        mvc.perform(get("/public"))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("鹿児島県 瀬戸内町"), containsString("計画 1 件"),
                        containsString("href=\"/public/%E7%80%AC%E6%88%B8%E5%86%85%E7%94%BA\""),
                        not(containsString("ログアウト")))));
        mvc.perform(get("/public/瀬戸内町"))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("瀬戸内町の計画"),
                        containsString("href=\"/public/plans/" + PLAN + "\""), containsString("令和6年度"),
                        containsString("令和7年4月20日"), containsString("令和3年度〜令和7年度"))));
        mvc.perform(get("/public/どこにもない町")).andExpect(status().isNotFound())
                .andExpect(content().string(containsString("「どこにもない町」の計画はありません")));
    }

    @Test
    void aPlansPageShowsItsPublishedFiguresWithAChartPerKpiAndNothingPrivate() throws Exception {
        mvc.perform(get("/public/plans/" + PLAN))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(
                        containsString("令和6年度の実績（令和7年3月31日現在）。令和7年4月20日公表。"),
                        containsString("3-1 マイナンバーカードの取得率向上"), containsString("出張申請を行う"),
                        containsString("担当：町民課"), containsString("1,200,000"),
                        containsString("マイナンバーカード交付率"), containsString("12.5 %（令和3年3月31日現在）"),
                        containsString("60 %（令和8年3月31日まで）"), containsString("47.5 %"), containsString("73.0%"),
                        containsString("順調"), containsString("効果"),
                        containsString("<svg class=\"chart\" role=\"img\""),
                        containsString("令和5年度 令和6年3月31日: 38.2"), containsString("令和6年度 令和7年3月31日: 47.5"),
                        containsString("3-2 （非公開）"), containsString("この指標の公表値はまだありません。"),
                        containsString("href=\"/public/plans/" + PLAN + "/figures.csv\""),
                        not(containsString("職員向け内部指標")), not(containsString("<script")))));
    }

    @Test
    void aPlanWithNothingPublishedSaysSo() throws Exception {
        when(api.getPublic(Api.Service.MEASUREMENT, "/api/open-data/plans/{planId}/figures", "pln-new"))
                .thenThrow(new ApiProblemException(404, "urn:shinchoku:problem:nothing-published", "未公表", "none", null));
        when(api.getPublic(Api.Service.MEASUREMENT, "/api/open-data/plans/{planId}/figures/years", "pln-new"))
                .thenReturn(json("[]"));
        when(api.getPublic(Api.Service.PLAN, "/api/open-data/plan-documents/{planId}", "pln-new")).thenReturn(json("""
                {"id": "pln-new", "title": "新しい計画", "municipality": {"name": "瀬戸内町"}, "pillars": []}"""));
        mvc.perform(get("/public/plans/pln-new"))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("実績はまだ公表されていません。"),
                        not(containsString("figures.csv")))));
    }

    @Test
    void manyReadersOfAPlanArePaidForOnceWhileItIsFresh() throws Exception {
        when(api.getPublic(Api.Service.PLAN, "/api/open-data/plan-documents/{planId}", "pln-read-often"))
                .thenReturn(json("""
                        {"id": "pln-read-often", "title": "よく読まれる計画", "municipality": {"name": "瀬戸内町"}, "pillars": []}"""));
        when(api.getPublic(Api.Service.MEASUREMENT, "/api/open-data/plans/{planId}/figures/years", "pln-read-often"))
                .thenReturn(json("[]"));
        when(api.getPublic(Api.Service.MEASUREMENT, "/api/open-data/plans/{planId}/figures", "pln-read-often"))
                .thenThrow(new ApiProblemException(404, "urn:shinchoku:problem:nothing-published", "未公表", "none", null));
        for (int reader = 0; reader < 5; reader++) {
            mvc.perform(get("/public/plans/pln-read-often")).andExpect(status().isOk())
                    .andExpect(header().string("Cache-Control", "max-age=2, public"))
                    .andExpect(content().string(containsString("よく読まれる計画")));
        }
        byte[] gzipped = mvc.perform(get("/public/plans/pln-read-often").header("Accept-Encoding", "gzip, deflate, br"))
                .andExpect(header().string("Content-Encoding", "gzip"))
                .andExpect(header().string("Vary", "Accept-Encoding"))
                .andReturn().getResponse().getContentAsByteArray();
        try (var unzipped = new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(gzipped))) {
            assertThat(new String(unzipped.readAllBytes(), StandardCharsets.UTF_8)).contains("よく読まれる計画");
        }
        mvc.perform(get("/public/plans/pln-read-often").param("lang", "en")).andExpect(status().isOk())
                .andExpect(content().string(containsString("No figures have been published yet.")));
        verify(api, times(2)).getPublic(Api.Service.PLAN, "/api/open-data/plan-documents/{planId}", "pln-read-often");
    }

    @Test
    void theFiguresAreDownloadedAsTheServiceWritesThem() throws Exception {
        byte[] csv = "\uFEFF柱番号,指標名\n3,マイナンバーカード交付率\n".getBytes(StandardCharsets.UTF_8);
        when(api.getPublicBytes(Api.Service.MEASUREMENT, "/api/open-data/plans/{planId}/figures.csv", PLAN))
                .thenReturn(csv);
        when(api.getPublicBytes(eq(Api.Service.MEASUREMENT), eq("/api/open-data/plans/{planId}/figures"), eq(PLAN)))
                .thenReturn("{\"rows\": []}".getBytes(StandardCharsets.UTF_8));
        mvc.perform(get("/public/plans/" + PLAN + "/figures.csv"))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "text/csv;charset=UTF-8"))
                .andExpect(header().string("Content-Disposition", containsString(PLAN + "-figures.csv")))
                .andExpect(content().bytes(csv));
        mvc.perform(get("/public/plans/" + PLAN + "/figures.json"))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "application/json"))
                .andExpect(content().string("{\"rows\": []}"));
    }

    @Test
    void theStaffsPagesStillAskToSignIn() throws Exception {
        mvc.perform(get("/plans")).andExpect(status().is3xxRedirection());
        mvc.perform(get("/fiscal-years")).andExpect(status().is3xxRedirection());
    }

    private static JsonNode json(String text) {
        return JSON.readTree(text);
    }
}
