package jp.shinchoku.launcher;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Sends what a dead-letter topic holds back to its topic, once the cause is mended (a store that was down, a KPI
 * defined late): each record with its key, value and CloudEvents headers as it first came (so consumers still treat a
 * repeat as a duplicate), without the {@code kafka_dlt-*} headers the dead-lettering added. Progress is kept in the
 * consumer group {@code shinchoku-redrive.<topic>}: running it again sends only what was dead-lettered since.
 * <p>
 * {@code ./mvnw -q -pl deploy/launcher -am spring-boot:run -Dlauncher.main=jp.shinchoku.launcher.DeadLetterRedrive
 * -Dspring-boot.run.arguments="shinchoku.measurement.reports.DLT 127.0.0.1:9092"}; against a broker that wants SASL or
 * TLS, a third argument names a Kafka client settings file ({@code security.protocol}, {@code sasl.mechanism},
 * {@code sasl.jaas.config}, {@code ssl.truststore.location}, ...), or {@code KAFKA_CLIENT_PROPERTIES} does.
 */
public final class DeadLetterRedrive {

    private static final String DLT = ".DLT";
    private static final String DLT_HEADERS = "kafka_dlt-";

    private DeadLetterRedrive() {
    }

    public static void main(String[] args) {
        if (args.length < 1 || !args[0].endsWith(DLT)) {
            System.err.println("使い方 / usage: DeadLetterRedrive <topic>.DLT [bootstrap servers, default 127.0.0.1:9092]"
                    + " [client settings file, for SASL/TLS]");
            System.exit(2);
        }
        String bootstrap = args.length > 1 ? args[1] : System.getenv().getOrDefault("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:9092");
        String settingsFile = args.length > 2 ? args[2] : System.getenv("KAFKA_CLIENT_PROPERTIES");
        int sent = redrive(bootstrap, args[0], Duration.ofSeconds(5), clientSettings(settingsFile));
        System.out.printf("%s: %d record(s) sent back to %s%n", args[0], sent, original(args[0]));
    }

    /**
     * Sends every record of {@code deadLetterTopic} not yet sent back to its topic; stops when no record came for
     * {@code quiet}.
     *
     * @return how many were sent back
     */
    public static int redrive(String bootstrapServers, String deadLetterTopic, Duration quiet) {
        return redrive(bootstrapServers, deadLetterTopic, quiet, Map.of());
    }

    /** The same, with client settings (SASL, TLS) for both the consumer and the producer. */
    public static int redrive(String bootstrapServers, String deadLetterTopic, Duration quiet, Map<String, Object> client) {
        String topic = original(deadLetterTopic);
        Map<String, Object> consumer = new java.util.HashMap<>(client);
        consumer.putAll(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, "shinchoku-redrive." + topic,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.CLIENT_ID_CONFIG, "shinchoku-redrive-" + UUID.randomUUID()));
        Map<String, Object> producer = new java.util.HashMap<>(client);
        producer.putAll(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true));
        int sent = 0;
        try (var in = new KafkaConsumer<>(consumer, new ByteArrayDeserializer(), new ByteArrayDeserializer());
                var out = new KafkaProducer<>(producer, new ByteArraySerializer(), new ByteArraySerializer())) {
            in.subscribe(java.util.List.of(deadLetterTopic));
            while (true) {
                ConsumerRecords<byte[], byte[]> records = in.poll(quiet);
                if (records.isEmpty()) {
                    return sent;
                }
                for (ConsumerRecord<byte[], byte[]> record : records) {
                    RecordHeaders headers = new RecordHeaders();
                    for (Header header : record.headers()) {
                        if (!header.key().startsWith(DLT_HEADERS)) {
                            headers.add(header);
                        }
                    }
                    out.send(new ProducerRecord<>(topic, null, record.key(), record.value(), headers));
                    sent++;
                }
                out.flush();
                in.commitSync();
            }
        }
    }

    /** A Kafka client settings file ({@code key=value}), or none. */
    static Map<String, Object> clientSettings(String file) {
        if (file == null || file.isBlank()) {
            return Map.of();
        }
        java.util.Properties settings = new java.util.Properties();
        try (var in = java.nio.file.Files.newBufferedReader(java.nio.file.Path.of(file))) {
            settings.load(in);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("Cannot read the client settings " + file, e);
        }
        Map<String, Object> client = new java.util.HashMap<>();
        settings.forEach((key, value) -> client.put(key.toString(), value));
        return client;
    }

    private static String original(String deadLetterTopic) {
        return deadLetterTopic.substring(0, deadLetterTopic.length() - DLT.length());
    }
}
