package jp.shinchoku.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jp.shinchoku.launcher.LocalSystem.Service;
import jp.shinchoku.measurement.progress.config.DailyProgress;
import jp.shinchoku.notification.alerts.config.ScheduledEvaluation;
import jp.shinchoku.notification.kpis.KpiWatchRepository;
import jp.shinchoku.testsupport.HttpJson;
import jp.shinchoku.testsupport.MovableClock;
import jp.shinchoku.testsupport.SharedInfrastructure;
import jp.shinchoku.testsupport.TestTokens;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Per-year KPIs across the three real services over two fiscal years (令和6年度 and 令和7年度), on a moving clock
 * (issue 23): a plan with one KPI of each per-year form — 年1回以上, 月1回以上 (a monthly minimum), 前年度比1.1倍 and
 * a count per year with a target for each year — is imported through the plan service on 2 April 2024; its
 * departments report through the measurement service's API, some months not at all; the clock steps to the days
 * that matter, the measurement service's daily run and the notification service's evaluation run on each. Only the
 * real engines decide statuses and verdicts.
 * <p>
 * Asserts: a month without its occurrence makes the monthly KPI 注意 during the year; on 4/1 each KPI has its verdict
 * for the year that ended (value, target, 達成/未達, the months short); each 未達 year is a KPI_MISSED with its fiscal
 * year as label (FY2024, FY2025), firing through the year that follows it, and an achieved year raises none; the new
 * year counts from nothing and is judged on its own 4/1, the relative KPI against the first year's value.
 */
class PerYearTargetsTest {

    /**
     * The plan's 地方公共団体コード (the test's own: other systems on the same broker publish other plans), by which
     * its departments' tokens name their municipality.
     */
    private static final String MUNICIPALITY = "999624";

    private final MovableClock clock = MovableClock.at(LocalDate.of(2024, 4, 2));
    private HttpJson measurements;
    private HttpJson notifications;
    private DailyProgress.Run daily;
    private ScheduledEvaluation.Evaluation evaluation;

    @Test
    void eachFormOfAPerYearTargetIsJudgedOnFourOneAndEachMissedYearAlerted() throws IOException {
        long started = System.nanoTime();
        try (LocalSystem system = LocalSystem.start(new LocalSystem.Settings(SharedInfrastructure.get().bootstrapServers(),
                SharedInfrastructure.get().mongoUri(), "peryear-" + UUID.randomUUID().toString().substring(0, 8) + "-",
                null, null, clock, Map.of(
                        TestTokens.PUBLIC_KEY_PROPERTY, TestTokens.publicKeyLocation(),
                        "shinchoku.notification.evaluation.cron", "-",
                        "shinchoku.notification.delivery.interval", "P1D",
                        "shinchoku.progress.daily.check", "P3650D")))) {
            HttpJson plans = HttpJson.onPort(system.port(Service.PLAN));
            measurements = HttpJson.onPort(system.port(Service.MEASUREMENT));
            notifications = HttpJson.onPort(system.port(Service.NOTIFICATION));
            HttpJson somu = measurements.as(TestTokens.department(MUNICIPALITY, "somu"));
            HttpJson kikaku = measurements.as(TestTokens.department(MUNICIPALITY, "kikaku"));
            daily = system.bean(Service.MEASUREMENT, DailyProgress.Run.class);
            evaluation = system.bean(Service.NOTIFICATION, ScheduledEvaluation.Evaluation.class);

            HttpJson.Response imported = plans.postBytes("/api/plans",
                    EndToEndScenario.resource("/per-year-targets-plan.yaml").getBytes(StandardCharsets.UTF_8),
                    "application/yaml");
            assertThat(imported.status()).as(imported.body()).isEqualTo(201);
            String planId = imported.json().get("id").asString();
            String yearly = planId + ".1-1.1";
            String monthly = planId + ".1-2.1";
            String growth = planId + ".2-1.1";
            String counted = planId + ".2-2.1";
            List<String> all = List.of(yearly, monthly, growth, counted);
            KpiWatchRepository watches = system.bean(Service.NOTIFICATION, KpiWatchRepository.class);
            await().atMost(Duration.ofSeconds(60)).until(() -> all.stream().allMatch(kpi ->
                    measurements.get("/api/kpis/" + kpi + "/progress").status() == 200
                            && watches.find(kpi).map(watch -> watch.name() != null).orElse(false)));

            // 令和6年度: 広報 every month but August, three quarters of 電子申請 (250 of the year's 300), downloads 115
            for (LocalDate day = LocalDate.parse("2024-04-20"); day.isBefore(LocalDate.parse("2025-04-01")); day = day.plusMonths(1)) {
                runOn(day);
                if (day.getMonthValue() != 8) {
                    report(somu, monthly, "1", day);
                }
                if (day.getMonthValue() == 9) {
                    assertThat(status(monthly)).as("August without its occurrence: 注意 in September").isEqualTo("AT_RISK");
                }
                if (day.getMonthValue() == 7 || day.getMonthValue() == 10 || day.getMonthValue() == 1) {
                    report(kikaku, counted, day.getMonthValue() == 1 ? "50" : "100", day.minusDays(20));
                }
            }
            runOn(LocalDate.parse("2025-03-31"));
            report(kikaku, growth, "115", LocalDate.parse("2025-03-31"));
            assertThat(years(yearly)).as("the year is still running on 3/31").isEmpty();
            assertThat(missed(null)).as("nothing missed before the year ends").isEmpty();

            // 4/1: 令和6年度 judged
            runOn(LocalDate.parse("2025-04-01"));
            assertThat(verdict(yearly, 0)).containsEntry("fiscalYear", "2024").containsEntry("label", "令和6年度")
                    .containsEntry("verdict", "MISSED").containsEntry("target", "1")
                    .containsEntry("judgedOn", "2025-04-01").as("nothing reported").doesNotContainKey("value");
            assertThat(verdict(monthly, 0)).containsEntry("verdict", "MISSED").containsEntry("value", "11")
                    .containsEntry("target", "12").containsEntry("shortMonths", "[\"2024-08\"]");
            assertThat(verdict(growth, 0)).containsEntry("verdict", "ACHIEVED").containsEntry("value", "115")
                    .containsEntry("target", "110");
            assertThat(verdict(counted, 0)).containsEntry("verdict", "MISSED").containsEntry("value", "250")
                    .containsEntry("target", "300");
            await().atMost(Duration.ofSeconds(60)).until(() -> missedYears("FIRING", yearly, monthly, counted)
                    .equals(Map.of(yearly, List.of("FY2024"), monthly, List.of("FY2024"), counted, List.of("FY2024"))));
            assertThat(missed("FIRING").stream().filter(alert -> alert.at("/labels/kpiId").asString().equals(monthly))
                    .findFirst().orElseThrow().get("summaryJa").asString()).contains("令和6年度");
            assertThat(notifications.get("/api/inbox?receiver=department:somu&state=FIRING&rule=KPI_MISSED&municipality="
                    + MUNICIPALITY).json().valueStream().map(alert -> alert.at("/labels/kpiId").asString() + "/"
                    + alert.at("/labels/fiscalYear").asString()))
                    .as("the departments are told too").containsExactlyInAnyOrder(yearly + "/FY2024", monthly + "/FY2024");
            await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(10))
                    .until(() -> missedYears(null, growth).isEmpty());
            assertThat(measurements.get("/api/kpis/" + monthly + "/progress").json().get("latestValue").asString())
                    .as("令和7年度 counts from nothing").isEqualTo("0");

            // 令和7年度: 研修 once, downloads 120 (of 115 × 1.1 = 126.5), 電子申請 450 (of 400); 広報 not at all
            runOn(LocalDate.parse("2025-06-10"));
            report(somu, yearly, "1", LocalDate.parse("2025-06-10"));
            runOn(LocalDate.parse("2025-12-01"));
            report(kikaku, counted, "450", LocalDate.parse("2025-09-30"));
            runOn(LocalDate.parse("2026-03-31"));
            report(kikaku, growth, "120", LocalDate.parse("2026-03-31"));
            assertThat(years(yearly)).as("only the first year is judged on 3/31").hasSize(1);

            // 4/1: 令和7年度 judged on its own
            runOn(LocalDate.parse("2026-04-01"));
            assertThat(verdict(yearly, 1)).containsEntry("fiscalYear", "2025").containsEntry("label", "令和7年度")
                    .containsEntry("verdict", "ACHIEVED").containsEntry("value", "1").containsEntry("target", "1")
                    .containsEntry("judgedOn", "2026-04-01");
            assertThat(verdict(monthly, 1)).containsEntry("verdict", "MISSED").containsEntry("target", "12");
            assertThat(years(monthly).get(1).get("shortMonths").size()).as("every month of the year").isEqualTo(12);
            assertThat(verdict(growth, 1)).containsEntry("verdict", "MISSED").containsEntry("value", "120")
                    .as("against the first year's value").containsEntry("target", "126.5");
            assertThat(verdict(counted, 1)).containsEntry("verdict", "ACHIEVED").containsEntry("value", "450")
                    .containsEntry("target", "400");
            assertThat(verdict(counted, 0)).as("the first year's verdict is kept as it was")
                    .containsEntry("verdict", "MISSED").containsEntry("judgedOn", "2025-04-01");
            await().atMost(Duration.ofSeconds(60)).until(() -> missedYears(null, monthly, growth)
                    .equals(Map.of(monthly, List.of("FY2024", "FY2025"), growth, List.of("FY2025"))));
            await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(10)).until(() ->
                    missedYears(null, yearly, counted).equals(Map.of(yearly, List.of("FY2024"), counted, List.of("FY2024"))));
            System.out.println("KPI_MISSED after 令和7年度: " + describe(missed(null)));
            assertThat(missedYears("FIRING", yearly, monthly, growth, counted))
                    .as("令和6年度's 未達 held through 令和7年度, its year of review, and resolves as it ends")
                    .isEqualTo(Map.of(monthly, List.of("FY2025"), growth, List.of("FY2025")));
            assertThat(missedYears("RESOLVED", yearly, monthly, counted))
                    .isEqualTo(Map.of(yearly, List.of("FY2024"), monthly, List.of("FY2024"), counted, List.of("FY2024")));
        }
        System.out.printf("two fiscal years of per-year KPIs (the system started, simulated and stopped) in %.1f s%n",
                (System.nanoTime() - started) / 1e9);
    }

    /** The clock moves to the day; the measurement service's daily run and the notification service's evaluation. */
    private void runOn(LocalDate day) {
        clock.moveTo(day);
        daily.runIfDue();
        evaluation.run();
    }

    /** A department reports through the measurement service's API. */
    private void report(HttpJson department, String kpiId, String value, LocalDate measuredOn) {
        HttpJson.Response response = department.post("/api/kpis/" + kpiId + "/measurements",
                "{\"value\": " + value + ", \"measuredOn\": \"" + measuredOn + "\"}",
                Map.of("Idempotency-Key", kpiId + "-" + measuredOn));
        assertThat(response.status()).as("report of %s: %s", measuredOn, response.body()).isEqualTo(201);
    }

    private String status(String kpiId) {
        return measurements.get("/api/kpis/" + kpiId + "/progress").json().get("status").asString();
    }

    private List<JsonNode> years(String kpiId) {
        return measurements.get("/api/kpis/" + kpiId + "/years").json().valueStream().toList();
    }

    /** The year's verdict as text fields (numbers as they print), once it is there. */
    private Map<String, String> verdict(String kpiId, int index) {
        await().atMost(Duration.ofSeconds(60)).until(() -> years(kpiId).size() > index);
        Map<String, String> fields = new LinkedHashMap<>();
        years(kpiId).get(index).properties().forEach(field -> fields.put(field.getKey(),
                field.getValue().isValueNode() ? field.getValue().asString() : field.getValue().toString()));
        return fields;
    }

    /** The town's KPI_MISSED alerts in the notification service's inbox (in a state, or all). */
    private List<JsonNode> missed(String state) {
        return notifications.get("/api/inbox?rule=KPI_MISSED&municipality=" + MUNICIPALITY
                + (state == null ? "" : "&state=" + state)).json().valueStream().toList();
    }

    /** For each of these KPIs with a KPI_MISSED alert, the fiscal years alerted (label fiscalYear), oldest first. */
    private Map<String, List<String>> missedYears(String state, String... kpiIds) {
        Map<String, List<String>> years = new LinkedHashMap<>();
        for (String kpiId : kpiIds) {
            List<String> alerted = missed(state).stream().filter(alert -> kpiId.equals(alert.at("/labels/kpiId").asString()))
                    .map(alert -> alert.at("/labels/fiscalYear").asString()).sorted().toList();
            if (!alerted.isEmpty()) {
                years.put(kpiId, alerted);
            }
        }
        return years;
    }

    private static String describe(List<JsonNode> alerts) {
        return alerts.stream().map(alert -> alert.at("/labels/kpiId").asString().replaceAll("^[^.]*\\.", "") + "/"
                + alert.at("/labels/fiscalYear").asString() + "/" + alert.get("state").asString() + " "
                + alert.get("summaryJa").asString()).sorted().toList().toString();
    }
}
