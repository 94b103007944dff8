package jp.shinchoku.launcher;

import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.mongodb.MongoDBContainer;

/**
 * The same end-to-end scenario on real {@code apache/kafka} and {@code mongo} images. It runs wherever Docker
 * does and is reported as skipped where it does not (as on the development machines here).
 */
@Testcontainers(disabledWithoutDocker = true)
class EndToEndContainersTest extends EndToEndScenario {

    @Container
    static final KafkaContainer KAFKA = new KafkaContainer("apache/kafka:4.1.1");

    @Container
    static final MongoDBContainer MONGO = new MongoDBContainer("mongo:8.0");

    @Override
    String kafkaBootstrapServers() {
        return KAFKA.getBootstrapServers();
    }

    @Override
    String mongoUri() {
        return MONGO.getConnectionString();
    }
}
