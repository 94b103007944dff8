package jp.shinchoku.measurement.progress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import jp.shinchoku.contracts.Events;
import jp.shinchoku.contracts.Topics;
import jp.shinchoku.contracts.measurement.KpiProgressChangedV1;
import jp.shinchoku.measurement.TestKpis;
import jp.shinchoku.measurement.progress.config.DailyProgress;
import jp.shinchoku.testsupport.EventProbe;
import jp.shinchoku.testsupport.HttpJson;
import jp.shinchoku.testsupport.MovableClock;
import jp.shinchoku.testsupport.SharedInfrastructure;
import jp.shinchoku.testsupport.ShinchokuServiceTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/**
 * Progress follows the calendar: a KPI reported once and then left alone drifts with the days (順調 → 注意 → 遅れ) and
 * becomes 未達 the day after its deadline, through the daily run alone; days that change nothing users act on publish
 * nothing. The KPI runs from 2021-04-01 (baseline 0) to 100 by 2026-03-31 (令和7年度末).
 */
@ShinchokuServiceTest
@Import(DailyProgressTest.Time.class)
class DailyProgressTest {

    @TestConfiguration
    static class Time {
        @Bean
        MovableClock clock() {
            return MovableClock.at(LocalDate.of(2023, 10, 2));
        }
    }

    @LocalServerPort
    int port;

    @Autowired
    MovableClock clock;

    @Autowired
    DailyProgress.Run daily;

    HttpJson http;
    EventProbe probe;
    final TestKpis plan = new TestKpis();

    @BeforeEach
    void open() {
        http = HttpJson.onPort(port);
        probe = EventProbe.open(SharedInfrastructure.get().bootstrapServers(), Topics.KPI_PROGRESS);
    }

    @AfterEach
    void close() {
        probe.close();
    }

    @Test
    void aKpiLeftWithoutReportsDriftsWithTheDaysAndIsMissedTheDayAfterItsDeadline() {
        String kpiId = plan.define(http, TestKpis.Kpi.count("1", "somu", "0", "100"));
        String achieved = plan.define(http, TestKpis.Kpi.count("2", "somu", "0", "100"));
        report(kpiId, "50", "2023-09-30");
        report(achieved, "100", "2023-09-30");
        await().until(() -> status(kpiId).equals("ON_TRACK") && status(achieved).equals("ACHIEVED"));

        // the next day changes nothing users act on: nothing is published
        assertThat(runOn("2023-10-03").changed()).isZero();
        assertThat(daily.lastRunDay()).isEqualTo(LocalDate.of(2023, 10, 3));
        assertThat(daily.runIfDue()).as("one run a day").isNull();

        // 2024-04-01: expected 60% of the way, 50% reached → 注意
        assertThat(runOn("2024-04-01").changed()).isEqualTo(1);
        assertThat(awaitChange(kpiId, "AT_RISK").previousStatus()).isEqualTo("ON_TRACK");
        // 2025-01-01: expected 75% → 遅れ
        runOn("2025-01-01");
        assertThat(awaitChange(kpiId, "BEHIND").previousStatus()).isEqualTo("AT_RISK");
        // the deadline day itself is still 遅れ; the day after, 未達 with the achievement reached
        runOn("2026-03-31");
        assertThat(status(kpiId)).isEqualTo("BEHIND");
        runOn("2026-04-01");
        KpiProgressChangedV1 missed = awaitChange(kpiId, "MISSED");
        assertThat(missed.previousStatus()).isEqualTo("BEHIND");
        assertThat(missed.achievement()).isEqualByComparingTo("0.5");
        assertThat(missed.asOf()).isEqualTo(LocalDate.of(2026, 4, 1));

        // the achieved KPI stays 達成 throughout: none of its progress was published again
        assertThat(status(achieved)).isEqualTo("ACHIEVED");
        assertThat(probe.events(Events.KPI_PROGRESS_CHANGED, e -> e.kpiId().equals(achieved)))
                .extracting(KpiProgressChangedV1::status).containsExactly("NO_DATA", "ACHIEVED");
        List<String> statuses = probe.events(Events.KPI_PROGRESS_CHANGED, e -> e.kpiId().equals(kpiId)).stream()
                .map(KpiProgressChangedV1::status).toList();
        assertThat(statuses).containsExactly("NO_DATA", "ON_TRACK", "AT_RISK", "BEHIND", "MISSED");
        // what the API shows is today's standing
        assertThat(http.get("/api/kpis/" + kpiId + "/progress").json().get("asOf").asString()).isEqualTo("2026-04-01");
    }

    private DailyProgress.Outcome runOn(String day) {
        clock.moveTo(LocalDate.parse(day));
        DailyProgress.Outcome outcome = daily.runIfDue();
        assertThat(outcome).as("the run of %s", day).isNotNull();
        return outcome;
    }

    private KpiProgressChangedV1 awaitChange(String kpiId, String status) {
        return probe.awaitEvent(Events.KPI_PROGRESS_CHANGED, e -> e.kpiId().equals(kpiId) && e.status().equals(status));
    }

    private String status(String kpiId) {
        return http.get("/api/kpis/" + kpiId + "/progress").json().get("status").asString();
    }

    private void report(String kpiId, String value, String measuredOn) {
        assertThat(http.post("/api/kpis/" + kpiId + "/measurements",
                "{\"value\": " + value + ", \"measuredOn\": \"" + measuredOn + "\"}",
                Map.of("Idempotency-Key", kpiId + "-" + measuredOn)).status()).isEqualTo(201);
    }
}
