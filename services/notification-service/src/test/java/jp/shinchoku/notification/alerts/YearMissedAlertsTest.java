package jp.shinchoku.notification.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jp.shinchoku.contracts.Events;
import jp.shinchoku.contracts.measurement.KpiProgressChangedV1;
import jp.shinchoku.contracts.measurement.KpiYearJudgedV1;
import jp.shinchoku.contracts.plan.KpiDefinedV1;
import jp.shinchoku.testsupport.HttpJson;
import jp.shinchoku.testsupport.SharedInfrastructure;
import jp.shinchoku.testsupport.ShinchokuServiceTest;
import jp.shinchoku.testsupport.TestEvents;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * The measurement service's year verdicts as this service takes them, on 1 April 2025: 令和6年度 judged 未達 the
 * morning after it ended raises KPI_MISSED for that year (the year a label); 令和3年度, judged now because the plan came
 * into the system late, is not alerted; a correction that makes 令和6年度 達成 resolves its alert.
 */
@ShinchokuServiceTest(properties = "shinchoku.clock.start-date=2025-04-01")
class YearMissedAlertsTest {

    @LocalServerPort
    int port;

    @org.springframework.beans.factory.annotation.Autowired
    jp.shinchoku.notification.kpis.KpiWatchRepository kpis;

    final String kafka = SharedInfrastructure.get().bootstrapServers();

    @Test
    void aYearMissedTheMorningAfterItEndedIsAlertedForThatYear() {
        HttpJson http = HttpJson.onPort(port);
        String planId = "pln-" + UUID.randomUUID().toString().substring(0, 8);
        String kpiId = planId + ".4-2.1";
        TestEvents.publish(kafka, Events.KPI_DEFINED, new KpiDefinedV1(kpiId, planId, "462233", "4", "4-2", "研修",
                "somu", "研修の実施回数", "回", "recurring", "increase", null, null, 1,
                new KpiDefinedV1.Recurrence(2, "fiscal-year"), null, List.of(), false, "デジタル人材", "cumulative",
                "annual", new KpiDefinedV1.PlanPeriod(2021, 2025)));
        // the KPI is known first, as in life: an alert's labels (plan, measure, department) come from its definition
        await().until(() -> kpis.find(kpiId).map(watch -> watch.name() != null).orElse(false));
        TestEvents.publish(kafka, Events.KPI_PROGRESS_CHANGED, new KpiProgressChangedV1(kpiId, planId, "somu",
                LocalDate.parse("2025-04-01"), BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, "ON_TRACK", "ON_TRACK",
                null, "C", "C"));
        TestEvents.publish(kafka, Events.KPI_YEAR_JUDGED, judged(kpiId, planId, 2021, "MISSED"));
        TestEvents.publish(kafka, Events.KPI_YEAR_JUDGED, judged(kpiId, planId, 2024, "MISSED"));

        await().until(() -> !missed(http, kpiId, "FIRING").isEmpty());
        List<JsonNode> firing = missed(http, kpiId, "FIRING");
        assertThat(firing).extracting(alert -> alert.at("/labels/fiscalYear").asString()).containsExactly("FY2024");
        assertThat(firing.getFirst().get("summaryJa").asString()).contains("令和6年度の目標（2）に対し実績1で未達");

        TestEvents.publish(kafka, Events.KPI_YEAR_JUDGED, judged(kpiId, planId, 2024, "ACHIEVED"));
        await().until(() -> missed(http, kpiId, "FIRING").isEmpty());
        assertThat(missed(http, kpiId, "RESOLVED")).extracting(alert -> alert.at("/labels/fiscalYear").asString())
                .containsExactly("FY2024");
    }

    private static KpiYearJudgedV1 judged(String kpiId, String planId, int year, String verdict) {
        return new KpiYearJudgedV1(kpiId, planId, "462233", "somu", year, BigDecimal.ONE, BigDecimal.valueOf(2), verdict,
                null, List.of(), LocalDate.parse("2025-04-01"));
    }

    private static List<JsonNode> missed(HttpJson http, String kpiId, String state) {
        return http.get("/api/inbox?state=" + state).json().valueStream()
                .filter(alert -> kpiId.equals(alert.at("/labels/kpiId").asString()))
                .filter(alert -> "KPI_MISSED".equals(alert.get("rule").asString())).toList();
    }
}
