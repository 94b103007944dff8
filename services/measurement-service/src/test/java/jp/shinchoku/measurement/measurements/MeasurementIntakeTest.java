package jp.shinchoku.measurement.measurements;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import jp.shinchoku.contracts.Events;
import jp.shinchoku.contracts.Topics;
import jp.shinchoku.contracts.measurement.MeasurementRecordedV1;
import jp.shinchoku.measurement.TestKpis;
import jp.shinchoku.measurement.TestKpis.Kpi;
import jp.shinchoku.testsupport.EventProbe;
import jp.shinchoku.testsupport.HttpJson;
import jp.shinchoku.testsupport.TestTokens;
import jp.shinchoku.testsupport.SharedInfrastructure;
import jp.shinchoku.testsupport.ShinchokuServiceTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Reports read against each KPI's kind, dated within the plan's period, placed in a reporting period of the plan's
 * cadence (quarterly), and corrected without overwriting anything. The service runs on 25 November 2024.
 */
@ShinchokuServiceTest(properties = "shinchoku.clock.start-date=2024-11-25")
class MeasurementIntakeTest {

    @LocalServerPort
    int port;

    HttpJson http;
    EventProbe probe;
    TestKpis plan = new TestKpis();

    @BeforeEach
    void open() {
        http = HttpJson.onPort(port);
        probe = EventProbe.open(SharedInfrastructure.get().bootstrapServers(), Topics.MEASUREMENT_EVENTS);
    }

    @AfterEach
    void close() {
        probe.close();
    }

    @Test
    void aReportBelongsToAPeriodOfThePlansCadence() {
        String kpi = plan.define(http, Kpi.count("apps", "johoseisaku", "100", "1000"));

        HttpJson.Response derived = report(kpi, "{\"value\": 300, \"measuredOn\": \"2024-09-30\"}");
        assertThat(derived.status()).isEqualTo(201);
        assertThat(derived.json().get("period").asString()).isEqualTo("FY2024-Q2");
        assertThat(derived.json().get("periodLabel").asString()).isEqualTo("令和6年度第2四半期");

        HttpJson.Response named = report(kpi, "{\"value\": \"３２０\", \"measuredOn\": \"2024-10-05\", \"period\": \"令和6年度第2四半期\"}");
        assertThat(named.status()).isEqualTo(201);
        assertThat(named.json().get("period").asString()).isEqualTo("FY2024-Q2");
        assertThat(named.json().get("value").decimalValue()).isEqualByComparingTo("320");

        HttpJson.Response wrongCadence = report(kpi, "{\"value\": 320, \"measuredOn\": \"2024-10-05\", \"period\": \"FY2024\"}");
        assertRejected(wrongCadence, "INVALID_PERIOD", "四半期ごと");
        assertThat(wrongCadence.json().get("detail").asString()).contains("FY2024-Q3");

        assertRejected(report(kpi, "{\"value\": 320, \"measuredOn\": \"2024-10-05\", \"period\": \"FY2025-Q1\"}"),
                "INVALID_PERIOD", "まだ始まっていません");
        assertRejected(report(kpi, "{\"value\": 320, \"measuredOn\": \"2024-10-05\", \"period\": \"FY2024-Q9\"}"),
                "INVALID_PERIOD", "報告期間");
    }

    @Test
    void aPercentageMayBeReportedAsNumeratorAndDenominatorBothKeptAndTheRateDerived() {
        // 橿原市: 記載率 = 調書に記載した業務数 / 現在の業務数 (26)
        String rate = plan.define(http, Kpi.percentage("kisai", "johoseisaku", "0", "100"));
        String count = plan.define(http, Kpi.count("n", "johoseisaku", "0", "10"));

        HttpJson.Response fraction = report(rate, "{\"numerator\": 13, \"denominator\": 26, \"measuredOn\": \"2024-09-30\"}");
        assertThat(fraction.status()).as(fraction.body()).isEqualTo(201);
        assertThat(fraction.json().get("value").decimalValue()).isEqualByComparingTo("50");
        assertThat(fraction.json().get("numerator").decimalValue()).isEqualByComparingTo("13");
        assertThat(fraction.json().get("denominator").decimalValue()).isEqualByComparingTo("26");
        MeasurementRecordedV1 recorded = probe.awaitEvent(Events.MEASUREMENT_RECORDED, e -> e.kpiId().equals(rate));
        assertThat(recorded.numerator()).isEqualByComparingTo("13");
        assertThat(recorded.denominator()).isEqualByComparingTo("26");
        assertThat(recorded.value()).isEqualByComparingTo("50");

        HttpJson.Response both = report(rate, "{\"value\": 38.5, \"numerator\": 10, \"denominator\": 26, \"measuredOn\": \"2024-10-31\"}");
        assertThat(both.status()).as("10/26 = 38.46%, sent rounded").isEqualTo(201);
        assertThat(both.json().get("value").decimalValue()).isEqualByComparingTo("38.4615");

        assertRejected(report(rate, "{\"value\": 40, \"numerator\": 10, \"denominator\": 26, \"measuredOn\": \"2024-10-31\"}"),
                "INVALID_VALUE", "分子／分母から求めた 38.4615% と合いません");
        assertRejected(report(rate, "{\"numerator\": 3, \"denominator\": 0, \"measuredOn\": \"2024-10-31\"}"),
                "OUT_OF_RANGE", "分母は0より大きく");
        assertRejected(report(rate, "{\"numerator\": 30, \"denominator\": 26, \"measuredOn\": \"2024-10-31\"}"),
                "OUT_OF_RANGE", "分母以下");
        assertRejected(report(rate, "{\"numerator\": 3, \"measuredOn\": \"2024-10-31\"}"),
                "MISSING_VALUE", "分子と分母の両方");
        assertRejected(report(count, "{\"numerator\": 3, \"denominator\": 4, \"measuredOn\": \"2024-10-31\"}"),
                "INVALID_VALUE", "割合（%）の評価指標だけ");

        String csv = "評価指標ID,分子,分母,測定日\n" + rate + ",20,26,2024-11-01\n" + rate + ",x,26,2024-11-02\n";
        HttpJson.Response upload = http.postBytes("/api/measurements/csv", csv.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                "text/csv; charset=UTF-8");
        assertThat(upload.json().get("accepted").asInt()).as(upload.body()).isEqualTo(1);
        assertThat(upload.json().at("/rows/1/status").asString()).isEqualTo("rejected");
    }

    @Test
    void eachKindTakesItsOwnValues() {
        String count = plan.define(http, Kpi.count("c", "johoseisaku", "100", "1000"));
        String rate = plan.define(http, Kpi.percentage("r", "shimin", "30", "90"));
        String realized = plan.define(http, Kpi.realized("b", "kaikei"));
        String qualitative = plan.define(http, Kpi.qualitative("q", "somu"));

        assertRejected(report(count, "{\"value\": 2.5, \"measuredOn\": \"2024-09-30\"}"), "OUT_OF_RANGE", "整数");
        assertRejected(report(count, "{\"value\": -1, \"measuredOn\": \"2024-09-30\"}"), "OUT_OF_RANGE", "0以上");
        assertRejected(report(count, "{\"value\": \"たくさん\", \"measuredOn\": \"2024-09-30\"}"), "INVALID_VALUE", "数値ではありません");
        assertRejected(report(count, "{\"value\": true, \"measuredOn\": \"2024-09-30\"}"), "INVALID_VALUE", "数値で報告");
        assertRejected(report(rate, "{\"value\": 100.5, \"measuredOn\": \"2024-09-30\"}"), "OUT_OF_RANGE", "0から100");
        assertThat(report(rate, "{\"value\": \"1,00\", \"measuredOn\": \"2024-09-30\"}").json().get("value").decimalValue())
                .isEqualByComparingTo("100");

        HttpJson.Response yes = report(realized, "{\"value\": true, \"measuredOn\": \"2024-09-30\"}");
        assertThat(yes.status()).isEqualTo(201);
        assertThat(yes.json().get("value").decimalValue()).isEqualByComparingTo("1");
        assertThat(report(realized, "{\"value\": false, \"measuredOn\": \"2024-06-30\"}").json().get("value").decimalValue())
                .isEqualByComparingTo("0");
        assertRejected(report(realized, "{\"value\": \"たぶん\", \"measuredOn\": \"2024-09-30\"}"), "INVALID_VALUE", "true（実現）か false");

        HttpJson.Response text = report(qualitative, "{\"value\": \"職員向けＤＸ研修を３回実施した\", \"measuredOn\": \"2024-09-30\"}");
        assertThat(text.status()).isEqualTo(201);
        assertThat(text.json().get("text").asString()).isEqualTo("職員向けＤＸ研修を３回実施した");
        assertThat(text.json().path("value").isMissingNode() || text.json().path("value").isNull()).isTrue();
        assertRejected(report(qualitative, "{\"value\": \" \", \"measuredOn\": \"2024-09-30\"}"), "MISSING_VALUE", "必須");
    }

    @Test
    void datesMustLieWithinThePlanAndNotInTheFuture() {
        String kpi = plan.define(http, Kpi.count("d", "johoseisaku", "100", "1000"));

        assertRejected(report(kpi, "{\"value\": 300, \"measuredOn\": \"2024-11-26\"}"), "FUTURE_DATE", "未来の日付");
        HttpJson.Response before = report(kpi, "{\"value\": 300, \"measuredOn\": \"2021-03-31\"}");
        assertRejected(before, "OUTSIDE_PLAN_PERIOD", "計画期間");
        assertThat(before.json().get("detail").asString()).contains("令和3年4月1日");
        assertRejected(report(kpi, "{\"value\": 300}"), "MISSING_VALUE", "測定日");
        assertThat(report(kpi, "{\"value\": 300, \"measuredOn\": \"2021-04-01\"}").status()).isEqualTo(201);
        assertThat(http.post("/api/kpis/" + kpi + "/measurements", "{\"value\": 300, \"measuredOn\": \"2024-13-01\"}").status())
                .isEqualTo(400);
    }

    @Test
    void aCorrectionSupersedesTheValueAndTheHistoryKeepsBoth() {
        String kpi = plan.define(http, Kpi.percentage("rate", "shimin", "30", "90"));
        String original = report(kpi, "{\"value\": 45, \"measuredOn\": \"2024-09-30\", \"reportedBy\": \"市民課 田中\"}")
                .json().get("id").asString();

        // who corrects is the signed-in person of the department (a name in the body is not believed)
        HttpJson sato = http.as(TestTokens.token("市民課 佐藤", List.of("DEPARTMENT"), "462233", "shimin", List.of()));
        HttpJson.Response corrected = sato.post("/api/kpis/" + kpi + "/measurements/" + original + "/corrections",
                "{\"value\": 54, \"reason\": \"交付数の集計漏れ（出張申請分）\", \"correctedBy\": \"誰か\"}",
                Map.of("Idempotency-Key", "fix-" + original));
        assertThat(corrected.status()).isEqualTo(201);
        assertThat(corrected.json().get("supersedes").asString()).isEqualTo(original);
        assertThat(corrected.json().get("measuredOn").asString()).isEqualTo("2024-09-30");
        assertThat(corrected.json().get("period").asString()).isEqualTo("FY2024-Q2");

        var history = http.get("/api/kpis/" + kpi + "/measurements").json();
        assertThat(history).hasSize(2);
        assertThat(history.get(0).get("id").asString()).isEqualTo(original);
        assertThat(history.get(0).get("value").decimalValue()).isEqualByComparingTo("45");
        assertThat(history.get(0).get("state").asString()).isEqualTo("superseded");
        assertThat(history.get(0).get("supersededBy").asString()).isEqualTo(corrected.json().get("id").asString());
        assertThat(history.get(1).get("state").asString()).isEqualTo("current");
        assertThat(history.get(1).get("correctionReason").asString()).isEqualTo("交付数の集計漏れ（出張申請分）");
        assertThat(history.get(1).get("reportedBy").asString()).isEqualTo("市民課 佐藤");

        MeasurementRecordedV1 event = probe.awaitEvent(Events.MEASUREMENT_RECORDED,
                e -> original.equals(e.supersedes()));
        assertThat(event.correctionReason()).isEqualTo("交付数の集計漏れ（出張申請分）");
        org.awaitility.Awaitility.await().untilAsserted(() -> assertThat(
                http.get("/api/kpis/" + kpi + "/progress").json().get("latestValue").decimalValue()).isEqualByComparingTo("54"));

        HttpJson.Response replay = sato.post("/api/kpis/" + kpi + "/measurements/" + original + "/corrections",
                "{\"value\": 54, \"reason\": \"交付数の集計漏れ（出張申請分）\", \"correctedBy\": \"誰か\"}",
                Map.of("Idempotency-Key", "fix-" + original));
        assertThat(replay.status()).isEqualTo(200);
        HttpJson.Response twice = http.post("/api/kpis/" + kpi + "/measurements/" + original + "/corrections",
                "{\"value\": 55, \"reason\": \"再集計\"}");
        assertThat(twice.status()).isEqualTo(409);
        assertThat(twice.json().get("type").asString()).endsWith("measurement-already-corrected");
        assertThat(twice.json().get("detail").asString()).contains(corrected.json().get("id").asString());

        assertRejected(http.post("/api/kpis/" + kpi + "/measurements/" + corrected.json().get("id").asString()
                + "/corrections", "{\"value\": 55}"), "MISSING_REASON", "理由");
        assertThat(http.post("/api/kpis/" + kpi + "/measurements/msr-none/corrections",
                "{\"value\": 55, \"reason\": \"x\"}").status()).isEqualTo(404);
    }

    private HttpJson.Response report(String kpi, String body) {
        return http.post("/api/kpis/" + kpi + "/measurements", body, Map.of("Idempotency-Key", "k-" + UUID.randomUUID()));
    }

    private static void assertRejected(HttpJson.Response response, String reason, String detailJa) {
        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(response.json().get("reason").asString()).isEqualTo(reason);
        assertThat(response.json().get("detail").asString()).contains(detailJa);
        assertThat(response.json().at("/en/detail").asString()).isNotBlank();
    }
}
