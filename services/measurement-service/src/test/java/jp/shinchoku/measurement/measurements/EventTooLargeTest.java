package jp.shinchoku.measurement.measurements;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.micrometer.core.instrument.MeterRegistry;
import jp.shinchoku.contracts.Events;
import jp.shinchoku.contracts.Topics;
import jp.shinchoku.measurement.TestKpis;
import jp.shinchoku.platform.outbox.SetAsideEvents;
import jp.shinchoku.testsupport.EventProbe;
import jp.shinchoku.testsupport.HttpJson;
import jp.shinchoku.testsupport.SharedInfrastructure;
import jp.shinchoku.testsupport.ShinchokuServiceTest;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * An event the broker refuses for good never holds up the others: it is set aside in its document with the reason and
 * counted, and later reports flow on. Here the producer takes records of 12 KB at the most, so a qualitative report
 * with the longest text and comment intake accepts (4,000 and 2,000 characters, 18 KB) makes an event it refuses; a
 * comment beyond what intake accepts is refused at once.
 */
@ShinchokuServiceTest(properties = {"shinchoku.clock.start-date=2024-11-25",
        "spring.kafka.producer.properties.max.request.size=12000", "shinchoku.outbox.sweep-interval=1s"})
class EventTooLargeTest {

    @LocalServerPort
    int port;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    MeterRegistry meters;

    @Test
    void anEventTheBrokerRefusesIsSetAsideAndTheRestFlow() {
        HttpJson http = HttpJson.onPort(port);
        String kpi = new TestKpis().define(http, TestKpis.Kpi.qualitative("big", "johoseisaku"));
        try (EventProbe probe = EventProbe.open(SharedInfrastructure.get().bootstrapServers(), Topics.MEASUREMENT_EVENTS)) {
            HttpJson.Response refused = http.post("/api/kpis/" + kpi + "/measurements",
                    "{\"value\": 1, \"measuredOn\": \"2024-06-30\", \"comment\": \"" + "あ".repeat(2_001) + "\"}",
                    Map.of("Idempotency-Key", "refused-" + UUID.randomUUID()));
            assertThat(refused.status()).isEqualTo(400);
            assertThat(refused.json().get("detail").asString()).contains("コメントは2000文字までです");
            HttpJson.Response tooLarge = http.post("/api/kpis/" + kpi + "/measurements",
                    "{\"value\": \"" + "あ".repeat(4_000) + "\", \"measuredOn\": \"2024-06-30\", \"comment\": \""
                            + "い".repeat(2_000) + "\"}",
                    Map.of("Idempotency-Key", "huge-" + UUID.randomUUID()));
            assertThat(tooLarge.status()).isEqualTo(201);
            String stuck = tooLarge.json().get("id").asString();

            List<String> later = List.of("2024-07-31", "2024-08-31", "2024-09-30").stream().map(day -> http.post(
                    "/api/kpis/" + kpi + "/measurements", "{\"value\": \"窓口の案内を更新\", \"measuredOn\": \"" + day + "\"}",
                    Map.of("Idempotency-Key", "later-" + day + UUID.randomUUID())).json().get("id").asString()).toList();

            for (String id : later) {
                probe.awaitEvent(Events.MEASUREMENT_RECORDED, e -> e.measurementId().equals(id));
            }
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                Document stored = mongo.getCollection("measurements").find(new Document("_id", stuck)).first();
                assertThat(stored.getList("outbox", Document.class)).isEmpty();
                assertThat(stored.getList("outboxSetAside", Document.class)).singleElement()
                        .satisfies(aside -> assertThat(aside.getString("reason")).contains("RecordTooLarge"));
            });
            assertThat(meters.get("shinchoku.outbox.set-aside").counter().count()).isGreaterThanOrEqualTo(1);
            assertThat(probe.events(Events.MEASUREMENT_RECORDED, e -> e.measurementId().equals(stuck))).isEmpty();

            // sent again (OutboxRedrive): back in the outbox, the sweep sends it; still too large here, so set aside again
            double before = meters.get("shinchoku.outbox.set-aside").counter().count();
            assertThat(SetAsideEvents.sendAgain(mongo.getDb())).isEqualTo(1);
            Document back = mongo.getCollection("measurements").find(new Document("_id", stuck)).first();
            assertThat(back.getList("outboxSetAside", Document.class)).isEmpty();
            await().atMost(Duration.ofSeconds(30)).until(() ->
                    meters.get("shinchoku.outbox.set-aside").counter().count() > before);
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(mongo.getCollection("measurements")
                    .find(new Document("_id", stuck)).first().getList("outboxSetAside", Document.class)).hasSize(1));
        }
    }
}
