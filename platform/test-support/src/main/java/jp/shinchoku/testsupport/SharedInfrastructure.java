package jp.shinchoku.testsupport;

import java.util.Map;
import java.util.UUID;

import jp.shinchoku.embedded.InProcessKafka;
import jp.shinchoku.embedded.InProcessMongo;

/**
 * One real Kafka broker and one MongoDB-wire store per test JVM, started on first use and stopped when the
 * JVM exits (Spring keeps application contexts alive across test classes, so they must outlive any class).
 */
public final class SharedInfrastructure {

    private static volatile SharedInfrastructure instance;

    private final InProcessKafka kafka;
    private final InProcessMongo mongo;

    private SharedInfrastructure() {
        this.kafka = InProcessKafka.startTemporary();
        this.mongo = InProcessMongo.startInMemory();
        Runtime.getRuntime().addShutdownHook(Thread.ofPlatform().unstarted(() -> {
            mongo.close();
            kafka.close();
        }));
    }

    public static SharedInfrastructure get() {
        if (instance == null) {
            synchronized (SharedInfrastructure.class) {
                if (instance == null) {
                    instance = new SharedInfrastructure();
                }
            }
        }
        return instance;
    }

    public String bootstrapServers() {
        return kafka.bootstrapServers();
    }

    public String mongoUri() {
        return mongo.connectionString();
    }

    /**
     * Properties that point one service instance at the shared broker and store, with a database and a
     * consumer group of its own, so that contexts of other test classes never share its data or partitions.
     */
    public Map<String, Object> serviceProperties(String serviceName) {
        return serviceProperties(serviceName, serviceName + "-" + UUID.randomUUID().toString().substring(0, 8));
    }

    /** The same, for an instance that reuses a database (a restart of that instance). */
    public Map<String, Object> serviceProperties(String serviceName, String isolation) {
        return Map.of(
                "spring.kafka.bootstrap-servers", bootstrapServers(),
                "spring.mongodb.uri", mongoUri(),
                "spring.mongodb.database", isolation,
                "spring.kafka.consumer.group-id", isolation,
                "shinchoku.kafka.retry-interval", "50ms",
                TestTokens.PUBLIC_KEY_PROPERTY, TestTokens.publicKeyLocation());
    }
}
