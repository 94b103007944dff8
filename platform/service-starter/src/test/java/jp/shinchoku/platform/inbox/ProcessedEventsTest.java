package jp.shinchoku.platform.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import jp.shinchoku.embedded.InProcessMongo;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;

/** Handled-event records, one read and one write per batch, expiring after the retention on the wall clock. */
class ProcessedEventsTest {

    @Test
    void aBatchIsCheckedAndRecordedOnceAndEachRecordExpiresAfterTheRetention() {
        try (InProcessMongo store = InProcessMongo.startInMemory();
                MongoClient client = MongoClients.create(store.connectionString())) {
            MongoTemplate mongo = new MongoTemplate(client, "inbox");
            // a simulated day years back: expiry still follows the wall clock the store's TTL monitor reads
            Clock simulated = Clock.fixed(Instant.parse("2020-04-01T00:00:00Z"), ZoneOffset.UTC);
            ProcessedEvents processed = new ProcessedEvents(mongo, simulated, Duration.ofDays(30));

            processed.handledAll("consumer", List.of("e1", "e2"));
            processed.handledAll("consumer", List.of("e2", "e3"));

            assertThat(processed.handledOf("consumer", List.of("e1", "e2", "e3", "e4")))
                    .containsExactlyInAnyOrder("e1", "e2", "e3");
            assertThat(processed.handledOf("other", List.of("e1"))).isEmpty();
            Instant expected = Instant.now().plus(Duration.ofDays(30));
            for (Document record : mongo.getCollection(ProcessedEvents.COLLECTION).find()) {
                Instant expires = record.get(ProcessedEvents.EXPIRES, Date.class).toInstant();
                assertThat(Duration.between(expires, expected).abs()).isLessThan(Duration.ofMinutes(1));
            }
            assertThat(mongo.getCollection(ProcessedEvents.COLLECTION).countDocuments()).isEqualTo(3);
        }
    }
}
