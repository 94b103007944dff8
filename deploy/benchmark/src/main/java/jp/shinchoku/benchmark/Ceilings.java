package jp.shinchoku.benchmark;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.bson.Document;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * What the broker and the store can do on their own on this machine, measured in the same run as the pipeline: a
 * Kafka consume → parse → produce loop over report-sized JSON records, and bulk inserts of measurement-sized documents.
 */
final class Ceilings {

    private Ceilings() {
    }

    /** Records per second through consume → parse JSON → produce, one consumer and one producer, batched. */
    static double kafka(String bootstrapServers, int records) throws Exception {
        String in = "bench.ceiling.in." + UUID.randomUUID();
        String out = "bench.ceiling.out." + UUID.randomUUID();
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrapServers))) {
            admin.createTopics(List.of(new NewTopic(in, 3, (short) 1), new NewTopic(out, 3, (short) 1))).all().get();
        }
        Properties producerConfig = new Properties();
        producerConfig.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        producerConfig.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        producerConfig.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
        try (var producer = new KafkaProducer<>(producerConfig, new ByteArraySerializer(), new ByteArraySerializer())) {
            for (int i = 0; i < records; i++) {
                producer.send(new ProducerRecord<>(in, ("pln-" + i % 5000).getBytes(StandardCharsets.UTF_8), report(i)));
            }
            producer.flush();
            ObjectMapper json = new ObjectMapper();
            Properties consumerConfig = new Properties();
            consumerConfig.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
            consumerConfig.put(ConsumerConfig.GROUP_ID_CONFIG, "bench-ceiling-" + UUID.randomUUID());
            consumerConfig.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
            consumerConfig.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2000);
            try (var consumer = new KafkaConsumer<>(consumerConfig, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
                consumer.subscribe(List.of(in));
                int seen = 0;
                long start = 0;
                while (seen < records) {
                    for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                        if (start == 0) {
                            start = System.nanoTime();
                        }
                        JsonNode report = json.readTree(record.value());
                        producer.send(new ProducerRecord<>(out, record.key(),
                                report.get("kpiId").asString().getBytes(StandardCharsets.UTF_8)));
                        seen++;
                    }
                    consumer.commitAsync();
                }
                producer.flush();
                return records / ((System.nanoTime() - start) / 1e9);
            }
        }
    }

    /** Documents per second inserted in bulk (1,000 a write), each the size of a stored measurement. */
    static double store(String mongoUri, int documents) {
        try (MongoClient client = MongoClients.create(mongoUri)) {
            MongoCollection<Document> collection = client.getDatabase("bench-ceiling-" + UUID.randomUUID().toString()
                    .substring(0, 8)).getCollection("documents");
            List<Document> batch = new ArrayList<>();
            long start = System.nanoTime();
            for (int i = 0; i < documents; i++) {
                batch.add(new Document("_id", "msr-" + UUID.randomUUID()).append("kpiId", "pln-" + i % 5000)
                        .append("idempotencyKey", UUID.randomUUID().toString())
                        .append("measurement", new Document("value", i).append("measuredOn", "2024-09-30")
                                .append("period", "FY2024-Q2").append("reportedBy", "dept1")));
                if (batch.size() == 1_000) {
                    collection.insertMany(batch);
                    batch.clear();
                }
            }
            if (!batch.isEmpty()) {
                collection.insertMany(batch);
            }
            return documents / ((System.nanoTime() - start) / 1e9);
        }
    }

    private static byte[] report(int i) {
        return ("{\"kpiId\":\"pln-" + i % 5000 + ".1-1.1\",\"value\":\"" + i + "\",\"measuredOn\":\"2024-09-30\","
                + "\"period\":null,\"comment\":\"第2四半期の実績\",\"reportedBy\":\"dept1\",\"idempotencyKey\":\"k-" + i
                + "\",\"supersedes\":null,\"reason\":null}").getBytes(StandardCharsets.UTF_8);
    }
}
