package jp.shinchoku.notification.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jp.shinchoku.contracts.Events;
import jp.shinchoku.contracts.measurement.MeasureEvaluationChangedV1;
import jp.shinchoku.contracts.plan.KpiDefinedV1;
import jp.shinchoku.notification.kpis.KpiWatchRepository;
import jp.shinchoku.notification.plans.PlanWatchRepository;
import jp.shinchoku.testsupport.HttpJson;
import jp.shinchoku.testsupport.SharedInfrastructure;
import jp.shinchoku.testsupport.ShinchokuServiceTest;
import jp.shinchoku.testsupport.TestEvents;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * The measurement service's 施策評価 events as this service takes them, on 2 June 2025 (the 自己評価 of 令和6年度 were
 * due 5月31日): 総務課 has submitted, so the 推進本部 is told it waits; 企画課 has not, so it and the 推進本部 are told it is
 * late; the 推進本部's evaluation ends the wait, and a submission delivered again afterwards does not bring it back.
 */
@ShinchokuServiceTest(properties = "shinchoku.clock.start-date=2025-06-02")
class EvaluationAlertsTest {

    @LocalServerPort
    int port;

    @Autowired
    KpiWatchRepository kpis;

    @Autowired
    PlanWatchRepository plans;

    @Autowired
    AlertService alerts;

    final String kafka = SharedInfrastructure.get().bootstrapServers();
    final String planId = "pln-" + UUID.randomUUID().toString().substring(0, 8);

    @Test
    void submittedEvaluationsWaitForThe推進本部AndUnsubmittedOnesAreLate() {
        HttpJson http = HttpJson.onPort(port);
        define(planId + ".1-1.1", "1-1", "somu");
        define(planId + ".2-1.1", "2-1", "kikaku");
        await().until(() -> kpis.findByPlan(planId).size() == 2
                && kpis.findByPlan(planId).stream().allMatch(watch -> watch.name() != null));

        TestEvents.publish(kafka, Events.MEASURE_EVALUATION_CHANGED, changed("1-1", "somu", "SUBMITTED",
                "2025-05-28T01:00:00Z"));
        await().until(() -> firing(http, "EVALUATION_WAITING").size() == 1);
        assertThat(firing(http, "EVALUATION_WAITING").getFirst().get("summaryJa").asString())
                .contains("令和6年度の自己評価1件が推進本部の評価を待っています");
        JsonNode late = firing(http, "EVALUATION_OVERDUE").getFirst();
        assertThat(late.at("/labels/departmentCode").asString()).isEqualTo("kikaku");
        assertThat(late.get("receivers").valueStream().map(JsonNode::asString))
                .containsExactly("department:kikaku", "promotion-hq");
        assertThat(firing(http, "EVALUATION_OVERDUE")).as("総務課 has submitted its only measure").hasSize(1);

        TestEvents.publish(kafka, Events.MEASURE_EVALUATION_CHANGED, changed("1-1", "somu", "EVALUATED",
                "2025-06-02T01:00:00Z"));
        await().until(() -> firing(http, "EVALUATION_WAITING").isEmpty());
        TestEvents.publish(kafka, Events.MEASURE_EVALUATION_CHANGED, changed("1-1", "somu", "SUBMITTED",
                "2025-05-28T01:00:00Z"));
        await().until(() -> plans.find(planId).orElseThrow().evaluation("1-1", 2024).orElseThrow().state()
                .equals("EVALUATED"));
        alerts.evaluateAll(kpis::findAll, plans::findAll);
        assertThat(firing(http, "EVALUATION_WAITING")).as("a submission delivered again changes nothing").isEmpty();
        assertThat(firing(http, "EVALUATION_OVERDUE")).hasSize(1);
    }

    private void define(String kpiId, String measure, String department) {
        TestEvents.publish(kafka, Events.KPI_DEFINED, new KpiDefinedV1(kpiId, planId, "462233", measure.substring(0, 1),
                measure, "施策" + measure, department, "指標" + measure, "件", "count", "increase", null,
                new KpiDefinedV1.Target(BigDecimal.valueOf(100), LocalDate.parse("2028-03-31")), 1, null, null,
                List.of(), false, "柱", "cumulative", "annual", new KpiDefinedV1.PlanPeriod(2021, 2027)));
    }

    private MeasureEvaluationChangedV1 changed(String measure, String department, String state, String at) {
        return new MeasureEvaluationChangedV1(planId + ":" + measure + ":FY2024", planId, "462233", measure, department,
                2024, state, "B", "CONTINUE", state.equals("EVALUATED") ? "B" : null,
                state.equals("EVALUATED") ? "CONTINUE" : null, "someone", Instant.parse(at));
    }

    private List<JsonNode> firing(HttpJson http, String rule) {
        return http.get("/api/inbox?receiver=promotion-hq&state=FIRING&plan=" + planId).json().valueStream()
                .filter(alert -> rule.equals(alert.get("rule").asString())).toList();
    }
}
