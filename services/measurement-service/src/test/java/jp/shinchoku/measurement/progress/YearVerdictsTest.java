package jp.shinchoku.measurement.progress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jp.shinchoku.contracts.Events;
import jp.shinchoku.contracts.Topics;
import jp.shinchoku.contracts.measurement.KpiYearJudgedV1;
import jp.shinchoku.contracts.plan.KpiDefinedV1;
import jp.shinchoku.measurement.progress.config.DailyProgress;
import jp.shinchoku.testsupport.EventProbe;
import jp.shinchoku.testsupport.HttpJson;
import jp.shinchoku.testsupport.MovableClock;
import jp.shinchoku.testsupport.SharedInfrastructure;
import jp.shinchoku.testsupport.ShinchokuServiceTest;
import jp.shinchoku.testsupport.TestEvents;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import tools.jackson.databind.JsonNode;

/**
 * Two fiscal years (令和6年度 and 令和7年度) of a plan's KPIs judged year by year, on a moving clock, through the
 * service's API and its daily run alone: 年1回以上, 月1回以上 (a monthly minimum), 前年度比1.1倍, and a count per
 * quarter with a target for each year. Each gets its verdict the morning after its year ends (4/1), published once as
 * {@code kpi.year-judged.v1}; the new year counts from nothing; a month without its occurrence is 注意 during the year
 * and makes the year 未達.
 */
@ShinchokuServiceTest
@Import(YearVerdictsTest.Time.class)
class YearVerdictsTest {

    @TestConfiguration
    static class Time {
        @Bean
        MovableClock clock() {
            return MovableClock.at(LocalDate.of(2024, 4, 2));
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
    final String planId = "pln-" + UUID.randomUUID().toString().substring(0, 8);

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
    void everyFormOfAPerYearTargetIsJudgedTheMorningAfterEachYearEnds() {
        String yearly = define("1-1", "研修の実施", "recurring", "annual", null, null, null,
                new KpiDefinedV1.Recurrence(1, "fiscal-year"), null, "cumulative");
        String monthly = define("1-2", "広報の発信", "recurring", "monthly", null, null, null,
                new KpiDefinedV1.Recurrence(1, "month"), null, "cumulative");
        String growth = define("2-1", "オープンデータのダウンロード数", "relative", "annual", "100", null, null, null,
                new BigDecimal("1.1"), "cumulative");
        String counted = define("2-2", "電子申請件数", "count", "quarterly", "0", "400",
                new KpiDefinedV1.Target(new BigDecimal("300"), LocalDate.parse("2025-03-31")), null, null, "per-period");

        // 令和6年度: 広報 every month but August, three quarters of 電子申請 (250 of the year's 300), downloads 115
        for (LocalDate day = LocalDate.parse("2024-04-20"); day.isBefore(LocalDate.parse("2025-04-01")); day = day.plusMonths(1)) {
            runOn(day);
            if (day.getMonthValue() != 8) {
                report(monthly, "1", day);
            }
            if (day.getMonthValue() == 9) {
                assertThat(status(monthly)).as("August without its occurrence: 注意 in September").isEqualTo("AT_RISK");
            }
            if (day.getMonthValue() == 7 || day.getMonthValue() == 10 || day.getMonthValue() == 1) {
                report(counted, day.getMonthValue() == 1 ? "50" : "100", day.minusDays(20));
            }
        }
        runOn(LocalDate.parse("2025-03-31"));
        report(growth, "115", LocalDate.parse("2025-03-31"));
        assertThat(years(yearly)).as("the year is still running on 3/31").isEmpty();

        runOn(LocalDate.parse("2025-04-01"));
        assertThat(verdict(yearly, 0)).containsEntry("fiscalYear", "2024").containsEntry("label", "令和6年度")
                .containsEntry("verdict", "MISSED").containsEntry("verdictJa", "未達").containsEntry("target", "1")
                .containsEntry("judgedOn", "2025-04-01").as("nothing reported").doesNotContainKey("value");
        assertThat(verdict(monthly, 0)).containsEntry("verdict", "MISSED").containsEntry("value", "11")
                .containsEntry("target", "12").containsEntry("shortMonths", "[\"2024-08\"]");
        assertThat(verdict(growth, 0)).containsEntry("verdict", "ACHIEVED").containsEntry("value", "115")
                .containsEntry("target", "110");
        assertThat(verdict(counted, 0)).containsEntry("verdict", "MISSED").containsEntry("value", "250")
                .containsEntry("target", "300");
        KpiYearJudgedV1 published = probe.awaitEvent(Events.KPI_YEAR_JUDGED, e -> e.kpiId().equals(monthly));
        assertThat(published.fiscalYear()).isEqualTo(2024);
        assertThat(published.shortMonths()).containsExactly("2024-08");
        assertThat(published.judgedOn()).isEqualTo(LocalDate.parse("2025-04-01"));
        assertThat(http.get("/api/kpis/" + monthly + "/progress").json().get("latestValue").asString())
                .as("令和7年度 counts from nothing").isEqualTo("0");

        // 令和7年度: 研修 once, downloads 120 (of 126.5), 電子申請 450 (of 400); 広報 not at all
        runOn(LocalDate.parse("2025-06-10"));
        report(yearly, "1", LocalDate.parse("2025-06-10"));
        runOn(LocalDate.parse("2025-12-01"));
        report(counted, "450", LocalDate.parse("2025-09-30"));
        runOn(LocalDate.parse("2026-03-31"));
        report(growth, "120", LocalDate.parse("2026-03-31"));
        runOn(LocalDate.parse("2026-04-01"));

        assertThat(verdict(yearly, 1)).containsEntry("fiscalYear", "2025").containsEntry("label", "令和7年度")
                .containsEntry("verdict", "ACHIEVED");
        assertThat(verdict(monthly, 1)).containsEntry("verdict", "MISSED");
        assertThat(years(monthly).get(1).get("shortMonths").size()).as("every month of the year").isEqualTo(12);
        assertThat(verdict(growth, 1)).containsEntry("verdict", "MISSED").containsEntry("target", "126.5");
        assertThat(verdict(counted, 1)).containsEntry("verdict", "ACHIEVED").containsEntry("target", "400");
        assertThat(verdict(counted, 0)).as("the first year's verdict is kept as it was")
                .containsEntry("judgedOn", "2025-04-01");

        // each verdict was published once, whatever the days between
        runOn(LocalDate.parse("2026-04-02"));
        for (String kpi : List.of(yearly, monthly, growth, counted)) {
            probe.awaitEvent(Events.KPI_YEAR_JUDGED, e -> e.kpiId().equals(kpi) && e.fiscalYear() == 2025);
            assertThat(probe.events(Events.KPI_YEAR_JUDGED, e -> e.kpiId().equals(kpi)))
                    .extracting(KpiYearJudgedV1::fiscalYear).containsExactly(2024, 2025);
        }
    }

    private String define(String measure, String name, String kind, String cadence, String baseline, String target,
            KpiDefinedV1.Target step, KpiDefinedV1.Recurrence recurrence, BigDecimal factor, String accumulation) {
        String kpiId = planId + "." + measure + ".1";
        TestEvents.publish(SharedInfrastructure.get().bootstrapServers(), Events.KPI_DEFINED, new KpiDefinedV1(kpiId,
                planId, "462233", measure.substring(0, 1), measure, name, "somu", name, "件", kind, "increase",
                baseline == null ? null : new KpiDefinedV1.Baseline(new BigDecimal(baseline), LocalDate.parse("2024-03-31")),
                target == null ? null : new KpiDefinedV1.Target(new BigDecimal(target), LocalDate.parse("2026-03-31")),
                1, recurrence, factor, step == null ? List.of() : List.of(step), false, "柱" + measure.charAt(0),
                accumulation, cadence, new KpiDefinedV1.PlanPeriod(2024, 2025)));
        await().until(() -> http.get("/api/kpis/" + kpiId + "/progress").status() == 200);
        return kpiId;
    }

    private void runOn(LocalDate day) {
        clock.moveTo(day);
        daily.runIfDue();
    }

    private void report(String kpiId, String value, LocalDate measuredOn) {
        assertThat(http.post("/api/kpis/" + kpiId + "/measurements",
                "{\"value\": " + value + ", \"measuredOn\": \"" + measuredOn + "\"}",
                Map.of("Idempotency-Key", kpiId + "-" + measuredOn)).status()).as("report of %s", measuredOn).isEqualTo(201);
    }

    private String status(String kpiId) {
        return http.get("/api/kpis/" + kpiId + "/progress").json().get("status").asString();
    }

    private List<JsonNode> years(String kpiId) {
        return http.get("/api/kpis/" + kpiId + "/years").json().valueStream().toList();
    }

    /** The year's verdict as text fields (numbers as they print), once it is there. */
    private Map<String, String> verdict(String kpiId, int index) {
        await().until(() -> years(kpiId).size() > index);
        Map<String, String> fields = new java.util.LinkedHashMap<>();
        years(kpiId).get(index).properties().forEach(field -> fields.put(field.getKey(),
                field.getValue().isValueNode() ? field.getValue().asString() : field.getValue().toString()));
        return fields;
    }
}
