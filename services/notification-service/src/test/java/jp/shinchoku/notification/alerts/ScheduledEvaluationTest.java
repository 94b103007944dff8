package jp.shinchoku.notification.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jp.shinchoku.contracts.Events;
import jp.shinchoku.contracts.Topics;
import jp.shinchoku.contracts.measurement.MeasurementRecordedV1;
import jp.shinchoku.contracts.plan.KpiDefinedV1;
import jp.shinchoku.notification.alerts.config.ScheduledEvaluation;
import jp.shinchoku.testsupport.EventProbe;
import jp.shinchoku.testsupport.HttpJson;
import jp.shinchoku.testsupport.SharedInfrastructure;
import jp.shinchoku.testsupport.ShinchokuServiceTest;
import jp.shinchoku.testsupport.TestEvents;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.core.SimpleLock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * The daily evaluation on 17 February 2025, the first business day after the grace period for 令和6年度第3四半期's
 * reports: a department that has not reported gets one digest; each report shrinks it and the last resolves it.
 */
@ShinchokuServiceTest(properties = "shinchoku.clock.start-date=2025-02-17")
class ScheduledEvaluationTest {

    @LocalServerPort
    int port;

    @Autowired
    ScheduledEvaluation.Evaluation evaluation;

    @Autowired
    LockProvider locks;

    final String kafka = SharedInfrastructure.get().bootstrapServers();
    final String department = "dept-" + UUID.randomUUID().toString().substring(0, 8);
    final String planId = "pln-" + UUID.randomUUID().toString().substring(0, 8);
    HttpJson http;
    EventProbe probe;

    @BeforeEach
    void open() {
        http = HttpJson.onPort(port);
        probe = EventProbe.open(kafka, Topics.ALERT_EVENTS.name());
    }

    @AfterEach
    void close() {
        probe.close();
    }

    @Test
    void aDepartmentThatHasNotReportedGetsOneDigestThatItsReportsClear() {
        String apps = define("apps", "オンライン申請件数");
        String forms = define("forms", "電子化した申請様式数");
        assertThat(firing()).isEmpty();

        await().untilAsserted(() -> {
            assertThat(evaluation.run()).isTrue();
            assertThat(firing()).hasValueSatisfying(alert -> assertThat(alert.get("summaryJa").asString()).contains("2件"));
        });

        JsonNode digest = firing().orElseThrow();
        assertThat(digest.get("rule").asString()).isEqualTo("REPORT_MISSING");
        assertThat(digest.get("summaryJa").asString()).contains("令和6年度第3四半期の実績報告が2件未提出です", "「オンライン申請件数」");
        assertThat(digest.at("/labels/period").asString()).isEqualTo("FY2024-Q3");
        assertThat(probe.awaitEvent(Events.ALERT_RAISED, e -> e.alertId().equals(digest.get("id").asString())).receiver())
                .isEqualTo("department:" + department);

        report(apps);
        await().untilAsserted(() -> assertThat(firing().orElseThrow().get("summaryJa").asString()).contains("1件未提出"));
        report(forms);
        await().untilAsserted(() -> assertThat(firing()).isEmpty());
        JsonNode resolved = http.get("/api/inbox?receiver=department:" + department + "&state=RESOLVED").json().get(0);
        assertThat(resolved.get("id").asString()).isEqualTo(digest.get("id").asString());
    }

    @Test
    void oneEvaluationRunsAtATimeAcrossInstances() {
        Optional<SimpleLock> heldElsewhere = locks.lock(new LockConfiguration(Instant.now(), "notification-evaluation",
                Duration.ofMinutes(1), Duration.ZERO));
        assertThat(heldElsewhere).isPresent();
        try {
            assertThat(evaluation.run()).as("another instance holds the lock").isFalse();
        } finally {
            heldElsewhere.get().unlock();
        }
        assertThat(evaluation.run()).isTrue();
    }

    private Optional<JsonNode> firing() {
        JsonNode inbox = http.get("/api/inbox?receiver=department:" + department + "&state=FIRING").json();
        return inbox.valueStream().findFirst();
    }

    private String define(String code, String name) {
        String kpiId = planId + ".1-1." + code;
        TestEvents.publish(kafka, Events.KPI_DEFINED, new KpiDefinedV1(kpiId, planId, "462233", "1", "1-1", "電子申請の拡充",
                department, name, "件", "count", "increase", new KpiDefinedV1.Baseline(java.math.BigDecimal.TEN,
                        LocalDate.parse("2021-04-01")), new KpiDefinedV1.Target(java.math.BigDecimal.valueOf(100),
                        LocalDate.parse("2028-03-31")), 1, null, null, List.of(), false, "行政手続のオンライン化",
                "cumulative", "quarterly", new KpiDefinedV1.PlanPeriod(2021, 2027)));
        return kpiId;
    }

    private void report(String kpiId) {
        TestEvents.publish(kafka, Events.MEASUREMENT_RECORDED, new MeasurementRecordedV1("msr-" + UUID.randomUUID(),
                kpiId, planId, department, java.math.BigDecimal.valueOf(40), LocalDate.parse("2024-12-31"), department,
                Instant.parse("2025-02-17T01:00:00Z"), null, "FY2024-Q3", null, null, null));
    }
}
