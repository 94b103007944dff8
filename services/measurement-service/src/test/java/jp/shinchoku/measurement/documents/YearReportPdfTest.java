package jp.shinchoku.measurement.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import jp.shinchoku.documents.ReportFont;
import jp.shinchoku.measurement.TestKpis;
import jp.shinchoku.measurement.TestKpis.Kpi;
import jp.shinchoku.measurement.documents.pdf.YearReportPdf;
import jp.shinchoku.testsupport.PdfChecks;
import jp.shinchoku.testsupport.HttpJson;
import jp.shinchoku.testsupport.ShinchokuServiceTest;
import jp.shinchoku.testsupport.TestTokens;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * 取組状況報告書 of 令和6年度 as a PDF, read back with PDFBox, on 20 April 2025: A4, the Japanese font embedded, a
 * section per 柱 and a table per measure with each KPI's baseline, target, 和暦 deadline, each closed year's value and
 * verdict, status and grade, the measure's 自己評価 and the 推進本部's evaluation; none for a year not closed (409),
 * none for a department (403). Its pages are rendered to PNG in target/screenshots/. Skipped, saying so, where the
 * Japanese font (fonts-ipaexfont-gothic) is not installed.
 */
@ShinchokuServiceTest(properties = "shinchoku.clock.start-date=2025-04-20")
class YearReportPdfTest {

    private static final String TOWN = "462233";

    @LocalServerPort
    int port;

    @Autowired
    YearReportPdf pdf;

    final TestKpis plan = new TestKpis();

    @BeforeEach
    void theJapaneseFontIsInstalled() {
        assumeThat(pdf.available()).as("no Japanese font at %s: install the Debian package %s (or set "
                + "shinchoku.documents.font) to test the PDF report", pdf.font().path(), ReportFont.PACKAGE).isTrue();
    }

    @Test
    void theYearsReportIsAPdfMadeFromItsFrozenEdition() throws Exception {
        HttpJson admin = HttpJson.onPort(port);
        HttpJson hq = admin.as(TestTokens.hq(TOWN));
        HttpJson somu = admin.as(TestTokens.department(TOWN, "somu"));
        HttpJson joho = admin.as(TestTokens.department(TOWN, "johoseisaku"));
        String apps = plan.define(admin, Kpi.count("apps", "somu", "0", "100"));
        plan.define(admin, Kpi.undefined("sets", "kikaku"));
        String uses = plan.define(admin, new Kpi("uses", "2-2", "オープンデータの利活用", "johoseisaku", "データ利用件数", "件",
                "count", "increase", "1000", "4000", "cumulative").perPeriod());
        report(somu, apps, "40", "2024-03-31");
        report(somu, apps, "80", "2025-03-31");
        report(joho, uses, "3500", "2024-03-31");
        report(joho, uses, "1200", "2025-03-31");
        String years = "/api/plans/" + plan.planId() + "/fiscal-years/";

        HttpResponse<byte[]> open = download(years + "2024/report.pdf", TestTokens.hq(TOWN), "ja");
        assertThat(open.statusCode()).isEqualTo(409);
        assertThat(new String(open.body(), StandardCharsets.UTF_8)).contains("令和6年度はまだ締められていない");

        assertThat(hq.post(years + "2023/close", "{\"reason\": \"未設定の指標あり\"}").status()).isEqualTo(200);
        somu.post(years + "2024/evaluations/1-1/submit", "{\"activities\": \"対象手続を拡大\", \"results\": \"80件\", "
                + "\"issues\": \"高齢者の利用\", \"direction\": \"EXPAND\", \"grade\": \"A\"}");
        hq.post(years + "2024/evaluations/1-1/evaluation", "{\"comment\": \"周知を強化\", \"grade\": \"B\", "
                + "\"direction\": \"CONTINUE\"}");
        assertThat(hq.post(years + "2024/close", "{\"reason\": \"未設定の指標あり\"}").status()).isEqualTo(200);
        assertThat(download(years + "2024/report.pdf", TestTokens.department(TOWN, "somu"), "ja").statusCode())
                .isEqualTo(403);

        long started = System.nanoTime();
        HttpResponse<byte[]> file = download(years + "2024/report.pdf", TestTokens.hq(TOWN), "ja");
        System.out.printf("report.pdf (3 measures, 3 KPIs) answered in %d ms%n", (System.nanoTime() - started) / 1_000_000);
        assertThat(file.statusCode()).isEqualTo(200);
        assertThat(file.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/pdf");
        assertThat(file.headers().firstValue("Content-Disposition").orElseThrow()).contains("FY2024-report.pdf");
        try (PDDocument document = Loader.loadPDF(file.body())) {
            PdfChecks.assertA4AndEmbedded(document);
            String text = PdfChecks.flat(new PDFTextStripper().getText(document));
            assertThat(text).contains(PdfChecks.flat(plan.planId() + " 令和6年度 取組状況報告書"), plan.planId() + ":FY2024:",
                    "年度締め", "令和7年3月31日時点");
            assertThat(text).as("a section per 柱").contains("1行政手続のオンライン化", "2オープンデータの推進");
            assertThat(text).as("every measure").contains("1-1電子申請の拡充（担当部署：somu）", "2-1オープンデータの公開",
                    "2-2オープンデータの利活用");
            assertThat(text).as("every KPI").contains("オンライン申請件数", "公開データセット数", "データ利用件数");
            assertThat(text).as("the columns").contains("評価指標", "単位", "現状値", "目標値", "期限", "令和5年度実績",
                    "令和5年度判定", "令和6年度実績", "令和6年度判定", "状況", "評価");
            assertThat(text).as("deadline in 和暦").contains("令和8年3月31日");
            assertThat(text).as("オンライン申請件数: 0 → 100, 40 in 令和5年度, 80 in 令和6年度, 順調")
                    .contains("オンライン申請件数件0100令和8年3月31日4080順調");
            assertThat(text).as("データ利用件数, counted per period: each year's value (and verdict, once judged)")
                    .containsPattern("データ利用件数件1,0004,000令和8年3月31日[0-9,]+(達成|未達)?[0-9,]+(達成|未達)?");
            assertThat(text).as("自己評価").contains("自己評価取組内容対象手続を拡大", "自己評価実績80件", "自己評価課題高齢者の利用",
                    "自己評価方向性拡充", "自己評価評価A");
            assertThat(text).as("推進本部").contains("推進本部評価B", "推進本部今後の方向性継続", "推進本部コメント周知を強化");
            assertThat(text).as("a measure not evaluated").contains("この年度の施策評価はまだ提出されていません。");
            assertThat(text).as("page numbers").contains("1/" + document.getNumberOfPages());
            PdfChecks.screenshots(document, "year-report-ja");
        }

        HttpResponse<byte[]> english = download(years + "2024/report.pdf", TestTokens.hq(TOWN), "en");
        assertThat(english.statusCode()).isEqualTo(200);
        try (PDDocument document = Loader.loadPDF(english.body())) {
            PdfChecks.assertA4AndEmbedded(document);
            String text = PdfChecks.flat(new PDFTextStripper().getText(document));
            assertThat(text).contains(PdfChecks.flat(plan.planId() + " FY2024 progress report"), "2026-03-31", "Deadline",
                    "expand", "continue");
            PdfChecks.screenshots(document, "year-report-en");
        }

        java.util.regex.Matcher closed2023 = java.util.regex.Pattern.compile(
                java.util.regex.Pattern.quote(plan.planId()) + ":FY2023:\\d+")
                .matcher(hq.get("/api/plans/" + plan.planId() + "/editions").body());
        assertThat(closed2023.find()).as("令和5年度's edition").isTrue();
        String edition = closed2023.group();
        HttpResponse<byte[]> earlier = download(years + "2023/report.pdf?edition=" + edition, TestTokens.hq(TOWN), "ja");
        assertThat(earlier.statusCode()).isEqualTo(200);
        try (PDDocument document = Loader.loadPDF(earlier.body())) {
            assertThat(PdfChecks.flat(new PDFTextStripper().getText(document))).contains("令和5年度取組状況報告書", edition);
        }
        assertThat(download(years + "2024/report.pdf?edition=nope", TestTokens.hq(TOWN), "ja").statusCode())
                .isEqualTo(404);
    }

    private void report(HttpJson as, String kpiId, String value, String measuredOn) {
        assertThat(as.post("/api/kpis/" + kpiId + "/measurements",
                "{\"value\": " + value + ", \"measuredOn\": \"" + measuredOn + "\"}",
                Map.of("Idempotency-Key", kpiId + measuredOn)).status()).isEqualTo(201);
    }

    private HttpResponse<byte[]> download(String path, String token, String language)
            throws IOException, InterruptedException {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Bearer " + token).header("Accept-Language", language).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }
}
