package jp.shinchoku.plan.plans;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import jp.shinchoku.contracts.Events;
import jp.shinchoku.contracts.Topics;
import jp.shinchoku.plan.PlanServiceApplication;
import jp.shinchoku.plan.plans.persistence.PlanDocument;
import jp.shinchoku.platform.outbox.OutboxEntry;
import jp.shinchoku.testsupport.EventProbe;
import jp.shinchoku.testsupport.HttpJson;
import jp.shinchoku.testsupport.RunningService;
import jp.shinchoku.testsupport.SharedInfrastructure;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * A plan service that dies after writing a plan and before sending its events: the events wait in the plan's
 * document, and the next instance on the same database sends them, once.
 */
class OutboxCrashRecoveryTest {

    @Test
    void eventsWrittenBeforeACrashArePublishedAfterTheRestart() throws Exception {
        String database = "plan-crash-" + UUID.randomUUID().toString().substring(0, 8);
        String planId;
        // 1. the write happens; the relay never runs in this instance (as if it died right after the write)
        RunningService crashed = start(database, false);
        try (EventProbe probe = EventProbe.open(SharedInfrastructure.get().bootstrapServers(), Topics.PLAN_EVENTS)) {
            try (crashed) {
                HttpJson.Response created = crashed.http().post("/api/plans", PlanApiTest.minimalPlan());
                assertThat(created.status()).isEqualTo(201);
                planId = created.json().get("id").asString();
                PlanDocument stored = crashed.bean(MongoTemplate.class).findById(planId, PlanDocument.class);
                assertThat(stored.outbox()).extracting(OutboxEntry::type)
                        .containsExactly("plan.published.v1", "kpi.defined.v1");
            }
            assertThat(probe.events(Events.PLAN_PUBLISHED, e -> e.planId().equals(planId))).isEmpty();

            // 2. a new instance on the same database publishes what was left
            try (RunningService restarted = start(database, true)) {
                probe.awaitEvent(Events.PLAN_PUBLISHED, e -> e.planId().equals(planId));
                await().untilAsserted(() -> assertThat(
                        restarted.bean(MongoTemplate.class).findById(planId, PlanDocument.class).outbox()).isEmpty());
                assertThat(probe.events(Events.PLAN_PUBLISHED, e -> e.planId().equals(planId))).hasSize(1);
            }
        }
    }

    private static RunningService start(String database, boolean relayEnabled) {
        Map<String, Object> properties = new HashMap<>(SharedInfrastructure.get().serviceProperties("plan-service", database));
        properties.put("server.port", 0);
        properties.put("shinchoku.outbox.relay-enabled", relayEnabled);
        return RunningService.start(PlanServiceApplication.class, properties);
    }
}
