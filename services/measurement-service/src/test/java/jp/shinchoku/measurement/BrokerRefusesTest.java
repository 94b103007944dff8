package jp.shinchoku.measurement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.micrometer.core.instrument.MeterRegistry;
import jp.shinchoku.contracts.Events;
import jp.shinchoku.contracts.Topics;
import jp.shinchoku.contracts.plan.KpiDefinedV1;
import jp.shinchoku.embedded.InProcessKafka;
import jp.shinchoku.testsupport.HttpJson;
import jp.shinchoku.testsupport.RunningService;
import jp.shinchoku.testsupport.SharedInfrastructure;
import jp.shinchoku.testsupport.TestEvents;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AccessControlEntryFilter;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclBindingFilter;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.config.SaslConfigs;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourcePatternFilter;
import org.apache.kafka.common.resource.ResourceType;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * A broker that refuses the service's events for want of rights (an ACL missing, as on a production cluster with
 * SASL and deny-by-default ACLs) is a fault to wait out, not a verdict: the report is kept (201), its event stays in the
 * outbox and is tried again, counted as {@code shinchoku.outbox.send.failures{reason=unauthorized}}, never set aside;
 * once the ACL is there the event goes out.
 */
class BrokerRefusesTest {

    private static final String USER = "measurement-service";
    private static final String PASSWORD = "measurement-secret";

    @TempDir
    Path dir;

    @Test
    void anEventTheBrokerRefusesForWantOfAnAclIsKeptAndSentOnceTheAclIsThere() throws Exception {
        try (InProcessKafka broker = InProcessKafka.startSecured(dir.resolve("kafka"), Map.of(USER, PASSWORD));
                Admin admin = Admin.create(client(broker, InProcessKafka.ADMIN_USER, InProcessKafka.ADMIN_PASSWORD))) {
            ResourcePattern events = new ResourcePattern(ResourceType.TOPIC, Topics.MEASUREMENT_EVENTS.name(),
                    PatternType.LITERAL);
            AclBinding denied = new AclBinding(events, new AccessControlEntry("User:" + USER, "*", AclOperation.WRITE,
                    AclPermissionType.DENY));
            admin.createAcls(List.of(
                    allow(new ResourcePattern(ResourceType.TOPIC, "shinchoku.", PatternType.PREFIXED)),
                    allow(new ResourcePattern(ResourceType.GROUP, "*", PatternType.LITERAL)),
                    allow(new ResourcePattern(ResourceType.CLUSTER, "kafka-cluster", PatternType.LITERAL)),
                    denied)).all().get();

            String isolation = "refused-" + UUID.randomUUID().toString().substring(0, 8);
            Map<String, Object> properties = new HashMap<>(SharedInfrastructure.get()
                    .serviceProperties("measurement-service", isolation));
            properties.put("spring.kafka.bootstrap-servers", broker.bootstrapServers());
            properties.put("spring.kafka.security.protocol", "SASL_PLAINTEXT");
            properties.put("spring.kafka.properties.sasl.mechanism", "PLAIN");
            properties.put("spring.kafka.properties.sasl.jaas.config", InProcessKafka.jaasConfig(USER, PASSWORD));
            properties.put("shinchoku.clock.start-date", "2024-11-25");
            properties.put("shinchoku.outbox.sweep-interval", "1s");
            properties.put("shinchoku.outbox.send-timeout", "3s");
            try (RunningService service = RunningService.start(MeasurementServiceApplication.class, properties)) {
                String kpiId = isolation + "-pln.1-1.apps";
                TestEvents.publishWith(client(broker, InProcessKafka.ADMIN_USER, InProcessKafka.ADMIN_PASSWORD),
                        Events.KPI_DEFINED, new KpiDefinedV1(kpiId, isolation + "-pln", "462233", "1", "1-1", "電子申請",
                                "johoseisaku", "オンライン申請件数", "件", "count", "increase",
                                new KpiDefinedV1.Baseline(BigDecimal.ZERO, LocalDate.parse("2021-04-01")),
                                new KpiDefinedV1.Target(BigDecimal.valueOf(100), LocalDate.parse("2026-03-31")), 1, null,
                                null, List.of(), false, "行政手続のオンライン化", "cumulative", "quarterly",
                                new KpiDefinedV1.PlanPeriod(2021, 2025)));
                HttpJson http = service.http();
                await().atMost(Duration.ofSeconds(60))
                        .until(() -> http.get("/api/kpis/" + kpiId + "/progress").status() == 200);

                HttpJson.Response report = http.post("/api/kpis/" + kpiId + "/measurements",
                        "{\"value\": 12, \"measuredOn\": \"2024-09-30\"}", Map.of("Idempotency-Key", isolation));
                assertThat(report.status()).isEqualTo(201);
                String measurementId = report.json().get("id").asString();

                MeterRegistry meters = service.bean(MeterRegistry.class);
                await().atMost(Duration.ofSeconds(60)).until(() -> meters.get("shinchoku.outbox.send.failures")
                        .tag("reason", "unauthorized").counter().count() >= 2);
                MongoTemplate store = service.bean(MongoTemplate.class);
                Document kept = store.getCollection("measurements").find(new Document("_id", measurementId)).first();
                assertThat(kept.getList("outbox", Document.class)).as("still in the outbox").isNotEmpty();
                assertThat(kept.get("outboxSetAside")).as("not set aside").isNull();
                assertThat(meters.get("shinchoku.outbox.set-aside").counter().count()).isZero();

                admin.deleteAcls(List.of(new AclBindingFilter(new ResourcePatternFilter(ResourceType.TOPIC,
                        Topics.MEASUREMENT_EVENTS.name(), PatternType.LITERAL), new AccessControlEntryFilter(
                        "User:" + USER, "*", AclOperation.WRITE, AclPermissionType.DENY)))).all().get();

                List<String> recorded = new ArrayList<>();
                try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(consumer(broker),
                        new StringDeserializer(), new ByteArrayDeserializer())) {
                    consumer.subscribe(List.of(Topics.MEASUREMENT_EVENTS.name()));
                    await().atMost(Duration.ofSeconds(60)).until(() -> {
                        consumer.poll(Duration.ofMillis(500)).forEach(record -> {
                            if (new String(record.value(), java.nio.charset.StandardCharsets.UTF_8).contains(measurementId)) {
                                recorded.add(record.key());
                            }
                        });
                        return !recorded.isEmpty();
                    });
                }
                await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(store.getCollection("measurements")
                        .find(new Document("_id", measurementId)).first().getList("outbox", Document.class)).isEmpty());
                assertThat(meters.get("shinchoku.outbox.set-aside").counter().count()).isZero();
            }
        }
    }

    private static AclBinding allow(ResourcePattern resource) {
        return new AclBinding(resource, new AccessControlEntry("User:" + USER, "*", AclOperation.ALL,
                AclPermissionType.ALLOW));
    }

    private static Map<String, Object> client(InProcessKafka broker, String user, String password) {
        return Map.of(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, "SASL_PLAINTEXT", SaslConfigs.SASL_MECHANISM, "PLAIN",
                SaslConfigs.SASL_JAAS_CONFIG, InProcessKafka.jaasConfig(user, password));
    }

    private static Map<String, Object> consumer(InProcessKafka broker) {
        Map<String, Object> config = new HashMap<>(client(broker, InProcessKafka.ADMIN_USER, InProcessKafka.ADMIN_PASSWORD));
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "refused-" + UUID.randomUUID());
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        return config;
    }
}
