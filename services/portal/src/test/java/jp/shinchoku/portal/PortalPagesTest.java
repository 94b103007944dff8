package jp.shinchoku.portal;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.oidcLogin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import jp.shinchoku.portal.api.Api;
import jp.shinchoku.portal.api.ApiProblemException;
import jp.shinchoku.portal.api.PlanClient;
import org.mockito.ArgumentCaptor;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.OidcLoginRequestPostProcessor;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Each page of the portal, rendered by its controller from what the services answer (their answers here are
 * fixtures of their JSON; {@code PortalBrowserTest} in the launcher runs the same pages over the real services).
 */
@PortalPageTest
class PortalPagesTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String PLAN = "pln-setouchi";
    private static final String KPI = PLAN + ".3-1.1";

    @Autowired
    MockMvc mvc;

    @MockitoBean
    Api api;

    @BeforeEach
    void services() {
        when(api.get(Api.Service.PLAN, "/api/plans?size=100")).thenReturn(json("""
                {"items": [{"id": "%s", "title": "瀬戸内町官民データ活用推進計画", "municipality": {"name": "瀬戸内町"}}]}
                """.formatted(PLAN)));
        when(api.get(eq(Api.Service.MEASUREMENT), eq("/api/plans/{planId}/departments/{department}/due"), any(), any()))
                .thenReturn(json("""
                        [{"kpiId": "%s", "name": "窓口申請のオンライン化率", "period": "FY2023-Q2", "periodLabel": "令和5年度第2四半期",
                          "dueOn": "2023-10-31", "state": "DUE", "stateLabel": "報告待ち"}]""".formatted(KPI)));
        // the measurement service's read made for the pages: codes, not the open-data export's labels
        when(api.get(eq(Api.Service.MEASUREMENT),
                eq("/api/plans/{planId}/kpis?department={department}&asOf={asOf}&fiscalYear={fiscalYear}"), any(), any(),
                any(), any())).thenReturn(kpis());
        when(api.get(eq(Api.Service.PLAN), eq("/api/milestones?plan={plan}&department={department}&size=200"), any(), any()))
                .thenReturn(json("""
                        {"items": [{"measureTitle": "行政手続のオンライン化", "milestone": {"id": "%s.m1", "text": "電子申請の受付開始",
                          "due": {"date": "2024-03-31"}, "status": "in-progress", "statusLabel": "実施中"}}]}""".formatted(KPI)));
    }

    private static JsonNode kpis() {
        return json("""
                {"planId": "%2$s", "asOf": "2023-10-02", "kpis": [
                  {"kpiId": "%1$s", "name": "窓口申請のオンライン化率", "measureCode": "3-1", "measureTitle": "行政手続のオンライン化",
                   "pillarCode": "3", "pillarTitle": "オンライン化", "departmentCode": "shimin", "unit": "%%", "kind": "percentage",
                   "latestValue": null, "status": "NO_DATA", "statusLabel": "未報告", "grade": "−", "targetValue": 50,
                   "targetDue": "2024-03-31", "provisional": false},
                  {"kpiId": "%2$s.1-1.1", "name": "オープンデータ公開数", "measureCode": "1-1", "measureTitle": "オープンデータの推進",
                   "pillarCode": "1", "pillarTitle": "オープンデータ", "departmentCode": "kikaku", "unit": "件", "kind": "count",
                   "latestValue": 12, "latestMeasuredOn": "2023-09-30", "status": "BEHIND", "statusLabel": "遅れ", "grade": "A",
                   "targetValue": 30, "targetDue": "2024-03-31", "provisional": false}]}""".formatted(KPI, PLAN));
    }

    @Test
    void reportsShowTheDepartmentsKpisWithAFormFittedToTheirKind() throws Exception {
        mvc.perform(get("/reports").with(department("shimin")))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("窓口申請のオンライン化率"), containsString("報告待ち"),
                        containsString("令和5年10月31日"), containsString("未報告"), containsString("inputmode=\"decimal\""),
                        containsString("value=\"2023-09-30\""), containsString("電子申請の受付開始"),
                        containsString("name=\"numerator\""), containsString("name=\"denominator\""),
                        not(containsString("オープンデータ公開数")))));
    }

    @Test
    void aKpiCountingAReportAwaitingApprovalIsMarkedProvisionalInTheReports() throws Exception {
        mvc.perform(get("/reports").with(department("shimin")))
                .andExpect(content().string(not(containsString("badge provisional"))));

        when(api.get(eq(Api.Service.MEASUREMENT),
                eq("/api/plans/{planId}/kpis?department={department}&asOf={asOf}&fiscalYear={fiscalYear}"), any(), any(),
                any(), any())).thenReturn(json(kpis().toString().replaceFirst("\"provisional\":false", "\"provisional\":true")));
        mvc.perform(get("/reports").with(department("shimin")))
                .andExpect(content().string(allOf(containsString("class=\"badge provisional\""), containsString(">暫定<"))));
    }

    @Test
    void aReportFromARowIsSentAndTheRowRedrawnWithTheNewStatus() throws Exception {
        when(api.get(Api.Service.MEASUREMENT, "/api/kpis/{kpiId}/progress", KPI)).thenReturn(json("{\"status\": \"BEHIND\"}"));

        mvc.perform(post("/reports/" + KPI).with(department("shimin")).with(csrf()).header("HX-Request", "true")
                        .param("plan", PLAN).param("value", "8").param("measuredOn", "2023-09-30"))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("<tr"), containsString("報告しました。現在の進捗状況: 遅れ"),
                        not(containsString("<html")))));
        verify(api).post(Api.Service.MEASUREMENT, Map.of("value", "8", "measuredOn", "2023-09-30"),
                "/api/kpis/{kpiId}/measurements", KPI);
    }

    @Test
    void aRefusedReportWithoutHtmxComesBackAsTheServicesReason() throws Exception {
        when(api.post(eq(Api.Service.MEASUREMENT), any(), eq("/api/kpis/{kpiId}/measurements"), eq(KPI)))
                .thenThrow(new ApiProblemException(400, "invalid-measurement", "割合は0から100の間で報告してください",
                        "A percentage must be between 0 and 100", null));

        mvc.perform(post("/reports/" + KPI).with(department("shimin")).with(csrf()).param("plan", PLAN).param("value", "120"))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("problem", "割合は0から100の間で報告してください"));
        mvc.perform(post("/reports/" + KPI).with(department("shimin")).with(csrf()).param("plan", PLAN).param("value", "120")
                        .cookie(new jakarta.servlet.http.Cookie("shinchoku-lang", "en")))
                .andExpect(flash().attribute("problem", "A percentage must be between 0 and 100"));
    }

    @Test
    void aServiceOutOfReachIsSaidOnThePageWith503() throws Exception {
        when(api.get(Api.Service.PLAN, "/api/plans?size=100"))
                .thenThrow(new org.springframework.web.client.ResourceAccessException("Connection refused"));
        mvc.perform(get("/plans").with(department("shimin")))
                .andExpect(status().isServiceUnavailable())
                .andExpect(header().string("Retry-After", "30"))
                .andExpect(content().string(containsString("ただいまサービスに接続できません")));
        // a service that answers 503 itself (its store out of reach): its own words, with Retry-After
        org.mockito.Mockito.doThrow(new ApiProblemException(503, "https://shinchoku.jp/problems/store-unavailable",
                "保存できませんでした。30秒後に", "It could not be kept", null)).when(api).get(Api.Service.PLAN, "/api/plans?size=100");
        mvc.perform(get("/plans").with(department("shimin")))
                .andExpect(status().isServiceUnavailable())
                .andExpect(header().string("Retry-After", "30"))
                .andExpect(content().string(containsString("保存できませんでした")));
    }

    @Test
    void aFormWithoutItsCsrfTokenIsRefused() throws Exception {
        mvc.perform(post("/reports/" + KPI).with(department("shimin")).param("plan", PLAN).param("value", "8"))
                .andExpect(status().isForbidden());
    }

    @Test
    void theKpiPageDrawsItsValuesAgainstTheTrajectory() throws Exception {
        when(api.get(Api.Service.MEASUREMENT, "/api/kpis/{kpiId}/series", KPI)).thenReturn(json("""
                {"name": "窓口申請のオンライン化率", "unit": "%", "statusToday": "BEHIND",
                 "trajectory": [{"date": "2022-03-31", "value": 0, "label": "現状値"}, {"date": "2024-03-31", "value": 50, "label": "目標値"}],
                 "observations": [{"measurementId": "msr-1", "measuredOn": "2023-09-30", "value": 8, "periodLabel": "令和5年度第2四半期"}]}"""));
        when(api.get(Api.Service.MEASUREMENT, "/api/kpis/{kpiId}/progress", KPI)).thenReturn(json("{\"latestValue\": 8}"));
        when(api.get(Api.Service.MEASUREMENT, "/api/kpis/{kpiId}/measurements", KPI)).thenReturn(json("""
                [{"id": "msr-1", "value": 8, "measuredOn": "2023-09-30", "periodLabel": "令和5年度第2四半期",
                  "reportedBy": "setouchi-shimin", "state": "current"}]"""));

        mvc.perform(get("/kpis/" + KPI).with(department("shimin")))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("<svg"), containsString("class=\"trajectory\""),
                        containsString("class=\"value\""), containsString("令和5年9月30日"), containsString("現状値"),
                        containsString("/measurements/msr-1/corrections"), containsString("遅れ"))));
    }

    @Test
    void theUploadPageAnswersRowByRow() throws Exception {
        when(api.postBytes(eq(Api.Service.MEASUREMENT), any(), any(), eq("/api/measurements/csv"))).thenReturn(json("""
                {"accepted": 1, "replayed": 0, "rejected": 1, "rows": [
                  {"line": 2, "status": "accepted", "kpiId": "%1$s"},
                  {"line": 3, "status": "rejected", "kpiId": "%1$s", "messageJa": "実績値「たくさん」は数値ではありません",
                   "messageEn": "The value 'たくさん' is not a number"}]}""".formatted(KPI)));

        mvc.perform(multipart("/reports/upload").file(new MockMultipartFile("file", "r.csv", "text/csv",
                        "kpiId,value,measuredOn\n".getBytes(StandardCharsets.UTF_8))).param("plan", PLAN)
                        .with(department("shimin")).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("受付 1 件"), containsString("不受理 1 件"),
                        containsString("実績値「たくさん」は数値ではありません"))));
        mvc.perform(get("/reports/template.csv").param("plan", PLAN).with(department("shimin")))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Disposition", containsString("attachment")))
                .andExpect(content().string(allOf(containsString("評価指標ID,評価指標,実績値,測定日,報告期間,コメント"),
                        containsString(KPI + ",窓口申請のオンライン化率,,2023-09-30,FY2023-Q2,"))));
    }

    @Test
    void anExcelWorkbookIsReadAsItsFirstSheetAndTheTemplateIsOne() throws Exception {
        when(api.postBytes(eq(Api.Service.MEASUREMENT), any(), any(), eq("/api/measurements/csv"))).thenReturn(json("""
                {"accepted": 1, "replayed": 0, "rejected": 0, "rows": [{"line": 2, "status": "accepted", "kpiId": "%s"}]}"""
                .formatted(KPI)));
        byte[] workbook;
        try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            var sheet = book.createSheet("報告");
            var header = sheet.createRow(0);
            header.createCell(0).setCellValue("評価指標ID");
            header.createCell(1).setCellValue("実績値");
            header.createCell(2).setCellValue("測定日");
            var row = sheet.createRow(1);
            row.createCell(0).setCellValue(KPI);
            row.createCell(1).setCellFormula("4*3");
            var date = row.createCell(2);
            date.setCellValue(java.time.LocalDate.of(2023, 9, 30));
            var style = book.createCellStyle();
            style.setDataFormat(book.createDataFormat().getFormat("yyyy/m/d"));
            date.setCellStyle(style);
            book.getCreationHelper().createFormulaEvaluator().evaluateAll();
            book.write(out);
            workbook = out.toByteArray();
        }

        mvc.perform(multipart("/reports/upload").file(new MockMultipartFile("file", "報告.xlsx",
                        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", workbook)).param("plan", PLAN)
                        .with(department("shimin")).with(csrf()))
                .andExpect(status().isOk()).andExpect(content().string(containsString("受付 1 件")));
        verify(api).postBytes(eq(Api.Service.MEASUREMENT), eq(("評価指標ID,実績値,測定日\r\n" + KPI + ",12,2023-09-30\r\n")
                .getBytes(StandardCharsets.UTF_8)), any(), eq("/api/measurements/csv"));

        mvc.perform(multipart("/reports/upload").file(new MockMultipartFile("file", "broken.xlsx",
                        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "not a workbook".getBytes()))
                        .param("plan", PLAN).with(department("shimin")).with(csrf()))
                .andExpect(status().isOk()).andExpect(content().string(containsString("Excel（.xlsx）として読めません")));

        byte[] template = mvc.perform(get("/reports/template.xlsx").param("plan", PLAN).with(department("shimin")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        try (XSSFWorkbook book = new XSSFWorkbook(new java.io.ByteArrayInputStream(template))) {
            var sheet = book.getSheetAt(0);
            org.assertj.core.api.Assertions.assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("評価指標ID");
            org.assertj.core.api.Assertions.assertThat(sheet.getRow(1).getCell(0).getStringCellValue()).isEqualTo(KPI);
            org.assertj.core.api.Assertions.assertThat(sheet.getRow(1).getCell(1).getStringCellValue()).isEqualTo("窓口申請のオンライン化率");
            org.assertj.core.api.Assertions.assertThat(sheet.getRow(1).getCell(3).getStringCellValue()).isEqualTo("2023-09-30");
        }
    }

    @Test
    void progressShowsThePlanByPillarMeasureAndKpiWithFilters() throws Exception {
        when(api.get(eq(Api.Service.MEASUREMENT), eq("/api/plans/{planId}/progress?by={by}&asOf={asOf}&fiscalYear={fiscalYear}"),
                any(), any(), any(), any())).thenReturn(json("""
                {"asOf": "2023-10-02", "method": {"ja": "評価指標の数を進捗状況ごとに数える", "en": "KPIs counted by status"},
                 "groups": [{"label": "オンライン化", "kpis": 1, "statuses": [{"status": "NO_DATA", "kpis": 1}]}],
                 "total": {"label": "計", "kpis": 2, "statuses": [{"status": "NO_DATA", "kpis": 1}, {"status": "BEHIND", "kpis": 1}]}}"""));

        mvc.perform(get("/progress").with(hq()))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("評価指標の数を進捗状況ごとに数える"),
                        containsString("令和5年10月2日"), containsString("オープンデータ公開数"),
                        containsString("窓口申請のオンライン化率"), containsString("印刷（A4横）"))));
        mvc.perform(get("/progress").param("department", "kikaku").header("HX-Request", "true").with(hq()))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("id=\"results\""), containsString("オープンデータ公開数"),
                        not(containsString("窓口申請のオンライン化率")), not(containsString("<html")))));
        // statuses are the service's codes: the filter and the badge read them as they come
        mvc.perform(get("/progress").param("status", "BEHIND").header("HX-Request", "true").with(hq()))
                .andExpect(content().string(allOf(containsString("オープンデータ公開数"), containsString("status-behind"),
                        not(containsString("窓口申請のオンライン化率")))));
        verify(api, org.mockito.Mockito.atLeastOnce()).get(Api.Service.MEASUREMENT,
                "/api/plans/{planId}/kpis?department={department}&asOf={asOf}&fiscalYear={fiscalYear}", PLAN, "", "", "");
    }

    @Test
    void theInboxGroupsAlertsBySeverityAndOffersTheHeadquartersItsActions() throws Exception {
        when(api.get(Api.Service.NOTIFICATION, "/api/inbox?receiver={receiver}&state=FIRING", "promotion-hq"))
                .thenReturn(alerts());
        when(api.get(Api.Service.NOTIFICATION, "/api/silences?state=active")).thenReturn(json("""
                [{"id": "sil-1", "matchers": ["kpiId=%s"], "endsAt": "2023-10-31T15:00:00Z", "comment": "延長承認",
                  "createdBy": "setouchi-hq"}]""".formatted(KPI)));

        mvc.perform(get("/inbox").with(hq()))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("重大 (1)"), containsString("警告 (1)"),
                        containsString("/acknowledgement"), containsString("/silence"), containsString("延長承認"))));
    }

    @Test
    void aDepartmentSeesItsAlertsWithoutTheHeadquartersActions() throws Exception {
        when(api.get(Api.Service.NOTIFICATION, "/api/inbox?receiver={receiver}&state=FIRING", "department:shimin"))
                .thenReturn(alerts());

        mvc.perform(get("/inbox").with(department("shimin")))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("報告期限を過ぎています"),
                        not(containsString("/acknowledgement")), not(containsString("/silence\"")))));
    }

    @Test
    void acknowledgingAndSilencingGoToTheNotificationService() throws Exception {
        when(api.get(Api.Service.NOTIFICATION, "/api/alerts/{alertId}", "alr-1")).thenReturn(json("""
                {"id": "alr-1", "labels": {"rule": "REPORT_MISSING", "kpiId": "%s", "municipality": "瀬戸内町"}}""".formatted(KPI)));

        mvc.perform(post("/inbox/alr-1/acknowledgement").param("comment", "確認中").with(hq()).with(csrf()))
                .andExpect(redirectedUrlPattern("/inbox*")).andExpect(flash().attribute("notice", "確認を記録しました。"));
        verify(api).post(Api.Service.NOTIFICATION, Map.of("comment", "確認中"), "/api/alerts/{alertId}/acknowledgement", "alr-1");

        mvc.perform(post("/inbox/alr-1/silence").param("endsAt", "2023-10-31").param("comment", "延長承認").with(hq())
                        .with(csrf()))
                .andExpect(flash().attribute("notice", "通知を停止しました。"));
        verify(api).post(eq(Api.Service.NOTIFICATION), eq(Map.of("matchers", List.of("rule=REPORT_MISSING", "kpiId=" + KPI),
                "endsAt", "2023-10-31", "comment", "延長承認")), eq("/api/silences"));
    }

    @Test
    void theNotificationLogListsWhatWasSent() throws Exception {
        when(api.get(Api.Service.NOTIFICATION, "/api/notifications?limit=100")).thenReturn(json("""
                [{"notification": {"createdAt": "2023-10-02T00:05:00Z", "receiver": "promotion-hq", "reason": "FIRST",
                  "items": [{}, {}]}, "deliveries": [{"channel": "email", "status": "DELIVERED"}]}]"""));

        mvc.perform(get("/inbox/notifications").with(hq()))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("promotion-hq"), containsString("email: DELIVERED"),
                        containsString("令和5年10月2日"))));
    }

    @Test
    void thePlanPagesShowThePlanItsRevisionsAndImportErrorsAtTheirPlace() throws Exception {
        when(api.get(Api.Service.PLAN, "/api/plans/{planId}", PLAN)).thenReturn(json("""
                {"id": "%s", "title": "瀬戸内町官民データ活用推進計画", "revision": 2, "municipality": {"name": "瀬戸内町"},
                 "period": {"from": "令和4年度", "to": "令和8年度"},
                 "pillars": [{"code": "3", "title": "オンライン化", "measures": [{"code": "3-1", "title": "行政手続のオンライン化",
                   "department": "shimin", "kpis": [{"id": "%s", "name": "窓口申請のオンライン化率"}]}]}]}""".formatted(PLAN, KPI)));
        when(api.get(Api.Service.PLAN, "/api/plans/{planId}/revisions", PLAN)).thenReturn(json("""
                [{"number": 1, "label": "第1版"}, {"number": 2, "label": "第2版", "revisedBy": "setouchi-hq", "reason": "目標値の決定"}]"""));
        when(api.get(Api.Service.PLAN, "/api/plans/{planId}/reviews", PLAN)).thenReturn(json("""
                [{"id": "r1", "fiscalYear": 2023, "fiscalYearLabel": "令和5年度", "note": "目標値を見直した",
                  "reviewedBy": "setouchi-hq"}]"""));
        when(api.get(Api.Service.PLAN, "/api/municipalities/{municipality}/departments?size=200", "瀬戸内町"))
                .thenReturn(json("{\"items\": [{\"code\": \"shimin\", \"name\": \"市民課\", \"contact\": \"shimin@example.lg.jp\"}]}"));
        when(api.get(Api.Service.PLAN, "/api/plans/{planId}/diff?from={from}&to={to}", PLAN, 1, 2)).thenReturn(json("""
                {"from": {"label": "第1版"}, "to": {"label": "第2版"},
                 "differences": [{"path": "measures[3-1].kpis[x].target.value", "change": "changed", "before": "40", "after": "50"}]}"""));
        when(api.postBytes(eq(Api.Service.PLAN), any(), any(), eq("/api/plans"))).thenThrow(new ApiProblemException(400,
                "invalid-plan", "計画に誤りがあります（1 件）", "The plan is invalid (1 problem)",
                json("{\"errors\": [{\"path\": \"pillars[0].measures[0].department\", \"messageJa\": \"担当部署がありません\","
                        + " \"messageEn\": \"No department\"}]}")));

        mvc.perform(get("/plans/" + PLAN).with(hq()))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("第2版"), containsString("目標値の決定"),
                        containsString("/plans/" + PLAN + "/diff?from=1&amp;to=2"), containsString("市民課"),
                        containsString("/plans/" + PLAN + "/progress.csv"),
                        containsString("令和5年度（setouchi-hq）: 目標値を見直した"))));
        mvc.perform(get("/plans/" + PLAN + "/diff").param("from", "1").param("to", "2").with(hq()))
                .andExpect(status().isOk()).andExpect(content().string(allOf(containsString("第1版 → 第2版"),
                        containsString("measures[3-1].kpis[x].target.value"))));
        mvc.perform(multipart("/plans").file(new MockMultipartFile("file", "plan.yaml", "application/yaml", new byte[] {'a'}))
                        .with(hq()).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("計画に誤りがあります（1 件）"),
                        containsString("pillars[0].measures[0].department"), containsString("担当部署がありません"))));
    }

    @Test
    void theHeadquartersRecordsAReviewAndKeepsADepartmentsContact() throws Exception {
        mvc.perform(post("/plans/" + PLAN + "/reviews").param("fiscalYear", "令和5年度").param("note", "目標値を見直す")
                        .with(hq()).with(csrf()))
                .andExpect(redirectedUrlPattern("/plans/" + PLAN + "*"))
                .andExpect(flash().attribute("notice", "年度見直しを記録しました。"));
        verify(api).post(Api.Service.PLAN, new PlanClient.Review("令和5年度", "目標値を見直す", List.of()),
                "/api/plans/{planId}/reviews", PLAN);

        mvc.perform(post("/plans/" + PLAN + "/departments/shimin").param("municipality", "瀬戸内町").param("name", "市民課")
                        .param("contact", "shimin@town.example.lg.jp").with(hq()).with(csrf()))
                .andExpect(flash().attribute("notice", "部署の連絡先を保存しました。"));
        verify(api).put(Api.Service.PLAN, new PlanClient.DepartmentEntry("市民課", "shimin@town.example.lg.jp"),
                "/api/municipalities/{municipality}/departments/{code}", "瀬戸内町", "shimin");
    }

    @Test
    void aMilestonesStatusIsSentAndThePlanServicesRefusalsAreSaidWhereTheyWere() throws Exception {
        String milestone = KPI + ".m1";
        mvc.perform(post("/milestones/" + PLAN + "/" + milestone).param("status", "completed").param("comment", " ")
                        .with(department("shimin")).with(csrf()))
                .andExpect(redirectedUrlPattern("/reports?plan=" + PLAN))
                .andExpect(flash().attribute("notice", "スケジュールの状況を保存しました。"));
        verify(api).put(Api.Service.PLAN, new PlanClient.MilestoneReport("completed", null),
                "/api/plans/{planId}/milestones/{milestoneId}/status", PLAN, milestone);

        when(api.put(eq(Api.Service.PLAN), any(), eq("/api/plans/{planId}/milestones/{milestoneId}/status"), any(), any()))
                .thenThrow(new ApiProblemException(403, "forbidden", "他の部署のスケジュールです", "Another department's milestone",
                        null));
        mvc.perform(post("/milestones/" + PLAN + "/" + milestone).param("status", "completed")
                        .with(department("shimin")).with(csrf()))
                .andExpect(flash().attribute("problem", "他の部署のスケジュールです"));

        when(api.put(eq(Api.Service.PLAN), any(), eq("/api/municipalities/{municipality}/departments/{code}"), any(), any()))
                .thenThrow(new ApiProblemException(400, "invalid-department", "連絡先はメールアドレスで", "The contact must be an email",
                        null));
        mvc.perform(post("/plans/" + PLAN + "/departments/shimin").param("municipality", "瀬戸内町").param("name", "市民課")
                        .param("contact", "窓口").with(hq()).with(csrf()))
                .andExpect(redirectedUrlPattern("/plans/" + PLAN + "*"))
                .andExpect(flash().attribute("problem", "連絡先はメールアドレスで"));
    }

    @Test
    void aPageTheServiceRefusesSaysWhy() throws Exception {
        when(api.get(Api.Service.MEASUREMENT, "/api/kpis/{kpiId}/series", "pln-x.1-1.1")).thenThrow(
                new ApiProblemException(404, "not-found", "評価指標「pln-x.1-1.1」は見つかりません", "KPI not found", null));

        mvc.perform(get("/kpis/pln-x.1-1.1").with(department("shimin")))
                .andExpect(status().isNotFound())
                .andExpect(content().string(containsString("評価指標「pln-x.1-1.1」は見つかりません")));
    }

    @Test
    void aPageTheServiceForbidsAnswers403WithThePortalsPage() throws Exception {
        when(api.get(eq(Api.Service.MEASUREMENT), eq("/api/plans/{planId}/progress?by={by}&asOf={asOf}&fiscalYear={fiscalYear}"),
                any(), any(), any(), any())).thenThrow(new ApiProblemException(403, "forbidden",
                        "計画の進捗は推進本部が見るものです", "The plan's progress is for the promotion headquarters", null));

        mvc.perform(get("/progress").with(department("shimin")))
                .andExpect(status().isForbidden())
                .andExpect(content().string(allOf(containsString("lang=\"ja\""),
                        containsString("<h1>このページは表示できません</h1>"), containsString("計画の進捗は推進本部が見るものです"),
                        containsString("role=\"alert\""), containsString("報告一覧"), not(containsString("Whitelabel")))));
        mvc.perform(get("/progress").param("lang", "en").with(department("shimin")))
                .andExpect(status().isForbidden())
                .andExpect(content().string(allOf(containsString("lang=\"en\""), containsString("<h1>You may not see this page</h1>"),
                        containsString("The plan&#39;s progress is for the promotion headquarters"))));
    }

    /**
     * An address that does not exist answers 404, and Spring Boot's error controller renders the portal's page for
     * it. MockMvc does not forward to {@code /error} as a servlet container does: the second request is that forward
     * ({@code PortalErrorPagesTest} and the browser test go through a real one).
     */
    @Test
    void anUnknownAddressAnswers404WithThePortalsPageInTheReadersLanguage() throws Exception {
        mvc.perform(get("/no-such-page").with(department("shimin"))).andExpect(status().isNotFound());

        mvc.perform(error(404, "/no-such-page").with(department("shimin")))
                .andExpect(status().isNotFound())
                .andExpect(content().string(allOf(containsString("lang=\"ja\""), containsString("<title>ページが見つかりません | 進捗 Shinchoku</title>"),
                        containsString("<h1>ページが見つかりません</h1>"), containsString("アドレスが正しいかご確認ください"),
                        containsString("報告一覧"), containsString("瀬戸内町 shimin"), not(containsString("Whitelabel")))));
        mvc.perform(error(404, "/no-such-page").param("lang", "en").with(department("shimin")))
                .andExpect(content().string(allOf(containsString("lang=\"en\""), containsString("<h1>Page not found</h1>"),
                        containsString("My reports"), not(containsString("Whitelabel")))));
    }

    @Test
    void aFailureAnswers500WithThePortalsPageAndNothingOfItsCause() throws Exception {
        mvc.perform(error(500, "/reports").requestAttr(jakarta.servlet.RequestDispatcher.ERROR_EXCEPTION,
                        new IllegalStateException("secret internals")).with(department("shimin")))
                .andExpect(status().isInternalServerError())
                .andExpect(content().string(allOf(containsString("<h1>エラーが発生しました</h1>"),
                        containsString("システム管理者にお問い合わせください"), not(containsString("secret internals")),
                        not(containsString("IllegalStateException")), not(containsString("Whitelabel")))));
        mvc.perform(error(403, "/reports/x").with(department("shimin")))
                .andExpect(status().isForbidden())
                .andExpect(content().string(allOf(containsString("<h1>このページは表示できません</h1>"),
                        containsString("このページを表示する権限がありません"))));
    }

    /** The servlet container's forward of a failed request to the error page, as a browser's (it asks for HTML). */
    private static org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder error(int status, String uri) {
        return get("/error").accept(org.springframework.http.MediaType.TEXT_HTML)
                .requestAttr(jakarta.servlet.RequestDispatcher.ERROR_STATUS_CODE, status)
                .requestAttr(jakarta.servlet.RequestDispatcher.ERROR_REQUEST_URI, uri);
    }

    @Test
    void englishIsOneClickAway() throws Exception {
        mvc.perform(get("/reports").param("lang", "en").with(department("shimin")))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("lang=\"en\""), containsString("My reports"),
                        containsString("Due"), containsString("日本語"))));
    }

    @Test
    void theActuatorsMetricsAreForOpsWithABearerTokenAndItsHealthIsOpen() throws Exception {
        mvc.perform(get("/actuator/health/readiness")).andExpect(status().isOk());
        mvc.perform(get("/actuator/prometheus")).andExpect(status().isUnauthorized());
        mvc.perform(get("/actuator/prometheus").with(jwt().authorities(new SimpleGrantedAuthority("ROLE_DEPARTMENT"))))
                .andExpect(status().isForbidden());
        mvc.perform(get("/actuator/prometheus").with(jwt().authorities(new SimpleGrantedAuthority("ROLE_OPS"))))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("application=\"portal\"")));
    }

    @Test
    void everyoneStartsWhereTheirWorkIs() throws Exception {
        mvc.perform(get("/").with(department("shimin"))).andExpect(redirectedUrlPattern("/reports*"));
        mvc.perform(get("/").with(hq())).andExpect(redirectedUrlPattern("/progress*"));
        mvc.perform(get("/reports")).andExpect(status().is3xxRedirection());
    }

    private static OidcLoginRequestPostProcessor department(String department) {
        return oidcLogin().idToken(token -> token.subject("setouchi-" + department)
                .claim("roles", List.of("DEPARTMENT")).claim("municipality", "瀬戸内町").claim("department", department)
                .claim("name", "瀬戸内町 " + department));
    }

    // 承認待ち, 年度締め, editions, a KPI's years, the audit trail (issue 23, item 5)

    private void approvalQueue() {
        when(api.get(Api.Service.MEASUREMENT, "/api/plans/{planId}/approvals", PLAN)).thenReturn(json("""
                [{"measurementId": "msr-1", "kpiId": "%1$s", "kpiName": "窓口申請のオンライン化率", "departmentCode": "shimin",
                  "period": "FY2023-Q2", "periodLabel": "令和5年度第2四半期", "value": 8, "measuredOn": "2023-09-30",
                  "reportedBy": "setouchi-shimin", "recordedAt": "2023-10-01T01:00:00Z"},
                 {"measurementId": "msr-2", "kpiId": "%2$s.3-1.2", "kpiName": "電子申請の件数", "departmentCode": "shimin",
                  "period": "FY2023-Q2", "periodLabel": "令和5年度第2四半期", "value": 120, "measuredOn": "2023-09-30",
                  "reportedBy": "setouchi-shimin", "recordedAt": "2023-10-01T02:00:00Z", "supersedes": "msr-0",
                  "correctionReason": "集計漏れ"},
                 {"measurementId": "msr-3", "kpiId": "%2$s.1-1.1", "kpiName": "オープンデータ公開数", "departmentCode": "kikaku",
                  "period": "FY2023-09", "periodLabel": "令和5年9月", "value": 12, "measuredOn": "2023-09-30",
                  "reportedBy": "setouchi-kikaku", "recordedAt": "2023-10-01T03:00:00Z"}]""".formatted(KPI, PLAN)));
        when(api.get(Api.Service.PLAN, "/api/municipalities/{municipality}/departments?size=200", "瀬戸内町"))
                .thenReturn(json("{\"items\": [{\"code\": \"shimin\", \"name\": \"市民課\"}]}"));
        when(api.get(Api.Service.MEASUREMENT, "/api/municipalities/{municipality}/approval", "瀬戸内町")).thenReturn(json("""
                {"municipality": "瀬戸内町", "required": true, "chosen": true, "by": "setouchi-hq", "at": "2023-04-01T00:00:00Z"}"""));
    }

    @Test
    void theApprovalQueueIsGroupedByDepartmentAndPeriod() throws Exception {
        approvalQueue();

        mvc.perform(get("/approvals").with(hq()))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("<h1>承認待ち</h1>"), containsString("承認を待つ報告: 3 件"),
                        containsString("市民課 · 令和5年度第2四半期"), containsString("kikaku · 令和5年9月"),
                        containsString("この部署・期間の 2 件をすべて承認"), containsString("訂正（理由: 集計漏れ）"),
                        containsString("/approvals/msr-1/approve"), containsString("/approvals/msr-1/return"),
                        containsString("<label for=\"why-msr-1\">差戻しの理由</label>"), containsString("scope=\"row\""),
                        containsString("担当部署の報告を推進本部が承認します"), containsString("報告の承認をやめる"),
                        containsString("aria-current=\"page\">承認待ち</a>"), containsString("年度締め</a>"),
                        containsString("監査記録</a>"))));
        mvc.perform(get("/approvals").param("lang", "en").with(hq()))
                .andExpect(content().string(allOf(containsString("Reports awaiting approval: 3"),
                        containsString("Approve all 2 of this department and period"), containsString("Stop approving reports"))));
    }

    @Test
    void theHeadquartersApprovesOneReturnsOneWithAReasonAndApprovesADepartmentsPeriod() throws Exception {
        approvalQueue();

        mvc.perform(post("/approvals/msr-1/approve").param("plan", PLAN).with(hq()).with(csrf()))
                .andExpect(redirectedUrlPattern("/approvals?plan=" + PLAN))
                .andExpect(flash().attribute("notice", "承認しました。"));
        verify(api).post(Api.Service.MEASUREMENT, Map.of("decision", "APPROVED"), "/api/measurements/{measurementId}/review",
                "msr-1");

        mvc.perform(post("/approvals/msr-2/return").param("plan", PLAN).param("reason", " 値の桁が違います ").with(hq())
                        .with(csrf()))
                .andExpect(flash().attribute("notice", "差し戻しました。担当部署に通知されます。"));
        verify(api).post(Api.Service.MEASUREMENT, Map.of("decision", "RETURNED", "reason", "値の桁が違います"),
                "/api/measurements/{measurementId}/review", "msr-2");

        mvc.perform(post("/approvals/period").param("plan", PLAN).param("department", "shimin").param("period", "FY2023-Q2")
                        .with(hq()).with(csrf()))
                .andExpect(flash().attribute("notice", "この部署・期間の報告をすべて承認しました。"));
        verify(api).post(Api.Service.MEASUREMENT, Map.of("departmentCode", "shimin", "period", "FY2023-Q2",
                "decision", "APPROVED"), "/api/plans/{planId}/approvals", PLAN);

        mvc.perform(post("/approvals/setting").param("plan", PLAN).param("required", "false").with(hq()).with(csrf()))
                .andExpect(flash().attribute("notice", "報告の承認をやめました。"));
        verify(api).put(Api.Service.MEASUREMENT, Map.of("required", false), "/api/municipalities/{municipality}/approval",
                "瀬戸内町");
    }

    @Test
    void aReturnWithoutAReasonIsSaidAtItsFieldAndNotSent() throws Exception {
        approvalQueue();

        mvc.perform(post("/approvals/msr-1/return").param("plan", PLAN).param("reason", "  ").with(hq()).with(csrf()))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(allOf(containsString("role=\"alert\""),
                        containsString("差戻しの理由を入力してください。"), containsString("aria-invalid=\"true\""),
                        containsString("aria-describedby=\"error-msr-1\""), containsString("id=\"error-msr-1\""))));
        org.mockito.Mockito.verify(api, org.mockito.Mockito.never()).post(eq(Api.Service.MEASUREMENT), any(),
                eq("/api/measurements/{measurementId}/review"), any());

        // the service's own refusal (decided already), in the reader's language
        when(api.post(eq(Api.Service.MEASUREMENT), any(), eq("/api/measurements/{measurementId}/review"), eq("msr-3")))
                .thenThrow(new ApiProblemException(409, "not-awaiting-approval", "報告 msr-3 は承認待ちではありません",
                        "Measurement msr-3 is not awaiting approval", null));
        mvc.perform(post("/approvals/msr-3/approve").param("plan", PLAN).with(hq()).with(csrf())
                        .cookie(new jakarta.servlet.http.Cookie("shinchoku-lang", "en")))
                .andExpect(flash().attribute("problem", "Measurement msr-3 is not awaiting approval"));
    }

    @Test
    void theHeadquartersPagesAreForbiddenToADepartment() throws Exception {
        for (String page : List.of("/approvals", "/fiscal-years", "/audit", "/fiscal-years/compare?plan=p&from=a&to=b")) {
            mvc.perform(get(page).with(department("shimin"))).andExpect(status().isForbidden());
        }
        mvc.perform(post("/fiscal-years/close").param("plan", PLAN).param("fiscalYear", "2022").with(department("shimin"))
                .with(csrf())).andExpect(status().isForbidden());
        mvc.perform(get("/reports").with(department("shimin")))
                .andExpect(content().string(allOf(not(containsString("/approvals")), not(containsString("/fiscal-years")),
                        not(containsString("/audit")))));
    }

    private void fiscalYear2022() {
        when(api.get(Api.Service.MEASUREMENT, "/api/plans/{planId}/fiscal-years/{fiscalYear}", PLAN, 2022)).thenReturn(json("""
                {"planId": "%1$s", "fiscalYear": 2022, "label": "令和4年度", "labelEn": "FY2022", "closed": false,
                 "blockers": [{"kpiId": "%2$s", "name": "窓口申請のオンライン化率", "departmentCode": "shimin", "reason": "UNREPORTED"},
                              {"kpiId": "%1$s.1-1.1", "name": "オープンデータ公開数", "departmentCode": "kikaku", "reason": "UNAPPROVED",
                               "measurementId": "msr-3"}],
                 "history": [{"fiscalYear": 2022, "action": "CLOSED", "by": "setouchi-hq", "at": "2023-04-10T00:00:00Z",
                              "reason": "未報告は次年度に確認", "edition": "%1$s:FY2022:1"},
                             {"fiscalYear": 2022, "action": "REOPENED", "by": "setouchi-hq", "at": "2023-05-01T00:00:00Z",
                              "reason": "市民課の訂正"}]}""".formatted(PLAN, KPI)));
        when(api.get(Api.Service.MEASUREMENT, "/api/plans/{planId}/editions", PLAN)).thenReturn(json("""
                [{"id": "%1$s:FY2022:1", "fiscalYear": 2022, "label": "令和4年度", "cause": "CLOSED", "by": "setouchi-hq",
                  "frozenAt": "2023-04-10T00:00:00Z", "note": "未報告は次年度に確認"},
                 {"id": "%1$s:FY2022:3", "fiscalYear": 2022, "label": "令和4年度", "cause": "REVIEWED", "by": "setouchi-hq",
                  "frozenAt": "2023-06-01T00:00:00Z", "note": "年度見直し"}]""".formatted(PLAN)));
    }

    @Test
    void theFiscalYearPageShowsItsStateBlockersHistoryAndEditions() throws Exception {
        fiscalYear2022();
        when(api.get(Api.Service.PLAN, "/api/municipalities/{municipality}/departments?size=200", "瀬戸内町"))
                .thenReturn(json("{\"items\": [{\"code\": \"shimin\", \"name\": \"市民課\"}]}"));

        mvc.perform(get("/fiscal-years").param("plan", PLAN).param("fiscalYear", "2022").with(hq()))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("<h1>年度締め</h1>"), containsString("令和4年度"),
                        containsString("締めていません"), containsString("締めを妨げている評価指標: 2 件"),
                        containsString("市民課"), containsString(">未報告<"), containsString(">承認待ち</a>"),
                        containsString("未報告は次年度に確認"), containsString("締め解除"), containsString("市民課の訂正"),
                        containsString("/fiscal-years/edition?plan=" + PLAN + "&amp;id=" + PLAN + ":FY2022:1"),
                        containsString("年度見直し"), containsString("/fiscal-years/compare"),
                        containsString("<th scope=\"col\">"), containsString("for=\"close-reason\""),
                        containsString("name=\"reason\" type=\"text\" maxlength=\"2000\" required"))));
        mvc.perform(get("/fiscal-years").param("plan", PLAN).param("fiscalYear", "2022").param("lang", "en").with(hq()))
                .andExpect(content().string(allOf(containsString("FY2022"), containsString("KPIs holding the close back: 2"),
                        containsString("Awaiting approval"), containsString("Close the fiscal year"))));
    }

    @Test
    void theFiscalYearChosenAtFirstIsTheOneThatEndedLastAsTheMeasurementServiceCountsTheDays() throws Exception {
        fiscalYear2022();
        when(api.get(Api.Service.MEASUREMENT, "/api/plans/{planId}/progress?by={by}&asOf={asOf}&fiscalYear={fiscalYear}",
                PLAN, "pillar", "", "")).thenReturn(json("{\"asOf\": \"2023-10-02\", \"groups\": []}"));

        mvc.perform(get("/fiscal-years").with(hq()))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("<option value=\"2022\" selected=\"selected\">令和4年度（2022）</option>"),
                        containsString("<h2 id=\"state-title\">令和4年度</h2>"))));
    }

    @Test
    void aCloseHeldBackListsWhatHoldsItBackAndAReasonClosesIt() throws Exception {
        fiscalYear2022();
        JsonNode blocked = json("""
                {"type": "https://shinchoku.jp/problems/fiscal-year-blocked", "status": 409,
                 "detail": "令和4年度には未報告または承認待ちの評価指標が1件あります。報告・承認を待つか、理由を添えて締めてください",
                 "blockers": [{"kpiId": "%s", "name": "窓口申請のオンライン化率", "departmentCode": "shimin", "reason": "UNREPORTED"}]}"""
                .formatted(KPI));
        when(api.post(Api.Service.MEASUREMENT, Map.of(), "/api/plans/{planId}/fiscal-years/{fiscalYear}/close", PLAN, 2022))
                .thenThrow(new ApiProblemException(409, "fiscal-year-blocked", blocked.path("detail").asString(),
                        "1 KPIs of FY2022 are unreported or await approval; wait for them or close with a reason", blocked));

        mvc.perform(post("/fiscal-years/close").param("plan", PLAN).param("fiscalYear", "2022").param("reason", "")
                        .with(hq()).with(csrf()))
                .andExpect(status().isConflict())
                .andExpect(content().string(allOf(containsString("role=\"alert\""),
                        containsString("未報告または承認待ちの評価指標が1件あります"),
                        containsString("締めを妨げている評価指標: 2 件"), not(containsString("締めを妨げた評価指標")))));
        mvc.perform(post("/fiscal-years/close").param("plan", PLAN).param("fiscalYear", "2022").with(hq()).with(csrf())
                        .cookie(new jakarta.servlet.http.Cookie("shinchoku-lang", "en")))
                .andExpect(status().isConflict())
                .andExpect(content().string(allOf(containsString("1 KPIs of FY2022 are unreported"),
                        containsString("KPIs holding the close back: 2"))));
        // where the year's state no longer lists them, the page lists what the refusal named
        when(api.get(Api.Service.MEASUREMENT, "/api/plans/{planId}/fiscal-years/{fiscalYear}", PLAN, 2022)).thenReturn(json("""
                {"planId": "%s", "fiscalYear": 2022, "label": "令和4年度", "labelEn": "FY2022", "closed": false,
                 "blockers": [], "history": []}""".formatted(PLAN)));
        mvc.perform(post("/fiscal-years/close").param("plan", PLAN).param("fiscalYear", "2022").with(hq()).with(csrf()))
                .andExpect(status().isConflict())
                .andExpect(content().string(allOf(containsString("締めを妨げた評価指標"),
                        containsString("窓口申請のオンライン化率（shimin）: 未報告"))));

        mvc.perform(post("/fiscal-years/close").param("plan", PLAN).param("fiscalYear", "2022")
                        .param("reason", "未報告は次年度に確認").with(hq()).with(csrf()))
                .andExpect(redirectedUrlPattern("/fiscal-years?plan=" + PLAN + "&fiscalYear=2022"))
                .andExpect(flash().attribute("notice", "年度を締めました。版を確定しました。"));
        verify(api).post(Api.Service.MEASUREMENT, Map.of("reason", "未報告は次年度に確認"),
                "/api/plans/{planId}/fiscal-years/{fiscalYear}/close", PLAN, 2022);
    }

    @Test
    void aReopeningNeedsItsReason() throws Exception {
        when(api.get(Api.Service.MEASUREMENT, "/api/plans/{planId}/fiscal-years/{fiscalYear}", PLAN, 2022)).thenReturn(json("""
                {"planId": "%s", "fiscalYear": 2022, "label": "令和4年度", "labelEn": "FY2022", "closed": true, "blockers": [],
                 "history": []}""".formatted(PLAN)));

        mvc.perform(get("/fiscal-years").param("plan", PLAN).param("fiscalYear", "2022").with(hq()))
                .andExpect(content().string(allOf(containsString("締め済み"), containsString("for=\"reopen-reason\""),
                        not(containsString("id=\"close-form\"")))));
        mvc.perform(post("/fiscal-years/reopen").param("plan", PLAN).param("fiscalYear", "2022").param("reason", " ")
                        .with(hq()).with(csrf()))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(allOf(containsString("締め解除の理由を入力してください。"),
                        containsString("aria-describedby=\"reopen-error\""), containsString("aria-invalid=\"true\""))));
        org.mockito.Mockito.verify(api, org.mockito.Mockito.never()).post(eq(Api.Service.MEASUREMENT), any(),
                eq("/api/plans/{planId}/fiscal-years/{fiscalYear}/reopen"), any(), any());

        mvc.perform(post("/fiscal-years/reopen").param("plan", PLAN).param("fiscalYear", "2022").param("reason", "市民課の訂正")
                        .with(hq()).with(csrf()))
                .andExpect(flash().attribute("notice", "年度の締めを解除しました。"));
        verify(api).post(Api.Service.MEASUREMENT, Map.of("reason", "市民課の訂正"),
                "/api/plans/{planId}/fiscal-years/{fiscalYear}/reopen", PLAN, 2022);
    }

    private static String row(String kpiId, String name, int target, int value, String status, String grade, String verdict) {
        return """
                {"kpiId": "%s", "name": "%s", "departmentCode": "shimin", "unit": "%%", "kind": "percentage", "target": %d,
                 "due": "2024-03-31", "value": %d, "status": "%s", "grade": "%s",
                 "verdict": {"fiscalYear": 2022, "value": %d, "target": %d, "verdict": "%s", "shortMonths": [], "judgedOn": "2023-04-01"}}"""
                .formatted(kpiId, name, target, value, status, grade, value, target, verdict);
    }

    @Test
    void anEditionShowsItsKpisAndTwoEditionsAreComparedWithWhatChangedHighlighted() throws Exception {
        String first = PLAN + ":FY2022:1";
        String later = PLAN + ":FY2022:3";
        when(api.get(Api.Service.MEASUREMENT, "/api/plans/{planId}/editions/{editionId}", PLAN, first)).thenReturn(json("""
                {"id": "%s", "planId": "%s", "fiscalYear": 2022, "cause": "CLOSED", "by": "setouchi-hq",
                 "frozenAt": "2023-04-10T00:00:00Z", "asOf": "2023-03-31", "note": "未報告は次年度に確認", "rows": [%s]}"""
                .formatted(first, PLAN, row(KPI, "窓口申請のオンライン化率", 50, 8, "MISSED", "D", "MISSED"))));
        when(api.get(Api.Service.MEASUREMENT, "/api/plans/{planId}/editions/compare?from={from}&to={to}", PLAN, first, later))
                .thenReturn(json("""
                        [{"kpiId": "%s", "name": "窓口申請のオンライン化率", "from": %s, "to": %s, "changed": ["value", "status", "verdict"]},
                         {"kpiId": "%s.1-1.1", "name": "オープンデータ公開数", "from": %s, "to": %s, "changed": []}]"""
                        .formatted(KPI, row(KPI, "窓口申請のオンライン化率", 50, 8, "MISSED", "D", "MISSED"),
                                row(KPI, "窓口申請のオンライン化率", 50, 52, "ACHIEVED", "D", "ACHIEVED"), PLAN,
                                row(PLAN + ".1-1.1", "オープンデータ公開数", 30, 31, "ACHIEVED", "A", "ACHIEVED"),
                                row(PLAN + ".1-1.1", "オープンデータ公開数", 30, 31, "ACHIEVED", "A", "ACHIEVED"))));

        mvc.perform(get("/fiscal-years/edition").param("plan", PLAN).param("id", first).with(hq()))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("<h1>版 " + first + "</h1>"),
                        containsString("令和4年度・年度締め（setouchi-hq、令和5年4月10日（2023-04-10） 09:00）"),
                        containsString("令和5年3月31日"), containsString("50 %"), containsString("8 %"),
                        containsString(">未達<"), containsString("未達（8 / 50）"), containsString("<th scope=\"row\">"))));
        mvc.perform(get("/fiscal-years/compare").param("plan", PLAN).param("from", first).param("to", later).with(hq()))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("<h1>版の比較</h1>"),
                        containsString("値が変わった評価指標: 1 件"), containsString("<mark>"),
                        containsString("8 % → 52 %"), containsString("未達 → 達成"),
                        containsString("class=\"visually-hidden\">変更:"))));
        mvc.perform(get("/fiscal-years/compare").param("plan", PLAN).param("from", first).param("to", later)
                        .param("lang", "en").with(hq()))
                .andExpect(content().string(allOf(containsString("Editions compared"), containsString("Missed → Achieved"))));
    }

    @Test
    void theKpiPageShowsPastYearsVerdictsAndAProvisionalBadge() throws Exception {
        when(api.get(Api.Service.MEASUREMENT, "/api/kpis/{kpiId}/series", KPI)).thenReturn(json("""
                {"name": "窓口申請のオンライン化率", "unit": "%", "statusToday": "BEHIND", "trajectory": [], "observations": []}"""));
        when(api.get(Api.Service.MEASUREMENT, "/api/kpis/{kpiId}/progress", KPI))
                .thenReturn(json("{\"latestValue\": 8, \"provisional\": true}"));
        when(api.get(Api.Service.MEASUREMENT, "/api/kpis/{kpiId}/measurements", KPI)).thenReturn(json("[]"));
        when(api.get(Api.Service.MEASUREMENT, "/api/kpis/{kpiId}/years", KPI)).thenReturn(json("""
                [{"fiscalYear": 2021, "label": "令和3年度", "labelEn": "FY2021", "value": 40, "target": 30, "verdict": "ACHIEVED",
                  "verdictJa": "達成", "verdictEn": "Achieved", "shortMonths": [], "judgedOn": "2022-04-01"},
                 {"fiscalYear": 2022, "label": "令和4年度", "labelEn": "FY2022", "value": 11, "target": 12, "verdict": "MISSED",
                  "verdictJa": "未達", "verdictEn": "Missed", "shortMonths": ["2022-08", "2023-01"], "judgedOn": "2023-04-01"}]"""));

        mvc.perform(get("/kpis/" + KPI).with(department("shimin")))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("id=\"provisional\""), containsString(">暫定<"),
                        containsString("年度ごとの判定"), containsString("月の不足"), containsString("令和4年度"),
                        containsString("2022-08, 2023-01"), containsString(">未達<"), containsString(">達成<"))));
        org.assertj.core.api.Assertions.assertThat(mvc.perform(get("/kpis/" + KPI).with(department("shimin")))
                .andReturn().getResponse().getContentAsString()).as("newest year first")
                .containsSubsequence("令和4年度", "令和3年度");
        mvc.perform(get("/kpis/" + KPI).param("lang", "en").with(department("shimin")))
                .andExpect(content().string(allOf(containsString(">Provisional<"), containsString("FY2022"),
                        containsString(">Missed<"), containsString("Months short"))));

        when(api.get(Api.Service.MEASUREMENT, "/api/kpis/{kpiId}/progress", KPI)).thenReturn(json("{\"latestValue\": 8}"));
        mvc.perform(get("/kpis/" + KPI).with(department("shimin")))
                .andExpect(content().string(not(containsString("id=\"provisional\""))));
    }

    @Test
    void theAuditTrailShowsTheServicesEntriesNewestFirst() throws Exception {
        String path = "/api/audit?actor={actor}&action={action}&target={target}&from={from}&to={to}&limit={limit}";
        when(api.get(eq(Api.Service.MEASUREMENT), eq(path), any(), any(), any(), any(), any(), any())).thenReturn(json("""
                [{"id": "a1", "at": "2023-10-02T01:00:00Z", "service": "measurement-service", "actor": "setouchi-hq",
                  "action": "measurement.returned", "target": "msr-2", "before": {"state": "SUBMITTED"},
                  "after": {"state": "RETURNED", "reason": "値の桁が違います"}},
                 {"id": "a2", "at": "2023-04-10T00:00:00Z", "service": "measurement-service", "actor": "setouchi-hq",
                  "action": "fiscal-year.closed", "target": "%s/FY2022", "before": {"closed": "false"}, "after": {"closed": "true"}}]"""
                .formatted(PLAN)));
        when(api.get(eq(Api.Service.PLAN), eq(path), any(), any(), any(), any(), any(), any())).thenReturn(json("""
                [{"id": "p1", "at": "2023-06-01T00:00:00Z", "service": "plan-service", "actor": "setouchi-hq",
                  "action": "plan.reviewed", "target": "%s", "before": {}, "after": {"fiscalYear": "令和4年度"}}]""".formatted(PLAN)));
        when(api.get(eq(Api.Service.NOTIFICATION), eq(path), any(), any(), any(), any(), any(), any())).thenReturn(json("[]"));

        String page = mvc.perform(get("/audit").with(hq()))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("<h1>監査記録</h1>"), containsString("監査記録 3 件"),
                        containsString("measurement.returned"), containsString("msr-2"),
                        containsString("state=SUBMITTED → state=RETURNED; reason=値の桁が違います"),
                        containsString("令和5年10月2日（2023-10-02） 10:00"), containsString("for=\"actor\""))))
                .andReturn().getResponse().getContentAsString();
        org.assertj.core.api.Assertions.assertThat(page).as("newest first")
                .containsSubsequence("measurement.returned", "plan.reviewed", "fiscal-year.closed");

        mvc.perform(get("/audit").param("action", "fiscal-year").param("from", "令和5年度").with(hq()))
                .andExpect(status().isOk());
        verify(api).get(Api.Service.MEASUREMENT, path, "", "fiscal-year", "", "令和5年度", "", 200);
    }

    /** A plan with a 未設定 KPI, a KPI with its target, a milestone, and department names. */
    private void planToRevise() {
        when(api.get(Api.Service.PLAN, "/api/plans/{planId}", PLAN)).thenReturn(json("""
                {"id": "%1$s", "title": "瀬戸内町官民データ活用推進計画", "revision": 2,
                 "municipality": {"code": "463256", "name": "瀬戸内町"},
                 "departments": [{"code": "kikaku", "name": "企画課"}, {"code": "shimin"}],
                 "pillars": [{"code": "3", "title": "オンライン化", "measures": [
                   {"code": "3-1", "title": "行政手続のオンライン化", "department": "shimin", "retired": false,
                    "kpis": [{"id": "%2$s", "name": "窓口申請のオンライン化率", "unit": "%%", "kind": "percentage",
                              "direction": "increase", "target": 50, "due": {"date": "2024-03-31", "wareki": "令和6年3月31日"}},
                             {"id": "%1$s.3-1.2", "name": "電子申請の満足度", "kind": "undefined"},
                             {"id": "%1$s.3-1.3", "name": "窓口の待ち時間", "kind": "count", "retired": true}],
                    "milestones": [{"id": "%1$s.3-1.m1", "text": "電子申請の受付開始",
                                    "due": {"date": "2024-03-31", "wareki": "令和6年3月31日"}}]}]}]}""".formatted(PLAN, KPI)));
        when(api.get(Api.Service.PLAN, "/api/municipalities/{municipality}/departments?size=200", "463256"))
                .thenReturn(json("{\"items\": [{\"code\": \"kikaku\", \"name\": \"企画課\"}, {\"code\": \"shimin\", \"name\": \"市民課\"}]}"));
    }

    /** What the portal sent the plan service at this path, as JSON. */
    private JsonNode sent(String path) {
        ArgumentCaptor<Object> body = ArgumentCaptor.forClass(Object.class);
        verify(api).post(eq(Api.Service.PLAN), body.capture(), eq(path), eq(PLAN));
        return JSON.readTree(JSON.writeValueAsString(body.getValue()));
    }

    @Test
    void theRevisionFormOffersThePlansKpisMeasuresDepartmentsAndMilestonesByName() throws Exception {
        planToRevise();
        mvc.perform(get("/plans/" + PLAN + "/revisions/new").with(hq()))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("計画の改定"), containsString("第2版"),
                        containsString("value=\"" + PLAN + ".3-1.2\">電子申請の満足度（行政手続のオンライン化）"),
                        containsString("窓口申請のオンライン化率（50% / 令和6年3月31日）"),
                        containsString("<option value=\"kikaku\">企画課</option>"),
                        containsString("<option value=\"shimin\">市民課</option>"),
                        containsString("3-1 行政手続のオンライン化（市民課）"), containsString("電子申請の受付開始（令和6年3月31日）"),
                        containsString("name=\"reason\""), not(containsString("field-problem")))));
        mvc.perform(get("/plans/" + PLAN + "/reviews/new").with(hq()))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("name=\"fiscalYear\""), containsString("name=\"note\""),
                        containsString("name=\"setKpi\""), containsString("name=\"msMilestone\""))));
    }

    @Test
    void eachKindOfChangeIsSentAsThePlanServiceReadsItAndTheNewRevisionShown() throws Exception {
        planToRevise();
        when(api.post(eq(Api.Service.PLAN), any(), eq("/api/plans/{planId}/revisions"), eq(PLAN)))
                .thenReturn(json("{\"id\": \"" + PLAN + "\", \"revision\": 3}"));
        Map<String, Map<String, String>> forms = new java.util.LinkedHashMap<>();
        forms.put("""
                {"type": "set-target", "kpi": "%s.3-1.2", "kind": "percentage", "direction": "increase", "unit": "%%",
                 "target": {"value": 80, "due": "2026-03-31"}}""".formatted(PLAN), Map.of("setKpi", PLAN + ".3-1.2",
                "setKind", "percentage", "setDirection", "increase", "setUnit", "%", "setValue", "80", "setDue", "2026-03-31"));
        forms.put("""
                {"type": "change-target", "kpi": "%s", "target": {"due": "2025-03-31"}}""".formatted(KPI),
                Map.of("ctKpi", KPI, "ctValue", "", "ctDue", "2025-03-31"));
        forms.put("""
                {"type": "add-measure", "pillar": "3", "definition": {"code": "3-2", "title": "窓口のキャッシュレス化",
                 "department": "kikaku", "kpis": [{"name": "キャッシュレス対応窓口数", "unit": "窓口", "kind": "count",
                 "direction": "increase", "target": {"value": 5, "due": "2027-03-31"}}]}}""",
                Map.of("amPillar", "3", "amCode", "3-2", "amTitle", "窓口のキャッシュレス化", "amDepartment", "kikaku",
                        "amKpiName", "キャッシュレス対応窓口数", "amKpiUnit", "窓口", "amKpiKind", "count",
                        "amKpiDirection", "increase", "amKpiValue", "5", "amKpiDue", "2027-03-31"));
        forms.put("{\"type\": \"retire-measure\", \"measure\": \"3-1\"}", Map.of("rmMeasure", "3-1"));
        forms.put("{\"type\": \"reassign-department\", \"measure\": \"3-1\", \"department\": \"kikaku\"}",
                Map.of("rdMeasure", "3-1", "rdDepartment", "kikaku"));
        forms.put("{\"type\": \"reschedule-milestone\", \"milestone\": \"%s.3-1.m1\", \"due\": \"2024-09-30\"}"
                .formatted(PLAN), Map.of("msMilestone", PLAN + ".3-1.m1", "msDue", "2024-09-30"));
        for (Map.Entry<String, Map<String, String>> form : forms.entrySet()) {
            org.mockito.Mockito.clearInvocations(api);
            var request = post("/plans/" + PLAN + "/revisions").param("reason", "令和5年度の見直し").with(hq()).with(csrf());
            form.getValue().forEach(request::param);
            mvc.perform(request)
                    .andExpect(redirectedUrlPattern("/plans/" + PLAN + "*"))
                    .andExpect(flash().attribute("notice", "計画を改定しました（第3版）。"));
            org.assertj.core.api.Assertions.assertThat(sent("/api/plans/{planId}/revisions"))
                    .isEqualTo(json("{\"reason\": \"令和5年度の見直し\", \"changes\": [" + form.getKey() + "]}"));
        }
    }

    @Test
    void aRefusedRevisionShowsEachProblemAtItsFieldInTheReadersLanguage() throws Exception {
        planToRevise();
        when(api.post(eq(Api.Service.PLAN), any(), eq("/api/plans/{planId}/revisions"), eq(PLAN))).thenThrow(
                new ApiProblemException(400, "invalid-revision", "改定に誤りがあります（3 件）", "The revision is invalid (3 problems)",
                        json("""
                                {"errors": [
                                  {"path": "reason", "messageJa": "理由がありません", "messageEn": "No reason"},
                                  {"path": "changes[0].target.due", "messageJa": "期限がありません", "messageEn": "No deadline"},
                                  {"path": "changes[1].due", "messageJa": "日付が読めません", "messageEn": "Not a date"}]}""")));
        var japanese = post("/plans/" + PLAN + "/revisions").param("setKpi", PLAN + ".3-1.2").param("setKind", "count")
                .param("setValue", "10").param("msMilestone", PLAN + ".3-1.m1").param("msDue", "いつか").with(hq()).with(csrf());
        mvc.perform(japanese)
                .andExpect(status().isBadRequest())
                .andExpect(content().string(allOf(containsString("改定に誤りがあります（3 件）"),
                        containsString("role=\"alert\" id=\"reason-error\">理由がありません"),
                        containsString("role=\"alert\" id=\"setDue-error\">期限がありません"),
                        containsString("role=\"alert\" id=\"msDue-error\">日付が読めません"),
                        containsString("aria-describedby=\"setDue-error\""), containsString("value=\"いつか\""),
                        containsString("value=\"10\""))));
        mvc.perform(post("/plans/" + PLAN + "/revisions").param("setKpi", PLAN + ".3-1.2").param("msMilestone", PLAN + ".3-1.m1")
                        .cookie(new jakarta.servlet.http.Cookie("shinchoku-lang", "en")).with(hq()).with(csrf()))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(allOf(containsString("The revision is invalid (3 problems)"),
                        containsString("id=\"reason-error\">No reason"), containsString("id=\"setDue-error\">No deadline"),
                        containsString("id=\"msDue-error\">Not a date"), not(containsString("期限がありません")))));
    }

    @Test
    void aTargetThatIsNotANumberIsSaidAtItsFieldAndNothingIsSent() throws Exception {
        planToRevise();
        mvc.perform(post("/plans/" + PLAN + "/revisions").param("reason", "見直し").param("ctKpi", KPI).param("ctValue", "五十")
                        .with(hq()).with(csrf()))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("id=\"ctValue-error\">「五十」は数値ではありません。")));
        verify(api, org.mockito.Mockito.never()).post(eq(Api.Service.PLAN), any(), eq("/api/plans/{planId}/revisions"), any());
    }

    @Test
    void aKpiIsAddedOrRetiredAndAMilestoneAddedThroughTheirOwnFieldsets() throws Exception {
        planToRevise();
        mvc.perform(get("/plans/" + PLAN + "/revisions/new").with(hq()))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("評価指標の追加"), containsString("評価指標の廃止"),
                        containsString("スケジュールの追加"), containsString("name=\"akCode\""),
                        containsString("<label for=\"nmText\">スケジュールの内容</label>"),
                        containsString("value=\"" + KPI + "\">窓口申請のオンライン化率（3-1 行政手続のオンライン化）"),
                        not(containsString("窓口の待ち時間")))));
        when(api.post(eq(Api.Service.PLAN), any(), eq("/api/plans/{planId}/revisions"), eq(PLAN)))
                .thenReturn(json("{\"id\": \"" + PLAN + "\", \"revision\": 3}"));
        Map<String, Map<String, String>> forms = new java.util.LinkedHashMap<>();
        forms.put("""
                {"type": "add-kpi", "measure": "3-1", "kpiDefinition": {"code": "apply", "name": "電子申請の件数",
                 "unit": "件", "kind": "count", "direction": "increase", "target": {"value": 1200, "due": "2026-03-31"}}}""",
                Map.of("akMeasure", "3-1", "akCode", "apply", "akName", "電子申請の件数", "akUnit", "件", "akKind", "count",
                        "akDirection", "increase", "akValue", "1,200", "akDue", "2026-03-31"));
        forms.put("""
                {"type": "add-kpi", "measure": "3-1", "kpiDefinition": {"name": "電子申請の件数", "kind": "count",
                 "direction": "increase"}}""",
                Map.of("akMeasure", "3-1", "akCode", " ", "akName", "電子申請の件数", "akKind", "count",
                        "akDirection", "increase", "akValue", "", "akDue", ""));
        forms.put("{\"type\": \"retire-kpi\", \"kpi\": \"%s\"}".formatted(KPI), Map.of("rkKpi", KPI));
        forms.put("{\"type\": \"add-milestone\", \"measure\": \"3-1\", \"text\": \"コンビニ交付の開始\", \"due\": \"2025-09-30\"}",
                Map.of("nmMeasure", "3-1", "nmText", "コンビニ交付の開始", "nmDue", "2025-09-30"));
        for (Map.Entry<String, Map<String, String>> form : forms.entrySet()) {
            org.mockito.Mockito.clearInvocations(api);
            var request = post("/plans/" + PLAN + "/revisions").param("reason", "令和6年度の見直し").with(hq()).with(csrf());
            form.getValue().forEach(request::param);
            mvc.perform(request)
                    .andExpect(redirectedUrlPattern("/plans/" + PLAN + "*"))
                    .andExpect(flash().attribute("notice", "計画を改定しました（第3版）。"));
            org.assertj.core.api.Assertions.assertThat(sent("/api/plans/{planId}/revisions"))
                    .isEqualTo(json("{\"reason\": \"令和6年度の見直し\", \"changes\": [" + form.getKey() + "]}"));
        }
    }

    @Test
    void theNewFieldsetsProblemsAreShownAtTheirFields() throws Exception {
        planToRevise();
        when(api.post(eq(Api.Service.PLAN), any(), eq("/api/plans/{planId}/revisions"), eq(PLAN))).thenThrow(
                new ApiProblemException(400, "invalid-revision", "改定に誤りがあります（4 件）", "The revision is invalid (4 problems)",
                        json("""
                                {"errors": [
                                  {"path": "changes[0].kpiDefinition.code", "messageJa": "評価指標のコード「apply」が重複しています",
                                   "messageEn": "the KPI code 'apply' is used twice"},
                                  {"path": "changes[0].kpiDefinition.target.due", "messageJa": "目標の期限は必須です",
                                   "messageEn": "the target's deadline is required"},
                                  {"path": "changes[1].kpi", "messageJa": "評価指標「窓口申請のオンライン化率」は廃止されています",
                                   "messageEn": "the KPI '窓口申請のオンライン化率' is retired"},
                                  {"path": "changes[2].due", "messageJa": "日付が読めません", "messageEn": "Not a date"}]}""")));
        var written = post("/plans/" + PLAN + "/revisions").param("reason", "見直し").param("akMeasure", "3-1")
                .param("akCode", "apply").param("akName", "電子申請の件数").param("akKind", "count").param("akValue", "10")
                .param("rkKpi", KPI).param("nmMeasure", "3-1").param("nmText", "開始").param("nmDue", "2025-13-01")
                .with(hq()).with(csrf());
        mvc.perform(written)
                .andExpect(status().isBadRequest())
                .andExpect(content().string(allOf(containsString("改定に誤りがあります（4 件）"),
                        containsString("role=\"alert\" id=\"akCode-error\">評価指標のコード「apply」が重複しています"),
                        containsString("role=\"alert\" id=\"akDue-error\">目標の期限は必須です"),
                        containsString("role=\"alert\" id=\"rkKpi-error\">評価指標「窓口申請のオンライン化率」は廃止されています"),
                        containsString("role=\"alert\" id=\"nmDue-error\">日付が読めません"),
                        containsString("aria-describedby=\"akCode-error\""), containsString("value=\"電子申請の件数\""),
                        containsString("value=\"2025-13-01\""))));
        mvc.perform(written.cookie(new jakarta.servlet.http.Cookie("shinchoku-lang", "en")))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(allOf(containsString("id=\"akCode-error\">the KPI code &#39;apply&#39; is used twice"),
                        containsString("id=\"nmDue-error\">Not a date"), not(containsString("日付が読めません")))));

        org.mockito.Mockito.clearInvocations(api);
        mvc.perform(post("/plans/" + PLAN + "/revisions").param("reason", "見直し").param("akMeasure", "3-1")
                        .param("akName", "電子申請の件数").param("akValue", "千").with(hq()).with(csrf()))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("id=\"akValue-error\">「千」は数値ではありません。")));
        verify(api, org.mockito.Mockito.never()).post(eq(Api.Service.PLAN), any(), eq("/api/plans/{planId}/revisions"), any());
    }

    @Test
    void aReviewCarriesTheRevisionItDecidedAndItsProblemsAreShownAtTheirFields() throws Exception {
        planToRevise();
        when(api.post(eq(Api.Service.PLAN), any(), eq("/api/plans/{planId}/reviews"), eq(PLAN)))
                .thenReturn(json("{\"fiscalYear\": 2023, \"revisions\": [3]}"));
        mvc.perform(post("/plans/" + PLAN + "/reviews").param("fiscalYear", "令和5年度").param("note", "期限を延ばす")
                        .param("reason", "整備の遅れ").param("ctKpi", KPI).param("ctDue", "2025-03-31")
                        .param("msMilestone", PLAN + ".3-1.m1").param("msDue", "2024-09-30").with(hq()).with(csrf()))
                .andExpect(redirectedUrlPattern("/plans/" + PLAN + "*"))
                .andExpect(flash().attribute("notice", "年度見直しを記録しました。改定: 第3版"));
        org.assertj.core.api.Assertions.assertThat(sent("/api/plans/{planId}/reviews")).isEqualTo(json("""
                {"fiscalYear": "令和5年度", "note": "期限を延ばす", "revisions": [{"reason": "整備の遅れ", "changes": [
                  {"type": "change-target", "kpi": "%s", "target": {"due": "2025-03-31"}},
                  {"type": "reschedule-milestone", "milestone": "%s.3-1.m1", "due": "2024-09-30"}]}]}""".formatted(KPI, PLAN)));

        when(api.post(eq(Api.Service.PLAN), any(), eq("/api/plans/{planId}/reviews"), eq(PLAN))).thenThrow(
                new ApiProblemException(400, "invalid-revision", "改定に誤りがあります（2 件）", "The revision is invalid (2 problems)",
                        json("""
                                {"errors": [
                                  {"path": "fiscalYear", "messageJa": "令和5年度の見直しは記録済みです", "messageEn": "Already recorded"},
                                  {"path": "revisions[0].changes[0].target.due", "messageJa": "期限が基準日より前です",
                                   "messageEn": "The deadline is before the baseline"}]}""")));
        mvc.perform(post("/plans/" + PLAN + "/reviews").param("fiscalYear", "令和5年度").param("note", "期限を延ばす")
                        .param("reason", "整備の遅れ").param("ctKpi", KPI).param("ctDue", "2000-03-31").with(hq()).with(csrf()))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(allOf(containsString("id=\"fiscalYear-error\">令和5年度の見直しは記録済みです"),
                        containsString("id=\"ctDue-error\">期限が基準日より前です"), containsString("value=\"2000-03-31\""))));
    }

    @Test
    void revisionsAndReviewsAreForbiddenToADepartment() throws Exception {
        for (String page : List.of("/plans/" + PLAN + "/revisions/new", "/plans/" + PLAN + "/reviews/new")) {
            mvc.perform(get(page).with(department("shimin"))).andExpect(status().isForbidden());
        }
        for (String action : List.of("/plans/" + PLAN + "/revisions", "/plans/" + PLAN + "/reviews")) {
            mvc.perform(post(action).param("reason", "x").param("rmMeasure", "3-1").with(department("shimin")).with(csrf()))
                    .andExpect(status().isForbidden());
        }
        verify(api, org.mockito.Mockito.never()).post(eq(Api.Service.PLAN), any(), anyString(), any());
    }

    // 差し戻された報告: a department's returned reports and their resubmission (issue 23, item 5)

    private void returnedReports() {
        when(api.get(Api.Service.MEASUREMENT, "/api/plans/{planId}/departments/{department}/returned", PLAN, "shimin"))
                .thenReturn(json("""
                        [{"measurementId": "msr-9", "kpiId": "%s", "kpiName": "窓口申請のオンライン化率", "unit": "%%",
                          "departmentCode": "shimin", "period": "FY2023-Q2", "periodLabel": "令和5年度第2四半期", "value": 80,
                          "measuredOn": "2023-09-30", "reportedBy": "setouchi-shimin", "recordedAt": "2023-10-01T01:00:00Z",
                          "returnedBy": "setouchi-hq", "returnedAt": "2023-10-02T00:30:00Z",
                          "reason": "分母に郵送の申請が入っていません"}]""".formatted(KPI)));
        when(api.get(Api.Service.PLAN, "/api/municipalities/{municipality}/departments?size=200", "瀬戸内町"))
                .thenReturn(json("{\"items\": [{\"code\": \"shimin\", \"name\": \"市民課\"}]}"));
    }

    @Test
    void aDepartmentSeesItsReturnedReportsWithWhyWhoAndWhenAndAFormEach() throws Exception {
        returnedReports();

        mvc.perform(get("/returns").with(department("shimin")))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("<h1>差し戻された報告</h1>"),
                        containsString("市民課の報告のうち"), containsString("窓口申請のオンライン化率"),
                        containsString("令和5年度第2四半期"), containsString("80 %"), containsString("令和5年9月30日"),
                        containsString("分母に郵送の申請が入っていません"), containsString("setouchi-hq"),
                        containsString("令和5年10月2日（2023-10-02） 09:30"), containsString("action=\"/returns/msr-9\""),
                        containsString("name=\"key\""), containsString("href=\"/returns\" aria-current=\"page\""),
                        not(containsString("role=\"alert\" id=\"error-")))));
        mvc.perform(get("/returns").param("lang", "en").with(department("shimin")))
                .andExpect(content().string(allOf(containsString("Returned reports"), containsString("Why it was returned"),
                        containsString("Resubmit"))));

        when(api.get(Api.Service.MEASUREMENT, "/api/plans/{planId}/departments/{department}/returned", PLAN, "shimin"))
                .thenReturn(json("[]"));
        mvc.perform(get("/returns").with(department("shimin")))
                .andExpect(content().string(containsString("差し戻された報告はありません。")));
    }

    @Test
    void aResubmissionPostsTheCorrectionOnceAndSaysItIsDone() throws Exception {
        returnedReports();

        mvc.perform(post("/returns/msr-9").param("plan", PLAN).param("kpiId", KPI).param("kpiName", "窓口申請のオンライン化率")
                        .param("value", " 62 ").param("note", "郵送の申請を分母に加えました").param("key", "form-key-1")
                        .with(department("shimin")).with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrlPattern("/returns?plan=*"))
                .andExpect(flash().attribute("notice", "「窓口申請のオンライン化率」を再提出しました。推進本部の承認を待っています。"));
        verify(api).postOnce(Api.Service.MEASUREMENT, "form-key-1",
                Map.of("value", "62", "reason", "郵送の申請を分母に加えました"),
                "/api/kpis/{kpiId}/measurements/{measurementId}/corrections", KPI, "msr-9");
    }

    @Test
    void aRefusedResubmissionIsSaidAtItsFieldInTheReadersLanguageWithWhatWasTyped() throws Exception {
        returnedReports();
        JsonNode closed = json("""
                {"type": "https://shinchoku.jp/problems/period-closed", "status": 409, "reason": "PERIOD_CLOSED",
                 "detail": "令和5年度は締められています"}""");
        when(api.postOnce(eq(Api.Service.MEASUREMENT), any(), any(),
                eq("/api/kpis/{kpiId}/measurements/{measurementId}/corrections"), eq(KPI), eq("msr-9")))
                .thenThrow(new ApiProblemException(409, "https://shinchoku.jp/problems/period-closed",
                        "令和5年度は締められています", "FY2023 is closed", closed));

        mvc.perform(post("/returns/msr-9").param("plan", PLAN).param("kpiId", KPI).param("value", "62")
                        .param("note", "郵送分を加えた").param("key", "form-key-2").with(department("shimin")).with(csrf()))
                .andExpect(status().isConflict())
                .andExpect(content().string(allOf(
                        containsString("role=\"alert\" id=\"error-value-msr-9\">令和5年度は締められています</p>"),
                        containsString("aria-invalid=\"true\" aria-describedby=\"error-value-msr-9\""),
                        containsString("value=\"62\""), containsString("value=\"郵送分を加えた\""),
                        containsString("value=\"form-key-2\""))));
        mvc.perform(post("/returns/msr-9").param("plan", PLAN).param("kpiId", KPI).param("value", "62")
                        .param("note", "郵送分を加えた").param("key", "form-key-2").param("lang", "en")
                        .with(department("shimin")).with(csrf()))
                .andExpect(content().string(containsString("id=\"error-value-msr-9\">FY2023 is closed</p>")));

        // a correction without its reason, as the service says it: at the note
        when(api.postOnce(eq(Api.Service.MEASUREMENT), any(), any(),
                eq("/api/kpis/{kpiId}/measurements/{measurementId}/corrections"), eq(KPI), eq("msr-9")))
                .thenThrow(new ApiProblemException(400, "invalid-measurement", "訂正には理由が必要です",
                        "A correction needs its reason", json("{\"reason\": \"MISSING_REASON\"}")));
        mvc.perform(post("/returns/msr-9").param("plan", PLAN).param("kpiId", KPI).param("value", "62")
                        .param("note", "x").with(department("shimin")).with(csrf()))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("id=\"error-note-msr-9\">訂正には理由が必要です</p>")));
    }

    @Test
    void aResubmissionWithoutItsNoteIsSaidAtTheFieldAndNothingIsSent() throws Exception {
        returnedReports();

        mvc.perform(post("/returns/msr-9").param("plan", PLAN).param("kpiId", KPI).param("value", "62").param("note", " ")
                        .with(department("shimin")).with(csrf()))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(allOf(containsString("id=\"error-note-msr-9\">訂正の内容を入力してください。"),
                        containsString("value=\"62\""))));
        verify(api, org.mockito.Mockito.never()).postOnce(any(), any(), any(), any(), any(Object[].class));
    }

    // 施策評価 (issue 24, item 4)

    private static final String EVALUATIONS = "/api/plans/{planId}/fiscal-years/{fiscalYear}/evaluations";

    /** 令和4年度's measures: 3-1 (市民課) in draft, 1-1 (企画課) submitted, 2-1 (企画課) evaluated. */
    private void evaluations2022() {
        when(api.get(Api.Service.PLAN, "/api/municipalities/{municipality}/departments?size=200", "瀬戸内町"))
                .thenReturn(json("{\"items\": [{\"code\": \"shimin\", \"name\": \"市民課\"}, {\"code\": \"kikaku\", \"name\": \"企画課\"}]}"));
        when(api.get(Api.Service.MEASUREMENT, EVALUATIONS, PLAN, 2022)).thenReturn(json("""
                [{"id": "e1", "planId": "%1$s", "fiscalYear": 2022, "fiscalYearLabel": "令和4年度", "pillarCode": "3",
                  "pillarTitle": "オンライン化", "measureCode": "3-1", "measureTitle": "行政手続のオンライン化",
                  "departmentCode": "shimin", "asOf": "2023-03-31", "state": "DRAFT", "suggestedGrade": "A",
                  "self": {"activities": "電子申請の受付を始めた", "results": null, "issues": null, "direction": null, "grade": null},
                  "hq": null,
                  "kpis": [{"kpiId": "%2$s", "name": "窓口申請のオンライン化率", "unit": "%%", "value": 42, "status": "BEHIND",
                            "grade": "A", "verdict": {"fiscalYear": 2022, "value": 42, "target": 45, "verdict": "MISSED"}}]},
                 {"id": "e2", "planId": "%1$s", "fiscalYear": 2022, "pillarCode": "1", "pillarTitle": "オープンデータ",
                  "measureCode": "1-1", "measureTitle": "オープンデータの推進", "departmentCode": "kikaku", "asOf": "2023-03-31",
                  "state": "SUBMITTED", "suggestedGrade": "B",
                  "self": {"activities": "公開サイトを整えた", "results": "30件を公開", "issues": "更新が遅れがち", "direction": "EXPAND",
                           "grade": "B", "by": "setouchi-kikaku", "at": "2023-05-10T01:00:00Z"},
                  "kpis": [{"kpiId": "%1$s.1-1.1", "name": "オープンデータ公開数", "unit": "件", "value": 30, "status": "ACHIEVED", "grade": "S"}]},
                 {"id": "e3", "planId": "%1$s", "fiscalYear": 2022, "pillarCode": "1", "pillarTitle": "オープンデータ",
                  "measureCode": "1-2", "measureTitle": "データ利活用の研修", "departmentCode": "kikaku", "asOf": "2023-03-31",
                  "state": "EVALUATED", "suggestedGrade": "−",
                  "self": {"activities": "研修を2回開いた", "results": "40人が受講", "issues": "応用編がない", "direction": "CONTINUE",
                           "grade": "A", "by": "setouchi-kikaku", "at": "2023-05-09T01:00:00Z"},
                  "hq": {"comment": "受講者の声を集めること", "grade": "A", "direction": "REVISE", "by": "setouchi-hq",
                         "at": "2023-05-20T01:00:00Z"},
                  "kpis": []}]""".formatted(PLAN, KPI)));
    }

    @Test
    void aDepartmentSeesItsMeasuresFiguresAndItsSelfEvaluationFormWithTheSuggestedGradeChosen() throws Exception {
        evaluations2022();

        // at first the year that ended last (令和4年度), as the department's own KPIs are read as of today (2023-10-02)
        mvc.perform(get("/evaluations").with(department("shimin")))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("<h1>施策評価</h1>"),
                        containsString("<option value=\"2022\" selected=\"selected\">令和4年度（2022）</option>"),
                        containsString("市民課の施策の令和4年度の自己評価です。"), containsString("3-1 行政手続のオンライン化"),
                        containsString(">作成中<"), containsString("評価指標（令和5年3月31日（2023-03-31）時点）"),
                        containsString("窓口申請のオンライン化率"), containsString("42 %"), containsString(">遅れ<"),
                        containsString(">未達<"), containsString("action=\"/evaluations/3-1\""),
                        containsString("for=\"activities-3-1\""), containsString(">電子申請の受付を始めた</textarea>"),
                        containsString("name=\"results\""), containsString("name=\"issues\""),
                        containsString("<option value=\"EXPAND\">拡充</option>"),
                        containsString("<option value=\"A\" selected=\"selected\">A（評価指標から見た目安）</option>"),
                        containsString("評価指標から見た評価の目安は A です（初めから選んであります）。"),
                        containsString("下書きを保存"), containsString("提出する"), containsString("href=\"/evaluations\""),
                        not(containsString("オープンデータの推進")), not(containsString("/evaluations/hq")))));
        mvc.perform(get("/evaluations").param("plan", PLAN).param("fiscalYear", "2022").param("lang", "en")
                        .with(department("shimin")))
                .andExpect(content().string(allOf(containsString("lang=\"en\""), containsString("<h1>Measure evaluations</h1>"),
                        containsString("The self-evaluations of 市民課&#39;s measures for FY2022."), containsString(">Draft<"),
                        containsString("A (suggested by the KPIs)"), containsString("Save draft"), containsString("Submit"),
                        containsString(">Activities<"), containsString(">Expand<"))));
    }

    @Test
    void aSubmittedSelfEvaluationIsReadOnlyWithTheHeadquartersEvaluationShown() throws Exception {
        evaluations2022();

        mvc.perform(get("/evaluations").param("plan", PLAN).param("fiscalYear", "2022").with(department("kikaku")))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString(">提出済<"), containsString(">評価済<"),
                        containsString("30件を公開"), containsString(">拡充<"), containsString("setouchi-kikaku"),
                        containsString("推進本部の評価"), containsString("受講者の声を集めること"), containsString(">見直し<"),
                        not(containsString("<textarea")), not(containsString("action=\"/evaluations/1-1\"")))));
    }

    @Test
    void theSelfEvaluationFormSendsItsDraftAndItsSubmissionAsTheMeasurementServiceReadsThem() throws Exception {
        when(api.put(eq(Api.Service.MEASUREMENT), any(), eq(EVALUATIONS + "/{measureCode}"), eq(PLAN), eq(2022), eq("3-1")))
                .thenReturn(json("{\"measureCode\": \"3-1\", \"measureTitle\": \"行政手続のオンライン化\", \"state\": \"DRAFT\"}"));
        when(api.post(eq(Api.Service.MEASUREMENT), any(), eq(EVALUATIONS + "/{measureCode}/submit"), eq(PLAN), eq(2022), eq("3-1")))
                .thenReturn(json("{\"measureCode\": \"3-1\", \"measureTitle\": \"行政手続のオンライン化\", \"state\": \"SUBMITTED\"}"));

        mvc.perform(post("/evaluations/3-1").param("plan", PLAN).param("fiscalYear", "2022")
                        .param("activities", " 電子申請の受付を始めた ").param("results", "").param("issues", "")
                        .param("direction", "").param("grade", "A").param("action", "draft")
                        .with(department("shimin")).with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrlPattern("/evaluations?plan=*&fiscalYear=2022"))
                .andExpect(flash().attribute("notice", "「行政手続のオンライン化」の自己評価を下書きとして保存しました。"));
        ArgumentCaptor<Object> draft = ArgumentCaptor.forClass(Object.class);
        verify(api).put(eq(Api.Service.MEASUREMENT), draft.capture(), eq(EVALUATIONS + "/{measureCode}"), eq(PLAN),
                eq(2022), eq("3-1"));
        org.assertj.core.api.Assertions.assertThat((JsonNode) JSON.valueToTree(draft.getValue())).isEqualTo(json("""
                {"activities": "電子申請の受付を始めた", "results": null, "issues": null, "direction": null, "grade": "A"}"""));

        mvc.perform(post("/evaluations/3-1").param("plan", PLAN).param("fiscalYear", "2022")
                        .param("activities", "電子申請の受付を始めた").param("results", "申請の42%がオンライン")
                        .param("issues", "高齢者の利用が少ない").param("direction", "EXPAND").param("grade", "A")
                        .param("action", "submit").with(department("shimin")).with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("notice", "「行政手続のオンライン化」の自己評価を提出しました。推進本部の評価を待っています。"));
        ArgumentCaptor<Object> submitted = ArgumentCaptor.forClass(Object.class);
        verify(api).post(eq(Api.Service.MEASUREMENT), submitted.capture(), eq(EVALUATIONS + "/{measureCode}/submit"),
                eq(PLAN), eq(2022), eq("3-1"));
        org.assertj.core.api.Assertions.assertThat((JsonNode) JSON.valueToTree(submitted.getValue())).isEqualTo(json("""
                {"activities": "電子申請の受付を始めた", "results": "申請の42%がオンライン", "issues": "高齢者の利用が少ない",
                 "direction": "EXPAND", "grade": "A"}"""));
    }

    @Test
    void aRefusedSelfEvaluationIsSaidAtItsFieldsInTheReadersLanguageWithWhatWasTyped() throws Exception {
        evaluations2022();
        when(api.post(eq(Api.Service.MEASUREMENT), any(), eq(EVALUATIONS + "/{measureCode}/submit"), eq(PLAN), eq(2022), eq("3-1")))
                .thenThrow(new ApiProblemException(400, "https://shinchoku.jp/problems/evaluation-incomplete",
                        "次の項目を入力してください: results, direction", "Fill in: results, direction",
                        json("{\"missing\": [\"results\", \"direction\"]}")));

        var submit = post("/evaluations/3-1").param("plan", PLAN).param("fiscalYear", "2022")
                .param("activities", "電子申請の受付を始めた").param("results", " ").param("issues", "高齢者の利用が少ない")
                .param("grade", "B").param("action", "submit").with(department("shimin")).with(csrf());
        mvc.perform(submit)
                .andExpect(status().isBadRequest())
                .andExpect(content().string(allOf(containsString("次の項目を入力してください: results, direction"),
                        containsString("role=\"alert\" id=\"error-results-3-1\">実績を入力してください。</p>"),
                        containsString("aria-invalid=\"true\" aria-describedby=\"error-results-3-1\""),
                        containsString("role=\"alert\" id=\"error-direction-3-1\">今後の方向性を選んでください。</p>"),
                        containsString(">高齢者の利用が少ない</textarea>"),
                        containsString("<option value=\"B\" selected=\"selected\">B</option>"),
                        not(containsString("id=\"error-activities-3-1\"")))));
        mvc.perform(submit.param("lang", "en"))
                .andExpect(content().string(allOf(containsString("id=\"error-results-3-1\">Describe the results.</p>"),
                        containsString("Fill in: results, direction"))));

        // too long: the service's words at the field it names
        when(api.put(eq(Api.Service.MEASUREMENT), any(), eq(EVALUATIONS + "/{measureCode}"), eq(PLAN), eq(2022), eq("3-1")))
                .thenThrow(new ApiProblemException(400, "https://shinchoku.jp/problems/too-long", "「activities」は 2000 文字までです",
                        "'activities' may be at most 2000 characters", json("{\"field\": \"activities\"}")));
        mvc.perform(post("/evaluations/3-1").param("plan", PLAN).param("fiscalYear", "2022").param("activities", "長い")
                        .param("action", "draft").param("lang", "en").with(department("shimin")).with(csrf()))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(allOf(
                        containsString("id=\"error-activities-3-1\">&#39;activities&#39; may be at most 2000 characters</p>"),
                        containsString(">長い</textarea>"))));

        // submitted meanwhile: the form's problem, said as the service says it
        when(api.post(eq(Api.Service.MEASUREMENT), any(), eq(EVALUATIONS + "/{measureCode}/submit"), eq(PLAN), eq(2022), eq("3-1")))
                .thenThrow(new ApiProblemException(409, "https://shinchoku.jp/problems/evaluation-submitted",
                        "令和4年度の自己評価は提出済みで、推進本部の評価を待っています", "The self-evaluation of FY2022 is submitted", null));
        mvc.perform(post("/evaluations/3-1").param("plan", PLAN).param("fiscalYear", "2022").param("action", "submit")
                        .with(department("shimin")).with(csrf()))
                .andExpect(status().isConflict())
                .andExpect(content().string(containsString("<p class=\"problem\">令和4年度の自己評価は提出済みで、推進本部の評価を待っています</p>")));
    }

    @Test
    void theHeadquartersSeesEveryMeasureByPillarAndEvaluatesTheSubmittedOnes() throws Exception {
        evaluations2022();

        mvc.perform(get("/evaluations/hq").param("plan", PLAN).param("fiscalYear", "2022").with(hq()))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("<h1>施策評価（推進本部）</h1>"),
                        containsString("<h2 id=\"pillar-title-3\">3 オンライン化</h2>"),
                        containsString("<h2 id=\"pillar-title-1\">1 オープンデータ</h2>"),
                        containsString(">市民課<"), containsString(">企画課<"), containsString(">作成中<"),
                        containsString(">提出済<"), containsString(">評価済<"), containsString("30件を公開"),
                        containsString("担当部署がまだ自己評価を提出していません。"),
                        containsString("action=\"/evaluations/hq/1-1\""), not(containsString("action=\"/evaluations/hq/3-1\"")),
                        not(containsString("action=\"/evaluations/hq/1-2\"")),
                        containsString("<option value=\"EXPAND\" selected=\"selected\">拡充</option>"),
                        containsString("受講者の声を集めること"),
                        containsString("/evaluations/hq/report.xlsx?plan=" + PLAN + "&amp;fiscalYear=2022"),
                        containsString("令和4年度の取組状況報告書（Excel）をダウンロード"),
                        containsString("href=\"/evaluations/hq\" aria-current=\"page\""))));
        mvc.perform(get("/evaluations/hq").param("plan", PLAN).param("fiscalYear", "2022").param("lang", "en").with(hq()))
                .andExpect(content().string(allOf(containsString("<h1>Measure evaluations (headquarters)</h1>"),
                        containsString(">Submitted<"), containsString("Record the evaluation"),
                        containsString("Download the progress report for FY2022 (Excel)"))));

        when(api.post(eq(Api.Service.MEASUREMENT), any(), eq(EVALUATIONS + "/{measureCode}/evaluation"), eq(PLAN), eq(2022), eq("1-1")))
                .thenReturn(json("{\"measureCode\": \"1-1\", \"measureTitle\": \"オープンデータの推進\", \"state\": \"EVALUATED\"}"));
        mvc.perform(post("/evaluations/hq/1-1").param("plan", PLAN).param("fiscalYear", "2022").param("grade", "A")
                        .param("direction", "CONTINUE").param("comment", " 更新の手順を定めること ").with(hq()).with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrlPattern("/evaluations/hq?plan=*&fiscalYear=2022"))
                .andExpect(flash().attribute("notice", "「オープンデータの推進」を評価しました。"));
        ArgumentCaptor<Object> decision = ArgumentCaptor.forClass(Object.class);
        verify(api).post(eq(Api.Service.MEASUREMENT), decision.capture(), eq(EVALUATIONS + "/{measureCode}/evaluation"),
                eq(PLAN), eq(2022), eq("1-1"));
        org.assertj.core.api.Assertions.assertThat((JsonNode) JSON.valueToTree(decision.getValue())).isEqualTo(json("""
                {"comment": "更新の手順を定めること", "grade": "A", "direction": "CONTINUE"}"""));
    }

    @Test
    void theHeadquartersEvaluationWithoutItsGradeIsSaidAtTheField() throws Exception {
        evaluations2022();
        when(api.post(eq(Api.Service.MEASUREMENT), any(), eq(EVALUATIONS + "/{measureCode}/evaluation"), eq(PLAN), eq(2022), eq("1-1")))
                .thenThrow(new ApiProblemException(400, "https://shinchoku.jp/problems/evaluation-incomplete",
                        "次の項目を入力してください: grade", "Fill in: grade", json("{\"missing\": [\"grade\"]}")));

        mvc.perform(post("/evaluations/hq/1-1").param("plan", PLAN).param("fiscalYear", "2022").param("grade", "")
                        .param("direction", "REVISE").param("comment", "更新の手順を定めること").with(hq()).with(csrf()))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(allOf(containsString("role=\"alert\" id=\"error-grade-1-1\">評価を選んでください。</p>"),
                        containsString("aria-invalid=\"true\" aria-describedby=\"error-grade-1-1\""),
                        containsString("<option value=\"REVISE\" selected=\"selected\">見直し</option>"),
                        containsString(">更新の手順を定めること</textarea>"))));
    }

    @Test
    void theYearsReportWorkbookIsPassedOnOrItsYearNotClosedSaid() throws Exception {
        byte[] workbook = {'P', 'K', 3, 4};
        byte[] english = {'P', 'K', 3, 5};
        when(api.getBytesIn(Api.Service.MEASUREMENT, java.util.Locale.JAPANESE,
                "/api/plans/{planId}/fiscal-years/{fiscalYear}/report.xlsx", PLAN, 2022)).thenReturn(workbook);
        when(api.getBytesIn(Api.Service.MEASUREMENT, java.util.Locale.ENGLISH,
                "/api/plans/{planId}/fiscal-years/{fiscalYear}/report.xlsx", PLAN, 2022)).thenReturn(english);
        mvc.perform(get("/evaluations/hq/report.xlsx").param("plan", PLAN).param("fiscalYear", "2022").with(hq()))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
                .andExpect(header().string("Content-Disposition", containsString("attachment")))
                .andExpect(content().bytes(workbook));
        // the workbook in the reader's language
        mvc.perform(get("/evaluations/hq/report.xlsx").param("plan", PLAN).param("fiscalYear", "2022").param("lang", "en")
                        .with(hq()))
                .andExpect(content().bytes(english));

        when(api.getBytesIn(eq(Api.Service.MEASUREMENT), any(),
                eq("/api/plans/{planId}/fiscal-years/{fiscalYear}/report.xlsx"), eq(PLAN), eq(2023)))
                .thenThrow(new ApiProblemException(409, "https://shinchoku.jp/problems/report-year-not-closed",
                        "令和5年度はまだ締められていません", "FY2023 is not closed yet", null));
        mvc.perform(get("/evaluations/hq/report.xlsx").param("plan", PLAN).param("fiscalYear", "2023").with(hq()))
                .andExpect(redirectedUrlPattern("/evaluations/hq?plan=*&fiscalYear=2023"))
                .andExpect(flash().attribute("problem", "令和5年度はまだ締められていません"));
        mvc.perform(get("/evaluations/hq/report.xlsx").param("plan", PLAN).param("fiscalYear", "2023").with(hq())
                        .cookie(new jakarta.servlet.http.Cookie("shinchoku-lang", "en")))
                .andExpect(flash().attribute("problem", "FY2023 is not closed yet"));
    }

    @Test
    void aDepartmentCannotOpenTheHeadquartersEvaluations() throws Exception {
        mvc.perform(get("/evaluations/hq").with(department("shimin"))).andExpect(status().isForbidden());
        mvc.perform(get("/evaluations/hq/report.xlsx").param("plan", PLAN).param("fiscalYear", "2022")
                .with(department("shimin"))).andExpect(status().isForbidden());
        mvc.perform(post("/evaluations/hq/1-1").param("plan", PLAN).param("fiscalYear", "2022").param("grade", "A")
                .with(department("shimin")).with(csrf())).andExpect(status().isForbidden());
        verify(api, org.mockito.Mockito.never()).post(eq(Api.Service.MEASUREMENT), any(),
                eq(EVALUATIONS + "/{measureCode}/evaluation"), any(Object[].class));
        // the portal's 403 page, as the servlet container's forward renders it
        mvc.perform(error(403, "/evaluations/hq").with(department("shimin")))
                .andExpect(status().isForbidden())
                .andExpect(content().string(allOf(containsString("<h1>このページは表示できません</h1>"),
                        containsString("このページを表示する権限がありません"))));
    }

    /** The 推進本部, its role also an authority (as the portal's mapper makes it from the ID token). */
    private static OidcLoginRequestPostProcessor hq() {
        return oidcLogin().authorities(new SimpleGrantedAuthority("ROLE_HQ"))
                .idToken(token -> token.subject("setouchi-hq").claim("roles", List.of("HQ"))
                        .claim("municipality", "瀬戸内町").claim("name", "瀬戸内町 推進本部"));
    }

    private static JsonNode alerts() {
        return json("""
                [{"id": "alr-1", "severity": "CRITICAL", "summaryJa": "報告期限を過ぎています", "summaryEn": "Report overdue",
                  "ruleJa": "未報告", "firstRaisedAt": "2023-10-02T00:00:00Z", "labels": {"kpiId": "%1$s"}, "silencedBy": []},
                 {"id": "alr-2", "severity": "WARNING", "summaryJa": "期限が近づいています", "summaryEn": "Deadline soon",
                  "ruleJa": "期限接近", "firstRaisedAt": "2023-10-01T00:00:00Z", "labels": {}, "silencedBy": []}]""".formatted(KPI));
    }

    private static JsonNode json(String text) {
        return JSON.readTree(text);
    }
}
