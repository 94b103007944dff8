package jp.shinchoku.measurement.measurements;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import jp.shinchoku.measurement.TestKpis;
import jp.shinchoku.testsupport.HttpJson;
import jp.shinchoku.testsupport.ShinchokuServiceTest;
import jp.shinchoku.testsupport.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Bulk upload of a department's values as CSV, in the encodings Japanese offices save. */
@ShinchokuServiceTest
class CsvUploadTest {

    private static final Charset CP932 = Charset.forName("windows-31j");

    @LocalServerPort
    int port;

    HttpJson http;
    String kpiId;

    @BeforeEach
    void defineKpi() {
        http = HttpJson.onPort(port);
        kpiId = TestKpis.defineLikeTheSample(http, "pln-csv");
    }

    @Test
    void aRowMayNameItsReportingPeriod() throws Exception {
        String csv = """
                kpiId,value,measuredOn,period
                %1$s,12.5,2022/3/31,令和4年度
                %1$s,13,2023-09-30,
                %1$s,14,2023-09-30,FY2023-Q2
                """.formatted(kpiId);

        JsonNode result = upload(csv.getBytes(StandardCharsets.UTF_8), "text/csv");

        assertThat(result.get("rows").valueStream().map(row -> row.get("status").asString()))
                .containsExactly("rejected", "accepted", "rejected");
        assertThat(result.at("/rows/0/messageJa").asString()).as("measured before the period began")
                .contains("報告期間");
        assertThat(result.at("/rows/2/messageJa").asString()).as("the plan reports annually").contains("毎年度");
        assertThat(http.get("/api/kpis/" + kpiId + "/measurements").json().get(0).get("period").asString()).isEqualTo("FY2023");
    }

    @Test
    void eachRowIsAcceptedOrRejectedOnItsOwnAndTheSameFileTwiceStoresOnce() throws Exception {
        String csv = """
                評価指標ID,実績値,測定日,コメント
                %1$s,12.5,2023-06-30,"6月末時点、出張申請を含む"
                %1$s,百,2023-07-31,
                no-such-kpi,13,2023-07-31,
                %1$s,１３．０,令和5年8月31日,全角の数字
                %1$s,120,2023/9/30,割合が100を超える
                """.formatted(kpiId);
        byte[] withBom = ("\uFEFF" + csv).getBytes(StandardCharsets.UTF_8);

        JsonNode result = upload(withBom, "text/csv");
        assertThat(result.get("encoding").asString()).isEqualTo("UTF-8 (BOM)");
        assertThat(result.get("accepted").asInt()).isEqualTo(2);
        assertThat(result.get("rejected").asInt()).isEqualTo(3);
        assertThat(result.get("rows").valueStream().map(row -> row.get("line").asInt() + ":" + row.get("status").asString()))
                .containsExactly("2:accepted", "3:rejected", "4:rejected", "5:accepted", "6:rejected");
        assertThat(result.at("/rows/1/messageJa").asString()).contains("数値ではありません");
        assertThat(result.at("/rows/2/messageJa").asString()).contains("no-such-kpi");
        assertThat(result.at("/rows/4/messageJa").asString()).contains("0から100");
        JsonNode kept = http.get("/api/kpis/" + kpiId + "/measurements").json();
        assertThat(kept).hasSize(2);
        assertThat(kept.valueStream().map(m -> m.get("comment").asString())).contains("6月末時点、出張申請を含む");

        JsonNode again = upload(withBom, "text/csv");
        assertThat(again.get("replayed").asInt()).isEqualTo(2);
        assertThat(again.get("accepted").asInt()).isZero();
        assertThat(http.get("/api/kpis/" + kpiId + "/measurements").json()).hasSize(2);
    }

    @Test
    void aShiftJisFileFromExcelIsReadAsShiftJis() throws Exception {
        String csv = "評価指標ID,実績値,測定日,コメント,報告者\r\n" + kpiId + ",15,2023/9/30,９月末の交付率（速報値）,市民課\r\n";

        JsonNode result = upload(csv.getBytes(CP932), "text/csv");

        assertThat(result.get("encoding").asString()).isEqualTo("Shift_JIS (CP932)");
        assertThat(result.get("accepted").asInt()).isEqualTo(1);
        JsonNode kept = http.get("/api/kpis/" + kpiId + "/measurements").json();
        assertThat(kept.at("/0/comment").asString()).isEqualTo("９月末の交付率（速報値）");
        // who reported is the signed-in caller, not the file's 報告者 column
        assertThat(kept.at("/0/reportedBy").asString()).isEqualTo("admin");

        JsonNode declared = upload(("kpiId,value,measuredOn\n" + kpiId + ",16,2023-10-01\n").getBytes(CP932),
                "text/csv; charset=Shift_JIS");
        assertThat(declared.get("encoding").asString()).isEqualTo("Shift_JIS");
        assertThat(declared.get("accepted").asInt()).isEqualTo(1);
    }

    @Test
    void aFileWithoutTheRequiredColumnsIsAProblem() throws Exception {
        HttpResponse<String> response = send("名前,値\nx,1\n".getBytes(StandardCharsets.UTF_8), "text/csv");

        assertThat(response.statusCode()).isEqualTo(400);
        JsonNode problem = JsonMapper.builder().build().readTree(response.body());
        assertThat(problem.get("type").asString()).isEqualTo("urn:shinchoku:problem:invalid-csv");
        assertThat(problem.get("detail").asString()).contains("kpiId").contains("measuredOn");

        HttpResponse<String> unknownCharset = send(("kpiId,value,measuredOn\n" + kpiId + ",1,2023-10-01\n")
                .getBytes(StandardCharsets.UTF_8), "text/csv; charset=x-no-such-charset");
        assertThat(unknownCharset.statusCode()).isEqualTo(415);
        assertThat(unknownCharset.body()).contains("urn:shinchoku:problem:unsupported-media-type").contains("対応していない");
        assertThat(http.get("/api/kpis/" + kpiId + "/measurements").json()).isEmpty();
    }

    private JsonNode upload(byte[] body, String contentType) throws Exception {
        HttpResponse<String> response = send(body, contentType);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JsonMapper.builder().build().readTree(response.body());
    }

    private HttpResponse<String> send(byte[] body, String contentType) throws IOException, InterruptedException {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/measurements/csv"))
                .header("Content-Type", contentType).header("Authorization", "Bearer " + TestTokens.admin()).POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }
}
