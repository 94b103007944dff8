package jp.shinchoku.measurement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;

import jp.shinchoku.contracts.Events;
import jp.shinchoku.contracts.Topics;
import jp.shinchoku.contracts.measurement.MeasurementRecordedV1;
import jp.shinchoku.contracts.measurement.MeasurementReportedV1;
import jp.shinchoku.contracts.plan.KpiDefinedV1;
import jp.shinchoku.testsupport.EventProbe;
import jp.shinchoku.testsupport.RunningService;
import jp.shinchoku.testsupport.SharedInfrastructure;
import jp.shinchoku.testsupport.TestEvents;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * On one broker: two instances of the service (one database, one consumer-group prefix) share the partitions and
 * store each report once; two environments (their own databases and group prefixes) each get every event.
 */
class TwoInstancesTest {

    final String kafka = SharedInfrastructure.get().bootstrapServers();

    @Test
    void twoInstancesShareTheWorkAndStoreEachReportOnce() {
        String isolation = "twins-" + UUID.randomUUID().toString().substring(0, 8);
        try (RunningService one = start(isolation); RunningService two = start(isolation);
                EventProbe probe = EventProbe.open(kafka, Topics.MEASUREMENT_EVENTS)) {
            List<String> kpis = IntStream.range(0, 6).mapToObj(i -> define(isolation + "-pln")).toList();
            await().atMost(Duration.ofSeconds(60)).until(() -> kpis.stream()
                    .allMatch(kpi -> one.http().get("/api/kpis/" + kpi + "/progress").status() == 200));

            List<String> keys = IntStream.range(0, 30).mapToObj(i -> {
                String key = isolation + "-report-" + i;
                TestEvents.publish(kafka, Events.MEASUREMENT_REPORTED, new MeasurementReportedV1(kpis.get(i % kpis.size()),
                        String.valueOf(i), "2024-09-30", null, null, null, key, null, null));
                return key;
            }).toList();

            MongoTemplate store = one.bean(MongoTemplate.class);
            await().atMost(Duration.ofSeconds(60)).until(() -> store.getCollection("measurements").countDocuments() == 30);
            await().atMost(Duration.ofSeconds(60)).until(() -> probe.events(Events.MEASUREMENT_RECORDED,
                    e -> kpis.contains(e.kpiId())).size() >= 30);
            List<MeasurementRecordedV1> recorded = probe.events(Events.MEASUREMENT_RECORDED, e -> kpis.contains(e.kpiId()));
            assertThat(recorded).extracting(MeasurementRecordedV1::measurementId).doesNotHaveDuplicates().hasSize(30);
            assertThat(keys).hasSize(30);
        }
    }

    @Test
    void twoEnvironmentsOnOneBrokerEachGetEveryEvent() {
        String first = "env-a-" + UUID.randomUUID().toString().substring(0, 8);
        String second = "env-b-" + UUID.randomUUID().toString().substring(0, 8);
        try (RunningService a = start(first); RunningService b = start(second)) {
            List<String> kpis = IntStream.range(0, 6).mapToObj(i -> define(first + "-pln")).toList();
            await().atMost(Duration.ofSeconds(60)).until(() -> kpis.stream().allMatch(kpi ->
                    a.http().get("/api/kpis/" + kpi + "/progress").status() == 200
                            && b.http().get("/api/kpis/" + kpi + "/progress").status() == 200));
        }
    }

    private String define(String planId) {
        String kpiId = planId + ".1-1." + UUID.randomUUID().toString().substring(0, 6);
        TestEvents.publish(kafka, Events.KPI_DEFINED, new KpiDefinedV1(kpiId, planId, "462233", "1", "1-1", "電子申請",
                "johoseisaku", "オンライン申請件数", "件", "count", "increase",
                new KpiDefinedV1.Baseline(BigDecimal.ZERO, LocalDate.parse("2021-04-01")),
                new KpiDefinedV1.Target(BigDecimal.valueOf(100), LocalDate.parse("2026-03-31")), 1, null, null, List.of(),
                false, "行政手続のオンライン化", "cumulative", "quarterly", new KpiDefinedV1.PlanPeriod(2021, 2025)));
        return kpiId;
    }

    private static RunningService start(String isolation) {
        Map<String, Object> properties = new HashMap<>(
                SharedInfrastructure.get().serviceProperties("measurement-service", isolation));
        properties.put("server.port", 0);
        properties.put("shinchoku.clock.start-date", "2024-11-25");
        return RunningService.start(MeasurementServiceApplication.class, properties);
    }
}
