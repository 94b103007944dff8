package jp.shinchoku.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import jp.shinchoku.calendar.ReportingPeriod;
import jp.shinchoku.contracts.CloudEventHeaders;
import jp.shinchoku.contracts.Events;
import jp.shinchoku.contracts.Topics;
import jp.shinchoku.contracts.measurement.MeasurementRecordedV1;
import jp.shinchoku.contracts.notification.AlertRaisedV1;
import jp.shinchoku.launcher.LocalSystem.Service;
import jp.shinchoku.measurement.kpis.KpiCatalog;
import jp.shinchoku.measurement.kpis.KpiDefinition;
import jp.shinchoku.measurement.measurements.Measurement;
import jp.shinchoku.measurement.measurements.MeasurementRepository;
import jp.shinchoku.testsupport.EventProbe;
import jp.shinchoku.testsupport.TestTokens;
import jp.shinchoku.testsupport.HttpJson;
import jp.shinchoku.testsupport.SharedInfrastructure;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * The outbox across crashes of the measurement service, with the real services, broker and store. An instance that
 * stops right after a write (before its relay sends: modelled by an instance whose relay is off, and by a measurement
 * written without what follows it) leaves nothing behind: the next instance's sweep finishes progress and publishes
 * every event once. An instance that stops after sending and before acknowledging sends again with the same
 * {@code ce_id}: the notification service keeps one effect (one alert raised).
 */
class RelayCrashTest {

    private final String kafka = SharedInfrastructure.get().bootstrapServers();

    @Test
    void everyEventIsDeliveredAcrossCrashesAndConsumersKeepOneEffect() throws Exception {
        String databases = "crash-" + UUID.randomUUID().toString().substring(0, 8) + "-";
        LocalDate today = LocalDate.parse("2023-10-02");
        try (LocalSystem others = start(databases, today, Map.of(), Service.PLAN, Service.NOTIFICATION);
                EventProbe probe = EventProbe.open(kafka, Topics.MEASUREMENT_EVENTS, Topics.KPI_PROGRESS,
                        Topics.ALERT_EVENTS)) {
            HttpJson plans = HttpJson.onPort(others.port(Service.PLAN));
            HttpJson notifications = HttpJson.onPort(others.port(Service.NOTIFICATION));
            String kpiId;
            Map<String, List<Document>> pending = new HashMap<>();

            // 1. an instance that writes and stops before its relay sends anything
            try (LocalSystem stopsBeforeSending = start(databases, today,
                    Map.of("shinchoku.outbox.relay-enabled", "false"), Service.MEASUREMENT)) {
                HttpJson measurements = HttpJson.onPort(stopsBeforeSending.port(Service.MEASUREMENT));
                kpiId = EndToEndScenario.importPlan(plans, measurements);
                String id = kpiId;
                assertThat(measurements.post("/api/kpis/" + kpiId + "/measurements",
                        "{\"value\": 14, \"measuredOn\": \"2023-09-30\"}").status()).isEqualTo(201);

                // and a measurement kept by an instance that stopped before progress followed it
                KpiDefinition kpi = stopsBeforeSending.bean(Service.MEASUREMENT, KpiCatalog.class).find(kpiId).orElseThrow();
                LocalDate measuredOn = LocalDate.parse("2023-10-01");
                Measurement interrupted = new Measurement("msr-" + UUID.randomUUID(), kpiId, kpi.planId(),
                        kpi.departmentCode(), new BigDecimal("15"), null, measuredOn,
                        ReportingPeriod.containing(kpi.cadence(), measuredOn), null, kpi.departmentCode(),
                        "crash-" + UUID.randomUUID(), Instant.now(), null, null, null, null);
                assertThat(stopsBeforeSending.bean(Service.MEASUREMENT, MeasurementRepository.class)
                        .insertAll(List.of(interrupted))).isEmpty();

                MongoTemplate store = stopsBeforeSending.bean(Service.MEASUREMENT, MongoTemplate.class);
                for (String collection : List.of("measurements", "kpi_progress")) {
                    pending.put(collection, withPendingEvents(store.getCollection(collection)));
                }
                assertThat(pending.get("measurements")).hasSize(2);
                assertThat(probe.events(Events.MEASUREMENT_RECORDED, e -> e.kpiId().equals(id))).isEmpty();
            }

            // 2. the next instance: its start-up sweep finishes progress and sends every event once
            String id = kpiId;
            try (LocalSystem next = start(databases, today, Map.of(), Service.MEASUREMENT)) {
                HttpJson measurements = HttpJson.onPort(next.port(Service.MEASUREMENT));
                await().atMost(Duration.ofSeconds(60)).until(() ->
                        probe.events(Events.MEASUREMENT_RECORDED, e -> e.kpiId().equals(id)).size() >= 2);
                await().atMost(Duration.ofSeconds(60)).until(() -> measurements.get("/api/kpis/" + id + "/progress")
                        .json().get("latestValue").decimalValue().compareTo(new BigDecimal("15")) == 0);
                await().atMost(Duration.ofSeconds(60)).until(() -> probe.events(Events.KPI_PROGRESS_CHANGED,
                        e -> e.kpiId().equals(id) && e.latestValue() != null
                                && e.latestValue().compareTo(new BigDecimal("15")) == 0).size() == 1);
                await().atMost(Duration.ofSeconds(60)).until(() -> raised(probe, id).size() == 1);
                assertThat(probe.events(Events.MEASUREMENT_RECORDED, e -> e.kpiId().equals(id)))
                        .extracting(MeasurementRecordedV1::value).map(BigDecimal::intValue).containsExactlyInAnyOrder(14, 15);
                assertThat(raised(probe, id).getFirst().rule()).isEqualTo("KPI_BEHIND_NEAR_DEADLINE");
                assertThat(withPendingEvents(next.bean(Service.MEASUREMENT, MongoTemplate.class)
                        .getCollection("measurements"))).isEmpty();

                // 3. as if that instance had stopped after sending and before acknowledging: its entries are back
                MongoTemplate store = next.bean(Service.MEASUREMENT, MongoTemplate.class);
                pending.forEach((collection, documents) -> documents.forEach(document -> store.getCollection(collection)
                        .updateOne(Filters.eq("_id", document.get("_id")),
                                Updates.set("outbox", document.getList("outbox", Document.class)))));
            }
            try (LocalSystem again = start(databases, today, Map.of(), Service.MEASUREMENT)) {
                await().atMost(Duration.ofSeconds(60)).until(() -> recordedIds(probe, id).size() >= 4);
                List<String> ids = recordedIds(probe, id);
                assertThat(ids).as("sent again with the same ids").hasSize(4).containsOnly(ids.get(0), ids.get(1));
                // the notification service keeps one effect: still one alert, raised once, firing
                await().pollDelay(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                    assertThat(raised(probe, id)).hasSize(1);
                    assertThat(notifications.get("/api/inbox?state=FIRING").json().valueStream()
                            .filter(alert -> id.equals(alert.at("/labels/kpiId").asString())).count()).isEqualTo(1);
                });
            }
        }
    }

    private static List<String> recordedIds(EventProbe probe, String kpiId) {
        return probe.on(Topics.MEASUREMENT_EVENTS.name()).stream().filter(record -> kpiId.equals(record.key()))
                .map(record -> EventProbe.header(record, CloudEventHeaders.ID)).toList();
    }

    private static List<AlertRaisedV1> raised(EventProbe probe, String kpiId) {
        return probe.events(Events.ALERT_RAISED, e -> kpiId.equals(e.labels().get("kpiId")));
    }

    private static List<Document> withPendingEvents(MongoCollection<Document> collection) {
        List<Document> documents = new ArrayList<>();
        collection.find(Filters.exists("outbox.eventId")).into(documents);
        return documents;
    }

    private static LocalSystem start(String databases, LocalDate date, Map<String, String> properties,
            Service... services) {
        return LocalSystem.start(new LocalSystem.Settings(SharedInfrastructure.get().bootstrapServers(),
                SharedInfrastructure.get().mongoUri(), databases, null, date, null, properties).with(TestTokens.PUBLIC_KEY_PROPERTY, TestTokens.publicKeyLocation()), services);
    }
}
