package jp.shinchoku.measurement.documents;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jp.shinchoku.measurement.TestKpis;
import jp.shinchoku.measurement.TestKpis.Kpi;
import jp.shinchoku.testsupport.HttpJson;
import jp.shinchoku.testsupport.ShinchokuServiceTest;
import jp.shinchoku.testsupport.TestTokens;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * 取組状況報告書 of 令和6年度 as an Excel workbook, read back with POI, on 20 April 2025: a sheet per 柱, each KPI with
 * its baseline, target, 和暦 deadline, each closed year's value and status, and its measure's 自己評価 and the
 * 推進本部's evaluation; none for a year not closed (409), none for a department (403).
 */
@ShinchokuServiceTest(properties = "shinchoku.clock.start-date=2025-04-20")
class YearReportWorkbookTest {

    private static final String TOWN = "462233";

    @LocalServerPort
    int port;

    final TestKpis plan = new TestKpis();

    @Test
    void theYearsReportIsMadeFromItsFrozenEdition() throws Exception {
        HttpJson admin = HttpJson.onPort(port);
        HttpJson hq = admin.as(TestTokens.hq(TOWN));
        HttpJson somu = admin.as(TestTokens.department(TOWN, "somu"));
        String apps = plan.define(admin, Kpi.count("apps", "somu", "0", "100"));
        plan.define(admin, Kpi.undefined("sets", "kikaku"));
        report(somu, apps, "40", "2024-03-31");
        report(somu, apps, "80", "2025-03-31");
        String years = "/api/plans/" + plan.planId() + "/fiscal-years/";

        HttpResponse<byte[]> open = download(years + "2024/report.xlsx", TestTokens.hq(TOWN), "ja");
        assertThat(open.statusCode()).isEqualTo(409);
        assertThat(new String(open.body(), java.nio.charset.StandardCharsets.UTF_8)).contains("令和6年度はまだ締められていない");

        assertThat(hq.post(years + "2023/close", "{\"reason\": \"未設定の指標あり\"}").status()).isEqualTo(200);
        somu.post(years + "2024/evaluations/1-1/submit", "{\"activities\": \"対象手続を拡大\", \"results\": \"80件\", "
                + "\"issues\": \"高齢者の利用\", \"direction\": \"EXPAND\", \"grade\": \"A\"}");
        hq.post(years + "2024/evaluations/1-1/evaluation", "{\"comment\": \"周知を強化\", \"grade\": \"B\", "
                + "\"direction\": \"CONTINUE\"}");
        assertThat(hq.post(years + "2024/close", "{\"reason\": \"未設定の指標あり\"}").status()).isEqualTo(200);
        assertThat(download(years + "2024/report.xlsx", TestTokens.department(TOWN, "somu"), "ja").statusCode())
                .isEqualTo(403);

        HttpResponse<byte[]> file = download(years + "2024/report.xlsx", TestTokens.hq(TOWN), "ja");
        assertThat(file.statusCode()).isEqualTo(200);
        assertThat(file.headers().firstValue("Content-Disposition").orElseThrow()).contains("FY2024-report.xlsx");
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(file.body()))) {
            assertThat(workbook.getNumberOfSheets()).isEqualTo(2);
            Sheet online = workbook.getSheet("1 行政手続のオンライン化");
            assertThat(online).isNotNull();
            assertThat(workbook.getSheet("2 オープンデータの推進")).isNotNull();
            assertThat(text(online.getRow(0), 0)).isEqualTo(plan.planId() + " 令和6年度 取組状況報告書");
            assertThat(text(online.getRow(1), 0)).contains(plan.planId() + ":FY2024:", "年度締め", "令和7年3月31日時点");
            List<String> header = texts(online.getRow(4));
            assertThat(header).containsSubsequence("施策番号", "施策名", "担当部署", "評価指標", "単位", "現状値", "目標値",
                    "期限", "令和5年度 実績", "令和5年度 判定", "令和6年度 実績", "令和6年度 判定", "状況", "評価",
                    "自己評価 取組内容", "自己評価 実績", "自己評価 課題", "自己評価 方向性", "自己評価 評価", "推進本部 評価",
                    "推進本部 今後の方向性", "推進本部 コメント");
            Row row = online.getRow(5);
            assertThat(texts(row)).startsWith("1-1", "電子申請の拡充", "somu", "オンライン申請件数", "件");
            assertThat(number(row, header.indexOf("目標値"))).isEqualTo(100);
            assertThat(text(row, header.indexOf("期限"))).isEqualTo("令和8年3月31日");
            assertThat(number(row, header.indexOf("令和5年度 実績"))).as("from 令和5年度's edition").isEqualTo(40);
            assertThat(number(row, header.indexOf("令和6年度 実績"))).isEqualTo(80);
            assertThat(text(row, header.indexOf("状況"))).isEqualTo("順調");
            assertThat(text(row, header.indexOf("自己評価 取組内容"))).isEqualTo("対象手続を拡大");
            assertThat(text(row, header.indexOf("自己評価 方向性"))).isEqualTo("拡充");
            assertThat(text(row, header.indexOf("推進本部 今後の方向性"))).isEqualTo("継続");
            assertThat(text(row, header.indexOf("推進本部 コメント"))).isEqualTo("周知を強化");
        }

        HttpResponse<byte[]> english = download(years + "2024/report.xlsx", TestTokens.hq(TOWN), "en");
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(english.body()))) {
            Sheet online = workbook.getSheetAt(0);
            assertThat(text(online.getRow(0), 0)).isEqualTo(plan.planId() + " FY2024 progress report");
            assertThat(text(online.getRow(5), texts(online.getRow(4)).indexOf("Deadline"))).isEqualTo("2026-03-31");
        }
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

    private static String text(Row row, int column) {
        Cell cell = row == null ? null : row.getCell(column);
        return cell == null || cell.getCellType() != CellType.STRING ? null : cell.getStringCellValue();
    }

    private static double number(Row row, int column) {
        return row.getCell(column).getNumericCellValue();
    }

    private static List<String> texts(Row row) {
        List<String> texts = new ArrayList<>();
        for (int c = 0; c < row.getLastCellNum(); c++) {
            texts.add(text(row, c));
        }
        return texts;
    }
}
