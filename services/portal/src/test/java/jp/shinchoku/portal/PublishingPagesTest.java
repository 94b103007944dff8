package jp.shinchoku.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.oidcLogin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import jp.shinchoku.portal.api.Api;
import jp.shinchoku.portal.api.ApiProblemException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.OidcLoginRequestPostProcessor;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The 推進本部's publish step (公表) with its preview, the year's report files passed on, and a decided 見直し or
 * 廃止 starting its plan revision, each rendered from fixtures of what the measurement and plan services answer
 * ({@code PublicationController}, {@code DocumentController}, {@code EvaluationController}, the plan's view).
 */
@PortalPageTest
class PublishingPagesTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String PLAN = "pln-setouchi";
    private static final String EDITION = PLAN + ":FY2022:5";
    private static final String PREVIEW = "/fiscal-years/publication?plan=" + PLAN + "&edition=" + EDITION;
    private static final String PUBLISH = "/api/plans/{planId}/editions/{editionId}/publish";
    private static final String EVALUATIONS = "/api/plans/{planId}/fiscal-years/{fiscalYear}/evaluations";
    private static final String PDF = "/api/plans/{planId}/fiscal-years/{fiscalYear}/report.pdf";

    @Autowired
    MockMvc mvc;

    @MockitoBean
    Api api;

    /**
     * 令和4年度's edition 5: three KPIs, one of them 非公開 (職員研修の受講者数); the preview has the two others; the
     * plan published 令和3年度's edition before.
     */
    @BeforeEach
    void services() {
        when(api.get(Api.Service.PLAN, "/api/plans?size=100")).thenReturn(json("""
                {"items": [{"id": "%s", "title": "瀬戸内町官民データ活用推進計画", "municipality": {"name": "瀬戸内町"}}]}
                """.formatted(PLAN)));
        when(api.get(Api.Service.MEASUREMENT, "/api/plans/{planId}/editions/{editionId}", PLAN, EDITION)).thenReturn(json("""
                {"id": "%1$s", "planId": "%2$s", "fiscalYear": 2022, "cause": "CLOSED", "by": "setouchi-hq",
                 "frozenAt": "2023-04-10T00:00:00Z", "asOf": "2023-03-31", "note": null, "rows": [
                  {"kpiId": "%2$s.3-1.1", "name": "窓口申請のオンライン化率", "pillarCode": "3", "pillarTitle": "オンライン化",
                   "measureCode": "3-1", "measureTitle": "行政手続のオンライン化", "departmentCode": "shimin", "unit": "%%",
                   "kind": "PERCENTAGE", "baseline": 0, "target": 50, "due": "2024-03-31", "value": 42, "achievement": 84,
                   "status": "BEHIND", "grade": "A", "published": true,
                   "verdict": {"fiscalYear": 2022, "value": 42, "target": 45, "verdict": "MISSED"}},
                  {"kpiId": "%2$s.1-1.1", "name": "オープンデータ公開数", "pillarCode": "1", "pillarTitle": "オープンデータ",
                   "measureCode": "1-1", "measureTitle": "オープンデータの推進", "departmentCode": "kikaku", "unit": "件",
                   "kind": "COUNT", "baseline": 5, "target": 30, "due": "2024-03-31", "value": 31, "achievement": 104,
                   "status": "ACHIEVED", "grade": "S", "published": null},
                  {"kpiId": "%2$s.1-2.1", "name": "職員研修の受講者数", "pillarCode": "1", "pillarTitle": "オープンデータ",
                   "measureCode": "1-2", "measureTitle": "データ利活用の研修", "departmentCode": "kikaku", "unit": "人",
                   "kind": "COUNT", "baseline": 0, "target": 100, "due": "2024-03-31", "value": 40, "achievement": 40,
                   "status": "BEHIND", "grade": "B", "published": false}]}""".formatted(EDITION, PLAN)));
        when(api.get(Api.Service.MEASUREMENT, "/api/plans/{planId}/editions/{editionId}/preview", PLAN, EDITION))
                .thenReturn(json("""
                        {"planId": "%2$s", "fiscalYear": 2022, "fiscalYearLabel": "令和4年度", "editionId": "%1$s",
                         "asOf": "2023-03-31", "publishedAt": null,
                         "dictionary": [{"key": "pillarCode", "name": "柱番号", "type": "string", "description": "柱の番号"}],
                         "rows": [
                          {"pillarCode": "3", "pillarTitle": "オンライン化", "measureCode": "3-1", "measureTitle": "行政手続のオンライン化",
                           "departmentCode": "shimin", "kpiId": "%2$s.3-1.1", "kpiName": "窓口申請のオンライン化率", "unit": "%%",
                           "kind": "percentage", "baselineValue": 0, "targetValue": 50, "targetDue": "2024-03-31",
                           "latestValue": 42, "achievement": 84, "status": "遅れ", "grade": "A", "verdict": "未達"},
                          {"pillarCode": "1", "pillarTitle": "オープンデータ", "measureCode": "1-1", "measureTitle": "オープンデータの推進",
                           "departmentCode": "kikaku", "kpiId": "%2$s.1-1.1", "kpiName": "オープンデータ公開数", "unit": "件",
                           "kind": "count", "baselineValue": 5, "targetValue": 30, "targetDue": "2024-03-31",
                           "latestValue": 31, "achievement": 104, "status": "達成", "grade": "S", "verdict": null}]}"""
                        .formatted(EDITION, PLAN)));
        publications("""
                [{"editionId": "%s:FY2021:2", "fiscalYear": 2021, "fiscalYearLabel": "令和3年度", "by": "setouchi-hq",
                  "at": "2022-05-20T01:30:00Z", "current": true}]""".formatted(PLAN));
    }

    private void publications(String answer) {
        when(api.get(Api.Service.MEASUREMENT, "/api/plans/{planId}/publications", PLAN)).thenReturn(json(answer));
    }

    @Test
    void thePreviewShowsWhatThePublicWouldReadAndNotThePrivateKpi() throws Exception {
        mvc.perform(get("/fiscal-years/edition").param("plan", PLAN).param("id", EDITION).with(hq()))
                .andExpect(content().string(containsString(
                        "href=\"/fiscal-years/publication?plan=" + PLAN + "&amp;edition=" + EDITION + "\"")));

        mvc.perform(get("/fiscal-years/publication").param("plan", PLAN).param("edition", EDITION).with(hq()))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("<h1>公表プレビュー 版 " + EDITION + "</h1>"),
                        containsString("令和4年度のこの版（令和5年3月31日（2023-03-31）時点の数値）を公表すると"),
                        containsString("3 オンライン化"), containsString("3-1 行政手続のオンライン化"),
                        containsString("<th scope=\"row\">窓口申請のオンライン化率</th>"), containsString("0 %"),
                        containsString("50 %"), containsString("42 %"), containsString("令和6年3月31日（2024-03-31）"),
                        containsString(">遅れ<"), containsString(">未達<"),
                        containsString("<th scope=\"row\">オープンデータ公開数</th>"), containsString("31 件"),
                        not(containsString("職員研修の受講者数")), not(containsString("データ利活用の研修")),
                        containsString("非公開の評価指標 1 件は含みません。"),
                        containsString("この版はまだ公表されていません。"),
                        containsString("action=\"/fiscal-years/publication\""), containsString("name=\"_csrf\""),
                        containsString("この版を公表する"),
                        // the plan's publications, in 和暦
                        containsString(PLAN + ":FY2021:2"), containsString("令和3年度"),
                        containsString("令和4年5月20日（2022-05-20） 10:30"), containsString(">公表中<"),
                        containsString("/fiscal-years/report.pdf?plan=" + PLAN + "&amp;fiscalYear=2022&amp;edition="),
                        containsString("/fiscal-years/report.xlsx?plan=" + PLAN + "&amp;fiscalYear=2022&amp;edition="))));
        mvc.perform(get("/fiscal-years/publication").param("plan", PLAN).param("edition", EDITION).param("lang", "en")
                        .with(hq()))
                .andExpect(content().string(allOf(containsString("Publication preview: edition " + EDITION),
                        containsString("KPIs marked private (非公開) and left out: 1"), containsString("Publish this edition"),
                        containsString("FY2021"))));
    }

    @Test
    void thePreviewSaysWhetherTheEditionIsTheCurrentPublication() throws Exception {
        publications("""
                [{"editionId": "%1$s:FY2021:2", "fiscalYear": 2021, "by": "setouchi-hq", "at": "2022-05-20T01:30:00Z",
                  "current": false},
                 {"editionId": "%2$s", "fiscalYear": 2022, "by": "setouchi-hq", "at": "2023-05-01T00:00:00Z",
                  "current": true}]""".formatted(PLAN, EDITION));
        String page = mvc.perform(get("/fiscal-years/publication").param("plan", PLAN).param("edition", EDITION).with(hq()))
                .andExpect(content().string(containsString(
                        "この版は公表済みで（令和5年5月1日（2023-05-01） 09:00）、現在住民が読んでいる版です。")))
                .andReturn().getResponse().getContentAsString();
        assertThat(page).as("newest first").containsSubsequence(EDITION, PLAN + ":FY2021:2");
    }

    @Test
    void publishingPostsToTheEditionAndComesBackWithTheNotice() throws Exception {
        when(api.post(Api.Service.MEASUREMENT, Map.of(), PUBLISH, PLAN, EDITION)).thenReturn(json("""
                {"editionId": "%s", "fiscalYear": 2022, "fiscalYearLabel": "令和4年度", "by": "setouchi-hq",
                 "at": "2023-05-01T00:00:00Z", "current": true}""".formatted(EDITION)));

        mvc.perform(post("/fiscal-years/publication").param("plan", PLAN).param("edition", EDITION).with(hq()).with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl(PREVIEW))
                .andExpect(flash().attribute("notice",
                        "版 " + EDITION + " を公表しました（令和5年5月1日（2023-05-01） 09:00）。これから住民が読むのはこの版の数値です。"));
        verify(api).post(Api.Service.MEASUREMENT, Map.of(), PUBLISH, PLAN, EDITION);
    }

    @Test
    void anEditionPublishedBeforeIsSaidOnThePreviewNotAnErrorPage() throws Exception {
        when(api.post(Api.Service.MEASUREMENT, Map.of(), PUBLISH, PLAN, EDITION)).thenThrow(new ApiProblemException(409,
                "https://shinchoku.jp/problems/edition-already-published", "版は公表済みです", "The edition is published",
                json("{\"publishedAt\": \"2023-05-01T00:00:00Z\"}")));
        publications("""
                [{"editionId": "%s", "fiscalYear": 2022, "by": "setouchi-hq", "at": "2023-05-01T00:00:00Z", "current": true}]"""
                .formatted(EDITION));

        MvcResult refused = mvc.perform(post("/fiscal-years/publication").param("plan", PLAN).param("edition", EDITION)
                        .with(hq()).with(csrf()))
                .andExpect(redirectedUrl(PREVIEW))
                .andExpect(flash().attribute("problem",
                        "版 " + EDITION + " は公表済みです（令和5年5月1日（2023-05-01） 09:00）。同じ版をもう一度公表することはできません。"))
                .andReturn();
        mvc.perform(get("/fiscal-years/publication").param("plan", PLAN).param("edition", EDITION).with(hq())
                        .flashAttrs(refused.getFlashMap()))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("<div class=\"flash\" role=\"alert\">"),
                        containsString("同じ版をもう一度公表することはできません。"), containsString("この版を公表する"))));

        mvc.perform(post("/fiscal-years/publication").param("plan", PLAN).param("edition", EDITION).with(hq()).with(csrf())
                        .cookie(new jakarta.servlet.http.Cookie("shinchoku-lang", "en")))
                .andExpect(flash().attribute("problem", "Edition " + EDITION
                        + " was already published (令和5年5月1日（2023-05-01） 09:00); an edition is published once."));
    }

    @Test
    void aDepartmentCannotPreviewNorPublish() throws Exception {
        mvc.perform(get("/fiscal-years/publication").param("plan", PLAN).param("edition", EDITION)
                .with(department("shimin"))).andExpect(status().isForbidden());
        mvc.perform(post("/fiscal-years/publication").param("plan", PLAN).param("edition", EDITION)
                .with(department("shimin")).with(csrf())).andExpect(status().isForbidden());
        mvc.perform(get("/fiscal-years/report.pdf").param("plan", PLAN).param("fiscalYear", "2022")
                .with(department("shimin"))).andExpect(status().isForbidden());
        mvc.perform(get("/evaluations/hq/report.pdf").param("plan", PLAN).param("fiscalYear", "2022")
                .with(department("shimin"))).andExpect(status().isForbidden());
        verify(api, never()).post(eq(Api.Service.MEASUREMENT), any(), eq(PUBLISH), any(Object[].class));
        verify(api, never()).get(eq(Api.Service.MEASUREMENT), eq("/api/plans/{planId}/editions/{editionId}/preview"),
                any(Object[].class));
    }

    @Test
    void theYearsReportPdfIsPassedOnOrItsYearNotClosedSaidOnThePage() throws Exception {
        byte[] pdf = {'%', 'P', 'D', 'F', '-', '1', '.', '7'};
        byte[] english = {'%', 'P', 'D', 'F', '-', '1', '.', '6'};
        when(api.getBytesIn(Api.Service.MEASUREMENT, Locale.JAPANESE, PDF, PLAN, 2022)).thenReturn(pdf);
        when(api.getBytesIn(Api.Service.MEASUREMENT, Locale.ENGLISH, PDF, PLAN, 2022)).thenReturn(english);
        for (String page : List.of("/fiscal-years/report.pdf", "/evaluations/hq/report.pdf")) {
            mvc.perform(get(page).param("plan", PLAN).param("fiscalYear", "2022").with(hq()))
                    .andExpect(status().isOk())
                    .andExpect(header().string("Content-Type", "application/pdf"))
                    .andExpect(header().string("Content-Disposition",
                            containsString("attachment; filename=\"report-" + PLAN + "-FY2022.pdf\"")))
                    .andExpect(content().bytes(pdf));
        }
        mvc.perform(get("/fiscal-years/report.pdf").param("plan", PLAN).param("fiscalYear", "2022").param("lang", "en")
                        .with(hq()))
                .andExpect(content().bytes(english));
        // the workbook through the same route
        byte[] workbook = {'P', 'K', 3, 4};
        when(api.getBytesIn(Api.Service.MEASUREMENT, Locale.JAPANESE,
                "/api/plans/{planId}/fiscal-years/{fiscalYear}/report.xlsx", PLAN, 2022)).thenReturn(workbook);
        mvc.perform(get("/fiscal-years/report.xlsx").param("plan", PLAN).param("fiscalYear", "2022").with(hq()))
                .andExpect(header().string("Content-Type",
                        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
                .andExpect(content().bytes(workbook));

        when(api.getBytesIn(eq(Api.Service.MEASUREMENT), any(), eq(PDF), eq(PLAN), eq(2023)))
                .thenThrow(new ApiProblemException(409, "https://shinchoku.jp/problems/report-year-not-closed",
                        "令和5年度はまだ締められていません", "FY2023 is not closed yet", null));
        // asked from an edition's preview: said there
        MvcResult refused = mvc.perform(get("/fiscal-years/report.pdf").param("plan", PLAN).param("fiscalYear", "2023")
                        .param("edition", EDITION).with(hq()))
                .andExpect(redirectedUrl(PREVIEW))
                .andExpect(flash().attribute("problem", "令和5年度はまだ締められていません"))
                .andReturn();
        mvc.perform(get("/fiscal-years/publication").param("plan", PLAN).param("edition", EDITION).with(hq())
                        .flashAttrs(refused.getFlashMap()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("<p class=\"problem\">令和5年度はまだ締められていません</p>")));
        // from the fiscal years' or the evaluations' page: there
        mvc.perform(get("/fiscal-years/report.pdf").param("plan", PLAN).param("fiscalYear", "2023").with(hq()))
                .andExpect(redirectedUrl("/fiscal-years?plan=" + PLAN + "&fiscalYear=2023"))
                .andExpect(flash().attribute("problem", "令和5年度はまだ締められていません"));
        mvc.perform(get("/evaluations/hq/report.pdf").param("plan", PLAN).param("fiscalYear", "2023").with(hq())
                        .cookie(new jakarta.servlet.http.Cookie("shinchoku-lang", "en")))
                .andExpect(redirectedUrlPattern("/evaluations/hq?plan=*&fiscalYear=2023"))
                .andExpect(flash().attribute("problem", "FY2023 is not closed yet"));
    }

    @Test
    void aClosedYearOffersItsReportFilesOnTheFiscalYearsPage() throws Exception {
        when(api.get(Api.Service.MEASUREMENT, "/api/plans/{planId}/fiscal-years/{fiscalYear}", PLAN, 2022)).thenReturn(json("""
                {"planId": "%s", "fiscalYear": 2022, "label": "令和4年度", "labelEn": "FY2022", "closed": true, "blockers": [],
                 "history": []}""".formatted(PLAN)));
        mvc.perform(get("/fiscal-years").param("plan", PLAN).param("fiscalYear", "2022").with(hq()))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(
                        containsString("href=\"/fiscal-years/report.pdf?plan=" + PLAN + "&amp;fiscalYear=2022\">令和4年度の取組状況報告書（PDF）</a>"),
                        containsString("href=\"/fiscal-years/report.xlsx?plan=" + PLAN + "&amp;fiscalYear=2022\">令和4年度の取組状況報告書（Excel）</a>"))));
        when(api.get(Api.Service.MEASUREMENT, "/api/plans/{planId}/fiscal-years/{fiscalYear}", PLAN, 2022)).thenReturn(json("""
                {"planId": "%s", "fiscalYear": 2022, "label": "令和4年度", "labelEn": "FY2022", "closed": false, "blockers": [],
                 "history": []}""".formatted(PLAN)));
        mvc.perform(get("/fiscal-years").param("plan", PLAN).param("fiscalYear", "2022").with(hq()))
                .andExpect(content().string(not(containsString("/fiscal-years/report.pdf"))));
    }

    // a decided 廃止 or 見直し starts its revision

    /**
     * 令和4年度's measures: 1-1 evaluated 廃止, 1-2 evaluated 見直し, 2-1 evaluated 継続, 3-1 submitted (not yet
     * evaluated, its department proposing 廃止).
     */
    private void evaluations2022() {
        when(api.get(Api.Service.PLAN, "/api/municipalities/{municipality}/departments?size=200", "瀬戸内町"))
                .thenReturn(json("{\"items\": [{\"code\": \"shimin\", \"name\": \"市民課\"}, {\"code\": \"kikaku\", \"name\": \"企画課\"}]}"));
        when(api.get(Api.Service.MEASUREMENT, EVALUATIONS, PLAN, 2022)).thenReturn(json("""
                [%s, %s, %s,
                 {"id": "e4", "planId": "%4$s", "fiscalYear": 2022, "pillarCode": "3", "pillarTitle": "オンライン化",
                  "measureCode": "3-1", "measureTitle": "行政手続のオンライン化", "departmentCode": "shimin", "asOf": "2023-03-31",
                  "state": "SUBMITTED", "suggestedGrade": "B",
                  "self": {"activities": "受付を始めた", "results": "42%%", "issues": "利用が少ない", "direction": "ABOLISH",
                           "grade": "C", "by": "setouchi-shimin", "at": "2023-05-10T01:00:00Z"}, "kpis": []}]"""
                .formatted(evaluated("1-1", "オープンデータの推進", "ABOLISH"), evaluated("1-2", "データ利活用の研修", "REVISE"),
                        evaluated("2-1", "地域の情報化", "CONTINUE"), PLAN)));
    }

    private static String evaluated(String code, String title, String direction) {
        return """
                {"id": "e-%1$s", "planId": "%4$s", "fiscalYear": 2022, "fiscalYearLabel": "令和4年度",
                 "pillarCode": "%5$s", "pillarTitle": "柱%5$s", "measureCode": "%1$s", "measureTitle": "%2$s",
                 "departmentCode": "kikaku", "asOf": "2023-03-31", "state": "EVALUATED", "suggestedGrade": "B",
                 "self": {"activities": "取組", "results": "実績", "issues": "課題", "direction": "%3$s", "grade": "B",
                          "by": "setouchi-kikaku", "at": "2023-05-09T01:00:00Z"},
                 "hq": {"comment": "決定", "grade": "C", "direction": "%3$s", "by": "setouchi-hq", "at": "2023-05-20T01:00:00Z"},
                 "kpis": []}""".formatted(code, title, direction, PLAN, code.substring(0, 1));
    }

    /** The plan: 1-1 with one KPI; 1-2 with two KPIs with targets, a 未設定 one and a retired one; 2-1. */
    private void plan() {
        when(api.get(Api.Service.PLAN, "/api/plans/{planId}", PLAN)).thenReturn(json("""
                {"id": "%1$s", "title": "瀬戸内町官民データ活用推進計画", "revision": 4,
                 "municipality": {"code": "463256", "name": "瀬戸内町"},
                 "departments": [{"code": "kikaku", "name": "企画課"}],
                 "pillars": [{"code": "1", "title": "オープンデータ", "measures": [
                   {"code": "1-1", "title": "オープンデータの推進", "department": "kikaku", "retired": false,
                    "kpis": [{"id": "%1$s.1-1.1", "name": "オープンデータ公開数", "unit": "件", "kind": "count",
                              "direction": "increase", "target": 30, "due": {"date": "2024-03-31", "wareki": "令和6年3月31日"}}]},
                   {"code": "1-2", "title": "データ利活用の研修", "department": "kikaku", "retired": false,
                    "kpis": [{"id": "%1$s.1-2.1", "name": "研修の受講者数", "unit": "人", "kind": "count", "direction": "increase",
                              "target": 100, "due": {"date": "2025-03-31", "wareki": "令和7年3月31日"}},
                             {"id": "%1$s.1-2.2", "name": "研修の満足度", "unit": "%%", "kind": "percentage",
                              "direction": "increase", "target": 80.0, "due": {"date": "2026-03-31", "wareki": "令和8年3月31日"}},
                             {"id": "%1$s.1-2.3", "name": "応用編の開催", "kind": "undefined"},
                             {"id": "%1$s.1-2.4", "name": "旧指標", "kind": "count", "target": 5, "retired": true}]}]},
                  {"code": "2", "title": "地域", "measures": [
                   {"code": "2-1", "title": "地域の情報化", "department": "kikaku", "retired": false, "kpis": []}]}]}"""
                .formatted(PLAN)));
        when(api.get(Api.Service.PLAN, "/api/municipalities/{municipality}/departments?size=200", "463256"))
                .thenReturn(json("{\"items\": [{\"code\": \"kikaku\", \"name\": \"企画課\"}]}"));
    }

    @Test
    void onlyADecidedAbolitionOrReviewOffersToStartItsRevision() throws Exception {
        evaluations2022();

        String page = mvc.perform(get("/evaluations/hq").param("plan", PLAN).param("fiscalYear", "2022").with(hq()))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(
                        containsString("<button type=\"submit\" id=\"start-revision-1-1\">廃止の改定を始める</button>"),
                        containsString("<button type=\"submit\" id=\"start-revision-1-2\">見直しの改定を始める</button>"),
                        not(containsString("id=\"start-revision-2-1\"")), not(containsString("id=\"start-revision-3-1\"")),
                        containsString("class=\"start-revision\" action=\"/plans/" + PLAN + "/revisions/new\""),
                        containsString("name=\"from-evaluation\" value=\"1-1\""),
                        containsString("name=\"direction\" value=\"ABOLISH\""),
                        containsString("name=\"direction\" value=\"REVISE\""),
                        containsString("/evaluations/hq/report.pdf?plan=" + PLAN + "&amp;fiscalYear=2022"),
                        containsString("令和4年度の取組状況報告書（PDF）をダウンロード"))))
                .andReturn().getResponse().getContentAsString();
        assertThat(page).doesNotContain("name=\"direction\" value=\"CONTINUE\"");
        mvc.perform(get("/evaluations/hq").param("plan", PLAN).param("fiscalYear", "2022").param("lang", "en").with(hq()))
                .andExpect(content().string(allOf(containsString("Start the revision that abolishes it"),
                        containsString("Start the revision that reviews it"))));
    }

    @Test
    void anAbolitionOpensTheRevisionFormWithTheMeasureRetiredAndTheReason() throws Exception {
        plan();
        mvc.perform(get("/plans/" + PLAN + "/revisions/new").param("from-evaluation", "1-1").param("fiscalYear", "2022")
                        .param("direction", "ABOLISH").with(hq()))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString(">令和4年度 施策評価により廃止</textarea>"),
                        containsString("令和4年度の施策評価で廃止と決めた 1-1 オープンデータの推進 の改定です。"),
                        containsString("<select id=\"rmMeasure\" name=\"rmMeasure\">"),
                        containsString("<option value=\"1-1\" selected=\"selected\">1-1 オープンデータの推進（企画課）</option>"),
                        not(containsString("id=\"ctKpi-2\"")))))
                .andExpect(result -> assertThat(selected(result.getResponse().getContentAsString()))
                        .as("only the measure to retire is chosen").containsExactly("rmMeasure=1-1"));

        // the 推進本部 confirms it as it stands: one retire-measure change
        when(api.post(eq(Api.Service.PLAN), any(), eq("/api/plans/{planId}/revisions"), eq(PLAN)))
                .thenReturn(json("{\"id\": \"" + PLAN + "\", \"revision\": 5}"));
        mvc.perform(post("/plans/" + PLAN + "/revisions").param("reason", "令和4年度 施策評価により廃止")
                        .param("rmMeasure", "1-1").param("ctKpi", "").with(hq()).with(csrf()))
                .andExpect(redirectedUrl("/plans/" + PLAN));
        assertThat(sent()).isEqualTo(json("""
                {"reason": "令和4年度 施策評価により廃止", "changes": [{"type": "retire-measure", "measure": "1-1"}]}"""));
    }

    @Test
    void aReviewOpensTheRevisionFormWithAChangeOfTargetForEachActiveKpi() throws Exception {
        plan();
        String form = mvc.perform(get("/plans/" + PLAN + "/revisions/new").param("from-evaluation", "1-2")
                        .param("fiscalYear", "2022").param("direction", "REVISE").with(hq()))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString(">令和4年度 施策評価により見直し</textarea>"),
                        containsString("<fieldset id=\"change-target\">"), containsString("<fieldset id=\"change-target-2\">"),
                        not(containsString("id=\"change-target-3\"")),
                        containsString("<legend>目標値・期限の変更 2</legend>"),
                        containsString("id=\"ctValue\" name=\"ctValue\" type=\"text\" inputmode=\"decimal\" size=\"10\" value=\"100\""),
                        containsString("id=\"ctDue\" name=\"ctDue\" type=\"date\" value=\"2025-03-31\""),
                        containsString("id=\"ctValue-2\" name=\"ctValue-2\" type=\"text\" inputmode=\"decimal\" size=\"10\" value=\"80\""),
                        containsString("id=\"ctDue-2\" name=\"ctDue-2\" type=\"date\" value=\"2026-03-31\""))))
                .andReturn().getResponse().getContentAsString();
        assertThat(selected(form)).containsExactly("ctKpi=" + PLAN + ".1-2.1", "ctKpi-2=" + PLAN + ".1-2.2");

        // the 推進本部 moves the first deadline and leaves the second KPI out: one change
        when(api.post(eq(Api.Service.PLAN), any(), eq("/api/plans/{planId}/revisions"), eq(PLAN)))
                .thenReturn(json("{\"id\": \"" + PLAN + "\", \"revision\": 5}"));
        mvc.perform(post("/plans/" + PLAN + "/revisions").param("reason", "令和4年度 施策評価により見直し")
                        .param("ctKpi", PLAN + ".1-2.1").param("ctValue", "120").param("ctDue", "2026-03-31")
                        .param("ctKpi-2", PLAN + ".1-2.2").param("ctValue-2", "85").param("ctDue-2", "2026-03-31")
                        .with(hq()).with(csrf()))
                .andExpect(redirectedUrl("/plans/" + PLAN))
                .andExpect(flash().attribute("notice", containsString("第5版")));
        assertThat(sent()).isEqualTo(json("""
                {"reason": "令和4年度 施策評価により見直し", "changes": [
                  {"type": "change-target", "kpi": "%1$s.1-2.1", "target": {"value": 120, "due": "2026-03-31"}},
                  {"type": "change-target", "kpi": "%1$s.1-2.2", "target": {"value": 85, "due": "2026-03-31"}}]}"""
                .formatted(PLAN)));

        // the service's problem with the second row: said at its field, the rows kept
        when(api.post(eq(Api.Service.PLAN), any(), eq("/api/plans/{planId}/revisions"), eq(PLAN))).thenThrow(
                new ApiProblemException(400, "invalid-revision", "改定に誤りがあります（1 件）", "The revision is invalid",
                        json("""
                                {"errors": [{"path": "changes[1].target.due", "messageJa": "期限が基準日より前です",
                                             "messageEn": "The deadline is before the baseline"}]}""")));
        mvc.perform(post("/plans/" + PLAN + "/revisions").param("reason", "見直し")
                        .param("ctKpi", PLAN + ".1-2.1").param("ctDue", "2026-03-31")
                        .param("ctKpi-2", PLAN + ".1-2.2").param("ctDue-2", "2000-03-31").with(hq()).with(csrf()))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(allOf(containsString("id=\"ctDue-2-error\">期限が基準日より前です"),
                        containsString("aria-describedby=\"ctDue-2-error\""), not(containsString("id=\"ctDue-error\"")),
                        containsString("value=\"2000-03-31\""))));
        // a second row's value that is not a number: said before anything is sent
        org.mockito.Mockito.clearInvocations(api);
        mvc.perform(post("/plans/" + PLAN + "/revisions").param("reason", "見直し")
                        .param("ctKpi-2", PLAN + ".1-2.2").param("ctValue-2", "八十").with(hq()).with(csrf()))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("id=\"ctValue-2-error\">「八十」は数値ではありません。")));
        verify(api, never()).post(eq(Api.Service.PLAN), any(), anyString(), any(Object[].class));
    }

    @Test
    void aDirectionThatCallsForNoRevisionOrAnUnknownMeasureFillsNothingIn() throws Exception {
        plan();
        for (Map<String, String> asked : List.of(Map.of("from-evaluation", "2-1", "direction", "CONTINUE"),
                Map.of("from-evaluation", "9-9", "direction", "ABOLISH"))) {
            var request = get("/plans/" + PLAN + "/revisions/new").param("fiscalYear", "2022").with(hq());
            asked.forEach(request::param);
            String form = mvc.perform(request)
                    .andExpect(status().isOk())
                    .andExpect(content().string(allOf(not(containsString("施策評価により")),
                            not(containsString("id=\"from-evaluation\"")))))
                    .andReturn().getResponse().getContentAsString();
            assertThat(selected(form)).isEmpty();
        }
    }

    /** The choices a form has chosen, as {@code select=value}. */
    private static List<String> selected(String page) {
        List<String> chosen = new java.util.ArrayList<>();
        java.util.regex.Matcher select = java.util.regex.Pattern.compile("<select id=\"([^\"]+)\"(.*?)</select>",
                java.util.regex.Pattern.DOTALL).matcher(page);
        while (select.find()) {
            java.util.regex.Matcher option = java.util.regex.Pattern.compile(
                    "<option value=\"([^\"]*)\" selected=\"selected\"").matcher(select.group(2));
            while (option.find()) {
                if (!option.group(1).isEmpty()) {
                    chosen.add(select.group(1) + "=" + option.group(1));
                }
            }
        }
        // a word's list (kind, direction) always has one chosen: not a change
        chosen.removeIf(choice -> choice.matches("(set|amKpi|ak)(Kind|Direction)=.*"));
        return chosen;
    }

    /** What the portal sent the plan service's revisions, as JSON. */
    private JsonNode sent() {
        ArgumentCaptor<Object> body = ArgumentCaptor.forClass(Object.class);
        verify(api).post(eq(Api.Service.PLAN), body.capture(), eq("/api/plans/{planId}/revisions"), eq(PLAN));
        return JSON.readTree(JSON.writeValueAsString(body.getValue()));
    }

    private static OidcLoginRequestPostProcessor department(String department) {
        return oidcLogin().idToken(token -> token.subject("setouchi-" + department)
                .claim("roles", List.of("DEPARTMENT")).claim("municipality", "瀬戸内町").claim("department", department)
                .claim("name", "瀬戸内町 " + department));
    }

    /** The 推進本部, its role also an authority (as the portal's mapper makes it from the ID token). */
    private static OidcLoginRequestPostProcessor hq() {
        return oidcLogin().authorities(new SimpleGrantedAuthority("ROLE_HQ"))
                .idToken(token -> token.subject("setouchi-hq").claim("roles", List.of("HQ"))
                        .claim("municipality", "瀬戸内町").claim("name", "瀬戸内町 推進本部"));
    }

    private static JsonNode json(String text) {
        return JSON.readTree(text);
    }
}
