package jp.shinchoku.measurement.measurements;

import static org.assertj.core.api.Assertions.assertThat;

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

/**
 * What the service refuses before it can stall it: bodies and files over their limits (413), too many rows (413),
 * numbers out of range (400, never 500), and a broken CSV row (refused on its own line, the rest read).
 */
@ShinchokuServiceTest
class RequestLimitsTest {

    @LocalServerPort
    int port;

    HttpJson http;
    String kpiId;

    @BeforeEach
    void defineKpi() {
        http = HttpJson.onPort(port);
        kpiId = TestKpis.defineLikeTheSample(http, "pln-limits");
    }

    @Test
    void aFiveMegabyteCommentIsRefusedBeforeItIsReadAndTheServiceGoesOn() throws Exception {
        String huge = "{\"value\":12,\"measuredOn\":\"2023-06-30\",\"comment\":\"" + "長".repeat(5 * 1024 * 1024 / 3) + "\"}";

        byte[] body = huge.getBytes(StandardCharsets.UTF_8);
        HttpJson.Response refused = http.postOversized("/api/kpis/" + kpiId + "/measurements", body,
                "application/json", false);

        assertThat(refused.status()).isEqualTo(413);
        assertThat(refused.json().get("type").asString()).endsWith("payload-too-large");
        assertThat(refused.json().at("/en/detail").asString()).contains("1048576");
        // the same without a length (chunked) stops being read at the limit
        HttpJson.Response chunked = http.postOversized("/api/kpis/" + kpiId + "/measurements", body,
                "application/json", true);
        assertThat(chunked.status()).isEqualTo(413);
        assertThat(chunked.body()).contains("payload-too-large");

        assertThat(http.post("/api/kpis/" + kpiId + "/measurements",
                "{\"value\":12,\"measuredOn\":\"2023-06-30\",\"comment\":\"" + "長".repeat(2001) + "\"}").status())
                .as("a comment over 2,000 characters").isEqualTo(400);
        assertThat(http.post("/api/kpis/" + kpiId + "/measurements",
                "{\"value\":12,\"measuredOn\":\"2023-06-30\",\"comment\":\"6月末\"}").status()).isEqualTo(201);
    }

    @Test
    void numbersOutOfRangeAreABadRequestNeverAServerError() {
        for (String value : new String[] {"1e400", "-1e400", "1E999999999", "1e15", "0.0000001", "\"1e400\""}) {
            HttpJson.Response refused = http.post("/api/kpis/" + kpiId + "/measurements",
                    "{\"value\":" + value + ",\"measuredOn\":\"2023-06-30\"}");
            assertThat(refused.status()).as(value).isEqualTo(400);
            assertThat(refused.json().get("reason").asString()).as(value).isEqualTo("OUT_OF_RANGE");
            assertThat(refused.json().get("detail").asString()).as(value).contains("15桁");
        }
        assertThat(http.post("/api/kpis/" + kpiId + "/measurements",
                "{\"value\":12.000001,\"measuredOn\":\"2023-06-30\"}").status()).isEqualTo(201);
    }

    @Test
    void aFileOverTheUploadLimitOrWithTooManyRowsIsRefusedWhole() throws Exception {
        StringBuilder seven = new StringBuilder("kpiId,value,measuredOn\n");
        while (seven.length() < 7 * 1024 * 1024) {
            seven.append(kpiId).append(",12,2023-06-30\n");
        }
        HttpJson.Response tooLarge = http.postOversized("/api/measurements/csv",
                seven.toString().getBytes(StandardCharsets.UTF_8), "text/csv", false);
        assertThat(tooLarge.status()).isEqualTo(413);
        assertThat(tooLarge.json().at("/en/detail").asString()).contains("2097152");

        StringBuilder many = new StringBuilder("kpiId,value,measuredOn\n");
        for (int i = 0; i < 5_001; i++) {
            many.append("k,1,2023-06-30\n");
        }
        HttpJson.Response tooMany = http.postBytes("/api/measurements/csv", many.toString().getBytes(StandardCharsets.UTF_8),
                "text/csv");
        assertThat(tooMany.status()).isEqualTo(413);
        assertThat(tooMany.json().get("type").asString()).endsWith("too-many-rows");
        assertThat(tooMany.json().get("detail").asString()).contains("5000");
        assertThat(http.get("/api/kpis/" + kpiId + "/measurements").json()).as("nothing of either was recorded").isEmpty();
    }

    @Test
    void aBrokenRowIsRefusedOnItsLineAndTheRowsAfterItAreRead() {
        String csv = """
                kpiId,value,measuredOn,comment
                %1$s,12,2023-06-30,ok
                %1$s,13,2023-07-31,"引用符が"途中で閉じる
                %1$s,14,2023-08-31,"4,5月分",余分な列
                %1$s,15,2023-09-30,"複数行の
                コメント"
                %1$s,16,2023-10-31,"閉じない引用符
                """.formatted(kpiId);

        JsonNode result = JsonMapper.builder().build().readTree(
                http.postBytes("/api/measurements/csv", csv.getBytes(StandardCharsets.UTF_8), "text/csv").body());

        assertThat(result.get("rows").valueStream().map(row -> row.get("line").asInt() + ":" + row.get("status").asString()))
                .containsExactly("2:accepted", "3:rejected", "4:rejected", "5:accepted", "7:rejected");
        assertThat(result.at("/rows/1/messageJa").asString()).contains("CSV として読めません");
        assertThat(result.at("/rows/2/messageJa").asString()).contains("列が見出しより多く");
        assertThat(http.get("/api/kpis/" + kpiId + "/measurements").json().findValuesAsString("comment"))
                .containsExactlyInAnyOrder("ok", "複数行の\nコメント");
    }
}
