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
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
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
@SpringBootTest(properties = {
        "spring.config.name=portal",
        // a provider that needs no discovery at start-up: nothing here signs in for real
        "spring.security.oauth2.client.registration.shinchoku.provider=test",
        "spring.security.oauth2.client.provider.test.authorization-uri=http://auth.test/oauth2/authorize",
        "spring.security.oauth2.client.provider.test.token-uri=http://auth.test/oauth2/token",
        "spring.security.oauth2.client.provider.test.jwk-set-uri=http://auth.test/oauth2/jwks",
        "spring.security.oauth2.client.provider.test.user-name-attribute=sub"})
@AutoConfigureMockMvc
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
        when(api.get(eq(Api.Service.MEASUREMENT), eq("/api/plans/{planId}/progress/export"), any())).thenReturn(export());
        when(api.get(eq(Api.Service.MEASUREMENT), eq("/api/plans/{planId}/progress/export?asOf={asOf}&fiscalYear={fiscalYear}"),
                any(), any(), any())).thenReturn(export());
        when(api.get(eq(Api.Service.PLAN), eq("/api/milestones?plan={plan}&department={department}&size=200"), any(), any()))
                .thenReturn(json("""
                        {"items": [{"measureTitle": "行政手続のオンライン化", "milestone": {"id": "%s.m1", "text": "電子申請の受付開始",
                          "due": {"date": "2024-03-31"}, "status": "in-progress", "statusLabel": "実施中"}}]}""".formatted(KPI)));
    }

    private static JsonNode export() {
        return json("""
                {"rows": [
                  {"kpiId": "%1$s", "kpiName": "窓口申請のオンライン化率", "measureCode": "3-1", "measureTitle": "行政手続のオンライン化",
                   "pillarCode": "3", "pillarTitle": "オンライン化", "departmentCode": "shimin", "unit": "%%", "kind": "percentage",
                   "latestValue": null, "status": "未報告", "grade": "−", "targetValue": 50, "targetDue": "2024-03-31"},
                  {"kpiId": "%2$s.1-1.1", "kpiName": "オープンデータ公開数", "measureCode": "1-1", "measureTitle": "オープンデータの推進",
                   "pillarCode": "1", "pillarTitle": "オープンデータ", "departmentCode": "kikaku", "unit": "件", "kind": "count",
                   "latestValue": 12, "latestMeasuredOn": "2023-09-30", "status": "遅れ", "grade": "A", "targetValue": 30,
                   "targetDue": "2024-03-31"}]}""".formatted(KPI, PLAN));
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
        when(api.get(Api.Service.PLAN, "/api/plans/{planId}/reviews", PLAN)).thenReturn(json("[]"));
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
                        containsString("/plans/" + PLAN + "/progress.csv"))));
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
        verify(api).post(Api.Service.PLAN, Map.of("fiscalYear", "令和5年度", "note", "目標値を見直す"),
                "/api/plans/{planId}/reviews", PLAN);

        mvc.perform(post("/plans/" + PLAN + "/departments/shimin").param("municipality", "瀬戸内町").param("name", "市民課")
                        .param("contact", "shimin@town.example.lg.jp").with(hq()).with(csrf()))
                .andExpect(flash().attribute("notice", "部署の連絡先を保存しました。"));
        verify(api).put(Api.Service.PLAN, Map.of("name", "市民課", "contact", "shimin@town.example.lg.jp"),
                "/api/municipalities/{municipality}/departments/{code}", "瀬戸内町", "shimin");
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

    private static OidcLoginRequestPostProcessor hq() {
        return oidcLogin().idToken(token -> token.subject("setouchi-hq").claim("roles", List.of("HQ"))
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
