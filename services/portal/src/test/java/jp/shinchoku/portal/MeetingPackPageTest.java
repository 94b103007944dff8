package jp.shinchoku.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.oidcLogin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.file.Path;
import java.util.List;

import jakarta.servlet.http.Cookie;
import jp.shinchoku.documents.ReportFont;
import jp.shinchoku.portal.api.Api;
import jp.shinchoku.testsupport.PdfChecks;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.OidcLoginRequestPostProcessor;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * 会議資料: the 推進本部's meeting pack of a plan on 2023-10-02 (令和5年10月2日), as a page and as a PDF read back
 * with PDFBox, from fixtures of the services' answers: a KPI worse than in the 令和4年度 edition, a report overdue, an
 * alert firing, a 未設定 target past the day it was to be decided by, a 施策評価 waiting, reports awaiting approval and
 * 令和4年度 not yet closed, and the decisions these ask for. A department may see none of it.
 */
@PortalPageTest
class MeetingPackPageTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String PLAN = "pln-setouchi";
    private static final String ONLINE = PLAN + ".3-1.1";
    private static final String OPEN_DATA = PLAN + ".1-1.1";
    private static final String DATA_USE = PLAN + ".1-2.1";
    private static final String PROGRESS = "/api/plans/{planId}/progress?by={by}&asOf={asOf}&fiscalYear={fiscalYear}";
    private static final String KPIS = "/api/plans/{planId}/kpis?department={department}&asOf={asOf}&fiscalYear={fiscalYear}";
    private static final String DUE = "/api/plans/{planId}/departments/{department}/due";

    @Autowired
    MockMvc mvc;

    @MockitoBean
    Api api;

    @BeforeEach
    void services() {
        when(api.get(Api.Service.PLAN, "/api/plans?size=100")).thenReturn(json("""
                {"items": [{"id": "%s", "title": "瀬戸内町官民データ活用推進計画", "municipality": {"name": "瀬戸内町"}}]}
                """.formatted(PLAN)));
        when(api.get(Api.Service.PLAN, "/api/plans/{planId}", PLAN)).thenReturn(json("""
                {"id": "%1$s", "title": "瀬戸内町官民データ活用推進計画", "municipality": {"name": "瀬戸内町"}, "revision": 2,
                 "pillars": [
                  {"code": "1", "title": "オープンデータ", "measures": [
                    {"code": "1-1", "title": "オープンデータの推進", "department": "kikaku",
                     "kpis": [{"id": "%2$s", "code": "1-1.1", "name": "オープンデータ公開数", "unit": "件", "kind": "count",
                               "target": 30, "due": {"date": "2024-03-31"}}]},
                    {"code": "1-2", "title": "データ利活用の研修", "department": "kikaku",
                     "kpis": [{"id": "%3$s", "code": "1-2.1", "name": "データ利活用研修の満足度", "kind": "undefined",
                               "due": {"date": "2024-03-31"}}],
                     "milestones": [{"id": "%1$s.1-2.m1", "text": "満足度の目標値を決める", "due": {"date": "2023-09-30"},
                                     "status": "in-progress", "decidesTargetOf": "%3$s"}]},
                    {"code": "1-3", "title": "廃止した施策", "department": "kikaku", "retired": true,
                     "kpis": [{"id": "%1$s.1-3.1", "code": "1-3.1", "name": "廃止した指標", "kind": "undefined"}]}]},
                  {"code": "3", "title": "オンライン化", "measures": [
                    {"code": "3-1", "title": "行政手続のオンライン化", "department": "shimin",
                     "kpis": [{"id": "%4$s", "code": "3-1.1", "name": "窓口申請のオンライン化率", "unit": "%%",
                               "kind": "percentage", "target": 50, "due": {"date": "2024-03-31"}}]}]}]}
                """.formatted(PLAN, OPEN_DATA, DATA_USE, ONLINE)));
        when(api.get(Api.Service.PLAN, "/api/municipalities/{municipality}/departments?size=200", "瀬戸内町"))
                .thenReturn(json("""
                        {"items": [{"code": "kikaku", "name": "企画課", "active": true},
                                   {"code": "shimin", "name": "住民課", "active": true}]}"""));
        when(api.get(Api.Service.MEASUREMENT, PROGRESS, PLAN, "pillar", "", "")).thenReturn(json("""
                {"planId": "%s", "asOf": "2023-10-02", "asOfLabel": "令和5年10月2日", "by": "pillar",
                 "groups": [
                  {"key": "1", "label": "1 オープンデータ", "kpis": 2, "statuses": [
                    {"status": "BEHIND", "label": "遅れ", "kpis": 1}, {"status": "TARGET_UNDEFINED", "label": "目標未設定", "kpis": 1}]},
                  {"key": "3", "label": "3 オンライン化", "kpis": 1, "statuses": [{"status": "ON_TRACK", "label": "順調", "kpis": 1}]}],
                 "total": {"key": "plan", "label": "計画全体", "kpis": 3, "statuses": [
                    {"status": "ON_TRACK", "label": "順調", "kpis": 1}, {"status": "BEHIND", "label": "遅れ", "kpis": 1},
                    {"status": "TARGET_UNDEFINED", "label": "目標未設定", "kpis": 1}]}}""".formatted(PLAN)));
        when(api.get(Api.Service.MEASUREMENT, KPIS, PLAN, "", "", "")).thenReturn(json("""
                {"planId": "%1$s", "asOf": "2023-10-02", "kpis": [
                  {"kpiId": "%2$s", "name": "オープンデータ公開数", "pillarCode": "1", "pillarTitle": "オープンデータ",
                   "measureCode": "1-1", "measureTitle": "オープンデータの推進", "departmentCode": "kikaku", "status": "BEHIND"},
                  {"kpiId": "%3$s", "name": "データ利活用研修の満足度", "pillarCode": "1", "pillarTitle": "オープンデータ",
                   "measureCode": "1-2", "measureTitle": "データ利活用の研修", "departmentCode": "kikaku",
                   "status": "TARGET_UNDEFINED"},
                  {"kpiId": "%4$s", "name": "窓口申請のオンライン化率", "pillarCode": "3", "pillarTitle": "オンライン化",
                   "measureCode": "3-1", "measureTitle": "行政手続のオンライン化", "departmentCode": "shimin",
                   "status": "ON_TRACK"}]}""".formatted(PLAN, OPEN_DATA, DATA_USE, ONLINE)));
        // the last meeting saw 令和4年度's edition: オープンデータ公開数 was 順調 then, the online rate 遅れ (better now)
        when(api.get(Api.Service.MEASUREMENT, "/api/plans/{planId}/editions", PLAN)).thenReturn(json("""
                [{"id": "ed-2021", "fiscalYear": 2021, "label": "令和3年度", "cause": "CLOSED", "by": "setouchi-hq",
                  "frozenAt": "2022-04-20T01:00:00Z"},
                 {"id": "ed-2022", "fiscalYear": 2022, "label": "令和4年度", "cause": "REVIEWED", "by": "setouchi-hq",
                  "frozenAt": "2023-05-25T01:00:00Z"}]"""));
        when(api.get(Api.Service.MEASUREMENT, "/api/plans/{planId}/editions/{editionId}", PLAN, "ed-2022"))
                .thenReturn(json("""
                        {"id": "ed-2022", "planId": "%1$s", "fiscalYear": 2022, "cause": "REVIEWED", "rows": [
                          {"kpiId": "%2$s", "name": "オープンデータ公開数", "status": "ON_TRACK"},
                          {"kpiId": "%3$s", "name": "データ利活用研修の満足度", "status": "TARGET_UNDEFINED"},
                          {"kpiId": "%4$s", "name": "窓口申請のオンライン化率", "status": "BEHIND"}]}"""
                        .formatted(PLAN, OPEN_DATA, DATA_USE, ONLINE)));
        when(api.get(Api.Service.MEASUREMENT, DUE, PLAN, "kikaku")).thenReturn(json("""
                [{"kpiId": "%s", "name": "オープンデータ公開数", "period": "FY2023-Q1", "periodLabel": "令和5年度第1四半期",
                  "dueOn": "2023-07-31", "state": "OVERDUE", "stateLabel": "期限超過"}]""".formatted(OPEN_DATA)));
        when(api.get(Api.Service.MEASUREMENT, DUE, PLAN, "shimin")).thenReturn(json("""
                [{"kpiId": "%s", "name": "窓口申請のオンライン化率", "period": "FY2023-Q1", "periodLabel": "令和5年度第1四半期",
                  "dueOn": "2023-07-31", "state": "REPORTED", "stateLabel": "報告済み", "measurementId": "msr-9"}]"""
                .formatted(ONLINE)));
        when(api.get(Api.Service.NOTIFICATION, "/api/inbox?receiver={receiver}&state=FIRING", "promotion-hq"))
                .thenReturn(json("""
                        [{"id": "alr-1", "rule": "REPORT_ESCALATED", "ruleJa": "実績報告の未提出（督促後）", "severity": "CRITICAL",
                          "state": "FIRING", "summaryJa": "企画課の令和5年度第1四半期の実績報告が未提出です",
                          "summaryEn": "Kikaku has not reported for FY2023 Q1", "firstRaisedAt": "2023-08-14T00:00:00Z",
                          "labels": {"rule": "REPORT_ESCALATED", "departmentCode": "kikaku"}, "silencedBy": []},
                         {"id": "alr-2", "rule": "TARGET_UNDECIDED", "ruleJa": "目標値の未設定", "severity": "WARNING",
                          "state": "FIRING", "summaryJa": "データ利活用研修の満足度の目標値が未設定です",
                          "summaryEn": "The target of the training satisfaction is undecided",
                          "firstRaisedAt": "2023-10-01T00:00:00Z", "labels": {"planId": "%s", "kpiId": "%s"},
                          "acknowledgement": {"by": "setouchi-hq", "at": "2023-10-02T00:00:00Z", "comment": "次回会議で決定"},
                          "silencedBy": []},
                         {"id": "alr-3", "rule": "KPI_MISSED", "ruleJa": "目標未達", "severity": "CRITICAL", "state": "FIRING",
                          "summaryJa": "別の計画の指標が未達です", "summaryEn": "Another plan's KPI missed",
                          "firstRaisedAt": "2023-09-01T00:00:00Z", "labels": {"planId": "pln-other"}, "silencedBy": []}]"""
                        .formatted(PLAN, DATA_USE)));
        when(api.get(Api.Service.MEASUREMENT, "/api/plans/{planId}/fiscal-years/{fiscalYear}/evaluations", PLAN, 2022))
                .thenReturn(json("""
                        [{"id": "e1", "planId": "%1$s", "fiscalYear": 2022, "measureCode": "3-1",
                          "measureTitle": "行政手続のオンライン化", "departmentCode": "shimin", "state": "EVALUATED"},
                         {"id": "e2", "planId": "%1$s", "fiscalYear": 2022, "measureCode": "1-1",
                          "measureTitle": "オープンデータの推進", "departmentCode": "kikaku", "state": "SUBMITTED",
                          "self": {"activities": "公開サイトを整えた", "direction": "EXPAND", "grade": "B",
                                   "by": "setouchi-kikaku", "at": "2023-05-10T01:00:00Z"}},
                         {"id": "e3", "planId": "%1$s", "fiscalYear": 2022, "measureCode": "1-2",
                          "measureTitle": "データ利活用の研修", "departmentCode": "kikaku", "state": "DRAFT"}]"""
                        .formatted(PLAN)));
        when(api.get(Api.Service.MEASUREMENT, "/api/plans/{planId}/approvals", PLAN)).thenReturn(json("""
                [{"measurementId": "msr-1", "kpiId": "%1$s", "departmentCode": "shimin", "period": "FY2023-Q2"},
                 {"measurementId": "msr-2", "kpiId": "%1$s", "departmentCode": "shimin", "period": "FY2023-Q2"}]"""
                .formatted(ONLINE)));
        when(api.get(Api.Service.MEASUREMENT, "/api/plans/{planId}/fiscal-years/{fiscalYear}", PLAN, 2022))
                .thenReturn(json("""
                        {"planId": "%s", "fiscalYear": 2022, "label": "令和4年度", "labelEn": "FY2022", "closed": false,
                         "blockers": [{"kpiId": "%s", "reason": "UNREPORTED"}], "history": []}"""
                        .formatted(PLAN, OPEN_DATA)));
    }

    @Test
    void thePageShowsEachSectionWithItsRowsAndTheDecisions() throws Exception {
        mvc.perform(get("/meeting-pack").param("plan", PLAN).with(hq()))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(
                        containsString("令和5年10月2日（2023-10-02）"), containsString("瀬戸内町官民データ活用推進計画"),
                        containsString("href=\"/meeting-pack/pdf?plan=" + PLAN + "\""),
                        containsString("1. 進捗状況別の評価指標数（柱別）"), containsString("1 オープンデータ"),
                        containsString("2. 前回会議から悪化した評価指標"), containsString("比較の基準：令和4年度の版（年度見直し・"),
                        containsString("オープンデータ公開数"), containsString("status status-on_track"),
                        containsString("3. 報告期限を過ぎた実績報告"), containsString("令和5年度第1四半期"),
                        containsString("令和5年7月31日"),
                        containsString("4. 対応中のアラート"), containsString("実績報告の未提出（督促後）"),
                        containsString("企画課の令和5年度第1四半期の実績報告が未提出です"),
                        containsString("5. 目標値が未設定の評価指標"), containsString("1-2.1 データ利活用研修の満足度"),
                        containsString("令和5年9月30日（2023-09-30）"), containsString("期限超過"),
                        containsString("6. 推進本部の評価を待つ施策評価（令和4年度）"), containsString("1-1 オープンデータの推進"),
                        containsString("拡充"),
                        containsString("7. 決定を求める事項"), containsString("承認待ちの実績報告2件を承認または差し戻すこと"),
                        not(containsString("別の計画の指標が未達です")), not(containsString("廃止した指標")))));
    }

    @Test
    void thePdfHasEverySectionInJapaneseOnA4WithItsFontEmbedded() throws Exception {
        assumeThat(Path.of(ReportFont.DEFAULT_PATH)).as("the Japanese font (Debian's %s) to test the PDF",
                ReportFont.PACKAGE).isReadable();
        byte[] file = mvc.perform(get("/meeting-pack/pdf").param("plan", PLAN).with(hq()))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "application/pdf"))
                .andExpect(header().string("Content-Disposition",
                        "attachment; filename=\"meeting-pack-" + PLAN + "-2023-10-02.pdf\""))
                .andReturn().getResponse().getContentAsByteArray();

        try (PDDocument document = Loader.loadPDF(file)) {
            PdfChecks.assertA4AndEmbedded(document);
            String text = PdfChecks.flat(new PDFTextStripper().getText(document));
            assertThat(text).contains("推進本部会議資料", "瀬戸内町官民データ活用推進計画", "令和5年10月2日（2023-10-02）",
                    "瀬戸内町推進本部");
            // 1. counts: 1 オープンデータ has one KPI 遅れ and one 目標未設定 of 2; the plan 3
            assertThat(text).contains("1.進捗状況別の評価指標数（柱別）", "柱達成順調注意遅れ未達目標未設定計",
                    "1オープンデータ0001012", "3オンライン化0100001", "計画全体0101013");
            // 2. worsened since 令和4年度's edition: 順調 → 遅れ; the online rate got better and is not listed
            assertThat(text).contains("2.前回会議から悪化した評価指標", "比較の基準：令和4年度の版（年度見直し・",
                    "オープンデータ公開数1オープンデータ1-1オープンデータの推進企画課順調→遅れ")
                    .doesNotContain("窓口申請のオンライン化率3オンライン化");
            assertThat(text).contains("3.報告期限を過ぎた実績報告", "企画課オープンデータ公開数令和5年度第1四半期令和5年7月31日（2023-07-31）");
            assertThat(text).contains("4.対応中のアラート", "重大実績報告の未提出（督促後）企画課の令和5年度第1四半期の実績報告が未提出です令和5年8月14日",
                    "警告目標値の未設定データ利活用研修の満足度の目標値が未設定です令和5年10月1日（2023-10-01）setouchi-hq")
                    .doesNotContain("別の計画の指標が未達です");
            assertThat(text).contains("5.目標値が未設定の評価指標",
                    "1-2.1データ利活用研修の満足度1-2データ利活用の研修企画課令和5年9月30日（2023-09-30）期限超過")
                    .doesNotContain("廃止した指標");
            assertThat(text).contains("6.推進本部の評価を待つ施策評価（令和4年度）", "1-1オープンデータの推進企画課B拡充令和5年5月10日")
                    .doesNotContain("1-2データ利活用の研修企画課—");
            assertThat(text).contains("7.決定を求める事項", "承認待ちの実績報告2件を承認または差し戻すこと",
                    "令和4年度の施策評価1件について、評価と今後の方向性を決定すること",
                    "未設定の目標値1件を設定すること（うち決定期限を過ぎたもの1件）",
                    "前回会議から悪化した評価指標1件について、対応方針を決めること",
                    "報告期限を過ぎた実績報告1件について、担当部署に提出を求めること",
                    "令和4年度を締めること（未報告1件・承認待ち0件が残るため、締める理由を記録します）");
            PdfChecks.screenshots(document, "meeting-pack", Path.of("screenshots"));
        }
    }

    @Test
    void inEnglishThePdfSaysTheSameInEnglishWithDatesIn和暦() throws Exception {
        assumeThat(Path.of(ReportFont.DEFAULT_PATH)).isReadable();
        byte[] file = mvc.perform(get("/meeting-pack/pdf").param("plan", PLAN).with(hq())
                        .cookie(new Cookie(PortalApplication.LANGUAGE_COOKIE, "en")))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsByteArray();
        try (PDDocument document = Loader.loadPDF(file)) {
            String text = new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
            assertThat(text).contains("Promotion headquarters meeting pack", "令和5年10月2日（2023-10-02）",
                    "1. KPIs by status and pillar", "Report missing (after a reminder)", "Kikaku has not reported",
                    "7. Decisions asked for", "Approve or return the 2 reports awaiting approval", "Close FY2022");
        }
    }

    @Test
    void aDepartmentMaySeeNeitherThePageNorThePdf() throws Exception {
        mvc.perform(get("/meeting-pack").param("plan", PLAN).with(department("shimin")))
                .andExpect(status().isForbidden());
        mvc.perform(get("/meeting-pack/pdf").param("plan", PLAN).with(department("shimin")))
                .andExpect(status().isForbidden());
    }

    @Test
    void theHeadquartersFindsItInTheMenu() throws Exception {
        mvc.perform(get("/meeting-pack").with(hq()))
                .andExpect(content().string(containsString("href=\"/meeting-pack\" aria-current=\"page\">会議資料</a>")));
    }

    private static OidcLoginRequestPostProcessor hq() {
        return oidcLogin().authorities(new SimpleGrantedAuthority("ROLE_HQ"))
                .idToken(token -> token.subject("setouchi-hq").claim("roles", List.of("HQ"))
                        .claim("municipality", "瀬戸内町").claim("name", "瀬戸内町 推進本部"));
    }

    private static OidcLoginRequestPostProcessor department(String department) {
        return oidcLogin().idToken(token -> token.subject("setouchi-" + department)
                .claim("roles", List.of("DEPARTMENT")).claim("municipality", "瀬戸内町").claim("department", department)
                .claim("name", "瀬戸内町 " + department));
    }

    private static JsonNode json(String text) {
        return JSON.readTree(text);
    }
}
