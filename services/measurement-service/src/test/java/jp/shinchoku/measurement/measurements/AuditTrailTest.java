package jp.shinchoku.measurement.measurements;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.util.List;

import jp.shinchoku.contracts.Events;
import jp.shinchoku.contracts.measurement.MeasurementReportedV1;
import jp.shinchoku.measurement.TestKpis.Kpi;
import jp.shinchoku.measurement.TestKpis;
import jp.shinchoku.testsupport.HttpJson;
import jp.shinchoku.testsupport.SharedInfrastructure;
import jp.shinchoku.testsupport.ShinchokuServiceTest;
import jp.shinchoku.testsupport.TestEvents;
import jp.shinchoku.testsupport.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;

/**
 * Every report and correction, by REST, CSV or the ingress, is in the audit trail once, with who (from the token),
 * from where, and before and after (read from the measurements themselves, never written twice); the 推進本部 reads
 * its own municipality's and exports it as CSV; nothing changes it.
 */
@ShinchokuServiceTest(properties = "shinchoku.clock.start-date=2024-11-25")
class AuditTrailTest {

    @LocalServerPort
    int port;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    final TestKpis plan = new TestKpis();

    @Test
    void reportsAndCorrectionsAreEnteredOnceWithWhoWhereAndBeforeAndAfter() {
        HttpJson admin = HttpJson.onPort(port);
        String kpi = plan.define(admin, Kpi.percentage("rate", "shimin", "30", "90"));
        HttpJson department = admin.as(TestTokens.token("市民課 佐藤", List.of("DEPARTMENT"), "462233", "shimin", List.of()));
        HttpJson hq = admin.as(TestTokens.hq("462233"));

        String first = department.post("/api/kpis/" + kpi + "/measurements",
                "{\"value\": 40, \"measuredOn\": \"2024-09-30\", \"comment\": \"9月末\"}").json().get("id").asString();
        department.post("/api/kpis/" + kpi + "/measurements/" + first + "/corrections",
                "{\"value\": 41.5, \"reason\": \"集計漏れ\"}");
        department.postBytes("/api/measurements/csv", ("kpiId,value,measuredOn\n" + kpi + ",45,2024-10-31\n")
                .getBytes(StandardCharsets.UTF_8), "text/csv");
        MeasurementReportedV1 report = new MeasurementReportedV1(kpi, "47", "2024-11-15", null, null, null, null, null,
                null);
        String system = TestTokens.system("462233", "shimin");
        String eventId = TestEvents.publishAs(SharedInfrastructure.get().bootstrapServers(), system,
                Events.MEASUREMENT_REPORTED, report);
        TestEvents.publishAs(SharedInfrastructure.get().bootstrapServers(), system, Events.MEASUREMENT_REPORTED, report,
                eventId);
        await().until(() -> entries(hq, kpi).size() >= 4);

        JsonNode entries = entries(hq, kpi);
        assertThat(entries.valueStream().map(e -> e.get("action").asString() + " by " + e.get("actor").asString()))
                .as("newest first, the ingress report once although delivered twice").containsExactly(
                        "measurement.reported by system-shimin@462233",
                        "measurement.reported by 市民課 佐藤",
                        "measurement.corrected by 市民課 佐藤",
                        "measurement.reported by 市民課 佐藤");
        JsonNode correction = entries.get(2);
        assertThat(correction.at("/before/value").asString()).isEqualTo("40");
        assertThat(correction.at("/before/measurement").asString()).isEqualTo(first);
        assertThat(correction.at("/after/value").asString()).isEqualTo("41.5");
        assertThat(correction.at("/after/reason").asString()).isEqualTo("集計漏れ");
        assertThat(correction.get("source").asString()).isEqualTo("127.0.0.1");
        assertThat(correction.get("municipality").asString()).isEqualTo("462233");
        assertThat(correction.get("department").asString()).isEqualTo("shimin");
        assertThat(entries.get(0).get("source").asString()).isEqualTo("kafka:shinchoku.measurement.reports");
        assertThat(entries.get(3).at("/after/comment").asString()).isEqualTo("9月末");

        // by who, by what
        assertThat(hq.get("/api/audit?target=" + kpi + "&actor=" + HttpJson.encode("市民課 佐藤")).json()).hasSize(3);
        assertThat(hq.get("/api/audit?target=" + kpi + "&action=measurement.corrected").json()).hasSize(1);
        assertThat(hq.get("/api/audit?target=" + kpi + "&from=" + HttpJson.encode("令和7年度")).json()).isEmpty();
    }

    @Test
    void theHeadquartersReadsItsOwnMunicipalitysTrailAndExportsIt() {
        HttpJson admin = HttpJson.onPort(port);
        String kpi = plan.define(admin, Kpi.percentage("rate", "shimin", "30", "90"));
        admin.as(TestTokens.token("=SUM(1+1)", List.of("DEPARTMENT"), "462233", "shimin", List.of()))
                .post("/api/kpis/" + kpi + "/measurements", "{\"value\": 40, \"measuredOn\": \"2024-09-30\"}");

        HttpJson.Response csv = admin.as(TestTokens.hq("462233")).get("/api/audit/export?target=" + kpi);
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.contentType()).startsWith("text/csv");
        assertThat(csv.body()).startsWith("\uFEFF日時,サービス,実施者,ロール,接続元,団体,部署,操作,対象,変更前,変更後\r\n");
        assertThat(csv.body()).contains("measurement.reported").contains(",measurement-service,");
        assertThat(csv.body()).as("a cell a spreadsheet would run is defused").contains(",'=SUM(1+1),")
                .doesNotContain(",=SUM");

        assertThat(admin.as(TestTokens.hq("999999")).get("/api/audit?municipality=462233").status())
                .as("another municipality's trail does not exist for it").isEqualTo(404);
        assertThat(admin.as(TestTokens.hq("999999")).get("/api/audit?target=" + kpi).json())
                .as("its own trail has nothing of it").isEmpty();
        assertThat(admin.as(TestTokens.department("462233", "shimin")).get("/api/audit").status()).isEqualTo(403);
        assertThat(admin.anonymous().get("/api/audit").status()).isEqualTo(401);
        assertThat(admin.as(TestTokens.prefecture("462233")).get("/api/audit?target=" + kpi).json()).hasSize(1);
    }

    @Test
    void noEndpointChangesTheTrail() {
        assertThat(mappings.getHandlerMethods().keySet().stream()
                .filter(info -> info.getPatternValues().stream().anyMatch(path -> path.startsWith("/api/audit")))
                .flatMap(info -> info.getMethodsCondition().getMethods().stream()))
                .isNotEmpty().containsOnly(RequestMethod.GET);
        assertThat(HttpJson.onPort(port).send("DELETE", "/api/audit", null).status()).isEqualTo(405);
    }

    private static JsonNode entries(HttpJson hq, String kpi) {
        return hq.get("/api/audit?target=" + kpi).json();
    }
}
