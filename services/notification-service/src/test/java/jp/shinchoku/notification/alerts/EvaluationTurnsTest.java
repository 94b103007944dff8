package jp.shinchoku.notification.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jp.shinchoku.contracts.Events;
import jp.shinchoku.contracts.measurement.KpiProgressChangedV1;
import jp.shinchoku.contracts.plan.KpiDefinedV1;
import jp.shinchoku.notification.kpis.KpiWatch;
import jp.shinchoku.notification.kpis.KpiWatchRepository;
import jp.shinchoku.notification.plans.PlanWatchRepository;
import jp.shinchoku.testsupport.HttpJson;
import jp.shinchoku.testsupport.SharedInfrastructure;
import jp.shinchoku.testsupport.ShinchokuServiceTest;
import jp.shinchoku.testsupport.TestEvents;
import jp.shinchoku.platform.inbox.ProcessedEvents;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * The whole evaluation (daily and at start-up) and the evaluation of a progress change never interleave: on
 * 15 April 2024, two weeks past a KPI's deadline, the daily evaluation has read the KPI as it was (遅れ, judged on
 * 2023-10-02) when the measurement service's judgement 未達 arrives. The 未達 alert that judgement raises must stay
 * firing: the daily evaluation, judging what it read, would otherwise resolve it.
 */
@ShinchokuServiceTest(properties = "shinchoku.clock.start-date=2024-04-15")
class EvaluationTurnsTest {

    private static final LocalDate DUE = LocalDate.parse("2024-03-31");

    @LocalServerPort
    int port;

    @Autowired
    AlertService alerts;

    @Autowired
    KpiWatchRepository kpis;

    @Autowired
    PlanWatchRepository plans;

    @Autowired
    ProcessedEvents processed;

    private final String kafka = SharedInfrastructure.get().bootstrapServers();

    @Test
    void aChangeJudgedWhileTheDailyEvaluationRunsIsNotUndoneByIt() {
        HttpJson http = HttpJson.onPort(port);
        String kpiId = "pln-t." + UUID.randomUUID();
        KpiDefinedV1 sample = TestEvents.sample(Events.KPI_DEFINED);
        TestEvents.publish(kafka, Events.KPI_DEFINED, new KpiDefinedV1(kpiId, "pln-t", null, "3", "3-1", "施策", "shimin",
                "マイナンバーカードの普及率", "%", "percentage", "increase", sample.baseline(),
                new KpiDefinedV1.Target(sample.target().value(), DUE), 1, null, null, null, false));
        String behind = TestEvents.publish(kafka, Events.KPI_PROGRESS_CHANGED, progress(kpiId, "2023-10-02", null, "BEHIND"));
        // 遅れ judged and its own evaluation over (the consumer records an event as handled after evaluating it)
        await().until(() -> processed.handledOf("notification-kpi-progress", List.of(behind)).contains(behind));
        assertThat(kpis.find(kpiId).map(KpiWatch::status)).contains("BEHIND");

        alerts.evaluateAll(() -> {
            List<KpiWatch> asRead = kpis.findAll();
            TestEvents.publish(kafka, Events.KPI_PROGRESS_CHANGED, progress(kpiId, "2024-04-15", "BEHIND", "MISSED"));
            await().until(() -> kpis.find(kpiId).map(KpiWatch::status).orElse("").equals("MISSED"));
            try {
                // the change's own evaluation waits for this one to end; were it not to, 未達 fires meanwhile
                await().atMost(Duration.ofSeconds(3)).until(() -> firing(http, kpiId).contains("KPI_MISSED"));
            } catch (ConditionTimeoutException waitingItsTurn) {
                // as it should
            }
            return asRead;
        }, plans::findAll);

        await().until(() -> firing(http, kpiId).contains("KPI_MISSED"));
        alerts.evaluateAll(kpis::findAll, plans::findAll);
        assertThat(firing(http, kpiId)).as("the next evaluation, reading the KPI as it is now").contains("KPI_MISSED");
    }

    private static KpiProgressChangedV1 progress(String kpiId, String asOf, String previous, String status) {
        return new KpiProgressChangedV1(kpiId, "pln-t", "shimin", LocalDate.parse(asOf), new BigDecimal("12.5"),
                new BigDecimal("0.2105"), new BigDecimal("0.9170"), previous, status, DUE, "C", null);
    }

    private static List<String> firing(HttpJson http, String kpiId) {
        JsonNode inbox = http.get("/api/inbox?state=FIRING").json();
        return inbox.valueStream().filter(alert -> kpiId.equals(alert.at("/labels/kpiId").asString()))
                .map(alert -> alert.get("rule").asString()).toList();
    }
}
