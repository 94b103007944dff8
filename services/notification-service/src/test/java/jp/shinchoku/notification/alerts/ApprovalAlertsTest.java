package jp.shinchoku.notification.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jp.shinchoku.contracts.Events;
import jp.shinchoku.contracts.measurement.MeasurementRecordedV1;
import jp.shinchoku.contracts.measurement.MeasurementReviewedV1;
import jp.shinchoku.contracts.plan.KpiDefinedV1;
import jp.shinchoku.testsupport.HttpJson;
import jp.shinchoku.testsupport.SharedInfrastructure;
import jp.shinchoku.testsupport.ShinchokuServiceTest;
import jp.shinchoku.testsupport.TestEvents;
import jp.shinchoku.notification.kpis.KpiWatchRepository;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * The measurement service's approval events as this service takes them: a returned report reaches its department's
 * inbox with the reason, and the correction that answers it resolves the alert; heard before the KPI's definition, it
 * is the same alert once the definition names the KPI.
 */
@ShinchokuServiceTest(properties = "shinchoku.clock.start-date=2025-02-17")
class ApprovalAlertsTest {

    @LocalServerPort
    int port;

    @Autowired
    KpiWatchRepository kpis;

    final String kafka = SharedInfrastructure.get().bootstrapServers();
    final String department = "dept-" + UUID.randomUUID().toString().substring(0, 8);
    final String planId = "pln-" + UUID.randomUUID().toString().substring(0, 8);

    @Test
    void aReturnedReportReachesItsDepartmentUntilItIsCorrected() {
        HttpJson http = HttpJson.onPort(port);
        String kpiId = planId + ".1-1.apps";
        define(kpiId);
        await().until(() -> kpis.find(kpiId).map(watch -> watch.name() != null).orElse(false));
        String submitted = submitAndReturn(kpiId);

        await().until(() -> returned(http, "FIRING").isPresent());
        JsonNode alert = returned(http, "FIRING").orElseThrow();
        assertThat(alert.get("summaryJa").asString()).contains("令和6年度第3四半期", "集計時点を四半期末に揃えてください");
        assertThat(alert.at("/labels/measurementId").asString()).isEqualTo(submitted);

        TestEvents.publish(kafka, Events.MEASUREMENT_RECORDED, new MeasurementRecordedV1("msr-" + UUID.randomUUID(), kpiId,
                planId, department, BigDecimal.valueOf(42), LocalDate.parse("2024-12-31"), department,
                Instant.parse("2025-02-17T01:00:00Z"), null, "FY2024-Q3", null, submitted, "四半期末で再集計", null, null,
                true));
        await().until(() -> returned(http, "RESOLVED").isPresent());
        assertThat(returned(http, "FIRING")).isEmpty();
    }

    @Test
    void aReturnHeardBeforeItsKpisDefinitionIsTheSameAlertOnceTheKpiIsNamed() {
        HttpJson http = HttpJson.onPort(port);
        String kpiId = planId + ".1-1.apps";
        submitAndReturn(kpiId);
        await().until(() -> returned(http, "FIRING").isPresent());
        JsonNode before = returned(http, "FIRING").orElseThrow();
        assertThat(before.get("summaryJa").asString()).contains(kpiId).doesNotContain("オンライン申請件数");
        assertThat(before.at("/labels/measure").isMissingNode()).isTrue();

        define(kpiId);
        await().until(() -> returned(http, "FIRING").map(alert -> alert.get("summaryJa").asString())
                .filter(summary -> summary.contains("オンライン申請件数")).isPresent());
        JsonNode named = returned(http, "FIRING").orElseThrow();
        assertThat(named.get("id").asString()).isEqualTo(before.get("id").asString());
        assertThat(named.get("firstRaisedAt").asString()).isEqualTo(before.get("firstRaisedAt").asString());
        assertThat(named.at("/labels/measure").asString()).isEqualTo("1-1");
        assertThat(named.at("/labels/planId").asString()).isEqualTo(planId);
        assertThat(returned(http, "RESOLVED")).as("nothing resolved and raised again under new labels").isEmpty();
        assertThat(http.get("/api/inbox?receiver=department:" + department).json().valueStream()
                .filter(alert -> "REPORT_RETURNED".equals(alert.get("rule").asString())).count()).isEqualTo(1);
    }

    private void define(String kpiId) {
        TestEvents.publish(kafka, Events.KPI_DEFINED, new KpiDefinedV1(kpiId, planId, "462233", "1", "1-1", "電子申請の拡充",
                department, "オンライン申請件数", "件", "count", "increase", null, new KpiDefinedV1.Target(
                        BigDecimal.valueOf(100), LocalDate.parse("2028-03-31")), 1, null, null, List.of(), false,
                "行政手続のオンライン化", "cumulative", "quarterly", new KpiDefinedV1.PlanPeriod(2021, 2027)));
    }

    /** 提出 of 令和6年度第3四半期 and the 推進本部's 差戻し; returns the report's id. */
    private String submitAndReturn(String kpiId) {
        String submitted = "msr-" + UUID.randomUUID();
        TestEvents.publish(kafka, Events.MEASUREMENT_RECORDED, new MeasurementRecordedV1(submitted, kpiId, planId,
                department, BigDecimal.valueOf(40), LocalDate.parse("2024-12-31"), department,
                Instant.parse("2025-02-03T01:00:00Z"), null, "FY2024-Q3", null, null, null, null, null, true));
        TestEvents.publish(kafka, Events.MEASUREMENT_REVIEWED, new MeasurementReviewedV1(submitted, kpiId, planId,
                "462233", department, "FY2024-Q3", "RETURNED", "集計時点を四半期末に揃えてください", "hq-tanaka",
                Instant.parse("2025-02-14T02:00:00Z")));
        return submitted;
    }

    private Optional<JsonNode> returned(HttpJson http, String state) {
        return http.get("/api/inbox?receiver=department:" + department + "&state=" + state).json().valueStream()
                .filter(alert -> "REPORT_RETURNED".equals(alert.get("rule").asString())).findFirst();
    }
}
