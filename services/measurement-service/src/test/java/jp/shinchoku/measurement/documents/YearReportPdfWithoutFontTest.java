package jp.shinchoku.measurement.documents;

import static org.assertj.core.api.Assertions.assertThat;

import jp.shinchoku.measurement.TestKpis;
import jp.shinchoku.measurement.TestKpis.Kpi;
import jp.shinchoku.testsupport.HttpJson;
import jp.shinchoku.testsupport.ShinchokuServiceTest;
import jp.shinchoku.testsupport.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Where the Japanese font is missing the service makes no PDF report (never one with missing glyphs): 503 problem
 * details saying which package to install, in Japanese and English; the Excel report is still made.
 */
@ShinchokuServiceTest(properties = {"shinchoku.clock.start-date=2025-04-20",
        "shinchoku.documents.font=target/no-such-font/ipaexg.ttf"})
class YearReportPdfWithoutFontTest {

    @LocalServerPort
    int port;

    final TestKpis plan = new TestKpis();

    @Test
    void withoutTheFontThePdfIsRefusedPlainly() {
        HttpJson admin = HttpJson.onPort(port);
        HttpJson hq = admin.as(TestTokens.hq("462233"));
        plan.define(admin, Kpi.count("apps", "somu", "0", "100"));
        String years = "/api/plans/" + plan.planId() + "/fiscal-years/";
        assertThat(hq.post(years + "2024/close", "{\"reason\": \"未報告の指標あり\"}").status()).isEqualTo(200);

        HttpJson.Response refused = hq.get(years + "2024/report.pdf");
        assertThat(refused.status()).isEqualTo(503);
        assertThat(refused.contentType()).contains("application/problem+json");
        assertThat(refused.json().path("type").asText()).endsWith("report-font-missing");
        assertThat(refused.json().path("detail").asText()).contains("日本語フォント", "fonts-ipaexfont-gothic");
        assertThat(refused.json().path("en").path("detail").asText()).contains("Japanese font",
                "fonts-ipaexfont-gothic", "shinchoku.documents.font");
        assertThat(hq.get(years + "2024/report.xlsx").status()).as("the workbook needs no font").isEqualTo(200);
    }
}
