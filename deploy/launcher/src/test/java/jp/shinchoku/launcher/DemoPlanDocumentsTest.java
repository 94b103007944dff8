package jp.shinchoku.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import jp.shinchoku.documents.ReportFont;
import jp.shinchoku.launcher.LocalSystem.Service;
import jp.shinchoku.testsupport.HttpJson;
import jp.shinchoku.testsupport.PdfChecks;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.WebDriver;
import tools.jackson.databind.JsonNode;

/**
 * The documents of the demo plan (瀬戸内町, as the launcher loads it) over the whole system, on 20 April 2024: its
 * departments report every KPI 令和5年度 covers and write their 自己評価, the 推進本部 evaluates some and closes the year;
 * the 取組状況報告書 is then read back from the measurement service as a workbook (POI) and a PDF (PDFBox) — every
 * active measure of the plan, the year's verdicts, the evaluations, 和暦 dates — and the PDF's pages are rendered to
 * PNG beside the portal's screenshots ({@code target/screenshots/}). The 推進本部's meeting pack comes through the
 * portal, signed in in Chromium, and is read the same way. The PDF parts are skipped, saying so, without the Japanese
 * font; the meeting pack without Chromium.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DemoPlanDocumentsTest {

    private static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private SignedInSystem running;
    private LocalSystem system;
    private LocalPortal portal;
    private LocalTokens tokens;
    private String planId;
    private HttpJson hq;
    private final List<String[]> measures = new ArrayList<>();
    private final List<String> evaluated = new ArrayList<>();
    private final List<String> submitted = new ArrayList<>();

    @BeforeAll
    void theDemoPlansYearIsReportedEvaluatedAndClosed() throws IOException {
        running = SignedInSystem.start("docs", LocalDate.parse("2024-04-20"));
        tokens = running.tokens;
        system = running.system;
        portal = running.portal;
        assertThat(LocalLauncher.loadDemoPlan(system.url(Service.PLAN), tokens.admin())).contains("loaded");
        HttpJson admin = HttpJson.onPort(system.port(Service.PLAN)).as(tokens.admin());
        JsonNode plan = admin.get("/api/plans").json().at("/items/0");
        planId = plan.get("id").asString();
        for (JsonNode pillar : admin.get("/api/plans/" + planId).json().get("pillars")) {
            for (JsonNode measure : pillar.get("measures")) {
                if (!measure.path("retired").asBoolean()) {
                    measures.add(new String[] {measure.get("code").asString(), measure.get("title").asString(),
                            measure.path("department").asString()});
                }
            }
        }
        HttpJson measurements = HttpJson.onPort(system.port(Service.MEASUREMENT));
        hq = measurements.as(running.token("hq"));
        HttpJson asAdmin = measurements.as(tokens.admin());
        String year = "/api/plans/" + planId + "/fiscal-years/2023";
        // every KPI the year covers is reported (the close names those still unreported)
        await().atMost(Duration.ofSeconds(60)).until(() -> hq.get(year).status() == 200
                && hq.get(year).json().path("blockers").size() > 0);
        for (JsonNode blocker : hq.get(year).json().get("blockers")) {
            String kpi = blocker.get("kpiId").asString();
            HttpJson.Response reported = asAdmin.post("/api/kpis/" + kpi + "/measurements",
                    "{\"value\": 1, \"measuredOn\": \"2024-03-31\"}", java.util.Map.of("Idempotency-Key", kpi + "-2023"));
            assertThat(reported.status()).as(reported.body()).isEqualTo(201);
        }
        // each department writes its 自己評価; the 推進本部 evaluates every other one
        String evaluations = year + "/evaluations";
        for (JsonNode measure : hq.get(evaluations).json()) {
            String code = measure.get("measureCode").asString();
            String department = measure.get("departmentCode").asString();
            HttpJson own = measurements.as(running.token(department));
            HttpJson.Response self = own.post(evaluations + "/" + code + "/submit", """
                    {"activities": "%1$sの取組を進めた", "results": "%1$sは計画どおり", "issues": "担当職員の確保",
                     "direction": "CONTINUE", "grade": "B"}""".formatted(code));
            assertThat(self.status()).as(self.body()).isEqualTo(200);
            if (evaluated.size() <= submitted.size()) {
                HttpJson.Response decided = hq.post(evaluations + "/" + code + "/evaluation", """
                        {"comment": "%sは次年度も継続する", "grade": "A", "direction": "EXPAND"}""".formatted(code));
                assertThat(decided.status()).as(decided.body()).isEqualTo(200);
                evaluated.add(code);
            } else {
                submitted.add(code);
            }
        }
        assertThat(evaluated).isNotEmpty();
        assertThat(submitted).isNotEmpty();
        HttpJson.Response closed = hq.post(year + "/close", "{}");
        assertThat(closed.status()).as(closed.body()).isEqualTo(200);
    }

    @AfterAll
    void stop() {
        if (running != null) {
            running.close();
        }
    }

    @Test
    @Order(1)
    void theWorkbookHasASheetPerPillarWithEveryMeasureItsVerdictsAndEvaluations() throws Exception {
        byte[] xlsx = get(system.url(Service.MEASUREMENT) + "/api/plans/" + planId + "/fiscal-years/2023/report.xlsx",
                "Authorization", "Bearer " + running.token("hq"));
        StringBuilder all = new StringBuilder();
        List<String> sheets = new ArrayList<>();
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            for (Sheet sheet : workbook) {
                sheets.add(sheet.getSheetName());
                for (Row row : sheet) {
                    for (Cell cell : row) {
                        all.append(cell.toString()).append('\t');
                    }
                    all.append('\n');
                }
            }
        }
        assertThat(sheets).hasSizeGreaterThanOrEqualTo(6);
        String text = all.toString();
        for (String[] measure : measures) {
            assertThat(text).as("measure " + measure[0]).contains(measure[1]);
        }
        assertThat(text).contains("令和5年度").containsPattern("令和\\d+年\\d+月\\d+日").contains("達成")
                .contains(evaluated.getFirst() + "は次年度も継続する").contains(submitted.getFirst() + "の取組を進めた");
    }

    @Test
    @Order(2)
    void thePdfHasEveryMeasureItsVerdictsAndEvaluationsAndItsPagesAreScreenshots() throws Exception {
        fontInstalled();
        byte[] pdf = get(system.url(Service.MEASUREMENT) + "/api/plans/" + planId + "/fiscal-years/2023/report.pdf",
                "Authorization", "Bearer " + running.token("hq"));
        try (PDDocument document = Loader.loadPDF(pdf)) {
            PdfChecks.assertA4AndEmbedded(document);
            String text = PdfChecks.flat(new PDFTextStripper().getText(document));
            for (String[] measure : measures) {
                assertThat(text).as("measure " + measure[0]).contains(PdfChecks.flat(measure[1]));
            }
            assertThat(text).contains("令和5年度").containsPattern("令和\\d+年\\d+月\\d+日").contains("達成")
                    .contains(evaluated.getFirst() + "は次年度も継続する");
            PdfChecks.screenshots(document, "demo-report", SCREENSHOTS);
        }
    }

    @Test
    @Order(3)
    void theHeadquartersMeetingPackComesThroughThePortal() throws Exception {
        fontInstalled();
        Chromium.assumeInstalled();
        WebDriver browser = Chromium.open(true);
        String session;
        try {
            Chromium.signIn(browser, portal.url(), "setouchi-hq");
            Cookie cookie = browser.manage().getCookieNamed("SHINCHOKU_PORTAL");
            session = cookie.getName() + "=" + cookie.getValue();
        } finally {
            browser.quit();
        }
        byte[] pdf = get(portal.url() + "/meeting-pack/pdf?plan=" + planId, "Cookie", session);
        try (PDDocument document = Loader.loadPDF(pdf)) {
            PdfChecks.assertA4AndEmbedded(document);
            String text = PdfChecks.flat(new PDFTextStripper().getText(document));
            assertThat(text).contains("瀬戸内町官民データ活用推進計画").contains("令和6年4月20日");
            for (String code : submitted) {
                assertThat(text).as("the 施策評価 of " + code + " waits for the 推進本部").contains(code);
            }
            PdfChecks.screenshots(document, "demo-meeting-pack", SCREENSHOTS);
        }
    }

    private static void fontInstalled() {
        Assumptions.assumeTrue(new ReportFont(Path.of(ReportFont.DEFAULT_PATH)).bytes().isPresent(),
                "PDF skipped: no Japanese font at " + ReportFont.DEFAULT_PATH + " (apt-get install " + ReportFont.PACKAGE
                        + "; .ci/run does)");
    }

    private static byte[] get(String url, String header, String value) throws IOException, InterruptedException {
        HttpResponse<byte[]> response = HTTP.send(HttpRequest.newBuilder(URI.create(url)).header(header, value).GET()
                .build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).as(url + ": " + new String(response.body(), java.nio.charset.StandardCharsets.UTF_8))
                .isEqualTo(200);
        return response.body();
    }
}
