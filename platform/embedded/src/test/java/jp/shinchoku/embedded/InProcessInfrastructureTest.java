package jp.shinchoku.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import com.mongodb.client.MongoClients;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InProcessInfrastructureTest {

    @TempDir
    Path dir;

    @Test
    void brokerKeepsRecordsAcrossARestartOnTheSameDirectory() throws Exception {
        Path logDir = dir.resolve("kafka");
        String topic = "restart-" + UUID.randomUUID();
        try (InProcessKafka kafka = InProcessKafka.start(logDir, 0)) {
            try (Admin admin = Admin.create(Map.of("bootstrap.servers", kafka.bootstrapServers()))) {
                admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get();
            }
            try (var producer = new KafkaProducer<>(Map.<String, Object>of("bootstrap.servers", kafka.bootstrapServers()),
                    new StringSerializer(), new StringSerializer())) {
                producer.send(new ProducerRecord<>(topic, "k", "進捗")).get();
            }
        }
        try (InProcessKafka kafka = InProcessKafka.start(logDir, 0)) {
            Properties props = new Properties();
            props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
            props.put(ConsumerConfig.GROUP_ID_CONFIG, "restart-test");
            props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
            try (var consumer = new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer())) {
                consumer.subscribe(List.of(topic));
                var values = new java.util.ArrayList<String>();
                long until = System.nanoTime() + Duration.ofSeconds(30).toNanos();
                while (values.isEmpty() && System.nanoTime() < until) {
                    consumer.poll(Duration.ofMillis(200)).forEach(r -> values.add(r.value()));
                }
                assertThat(values).containsExactly("進捗");
            }
        }
    }

    @Test
    void persistentStoreKeepsDocumentsAcrossARestart() {
        Path file = dir.resolve("store");
        try (InProcessMongo mongo = InProcessMongo.startPersistent(file, 0);
                var client = MongoClients.create(mongo.connectionString())) {
            client.getDatabase("plan").getCollection("plans").insertOne(new Document("_id", "p1").append("title", "計画"));
        }
        try (InProcessMongo mongo = InProcessMongo.startPersistent(file, 0);
                var client = MongoClients.create(mongo.connectionString())) {
            Document found = client.getDatabase("plan").getCollection("plans").find(new Document("_id", "p1")).first();
            assertThat(found).isNotNull();
            assertThat(found.getString("title")).isEqualTo("計画");
        }
    }
}
