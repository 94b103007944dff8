package jp.shinchoku.notification.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import jp.shinchoku.contracts.Events;
import jp.shinchoku.contracts.measurement.KpiProgressChangedV1;
import jp.shinchoku.contracts.measurement.MeasurementRecordedV1;
import jp.shinchoku.contracts.plan.KpiDefinedV1;
import jp.shinchoku.contracts.plan.MilestoneStatusChangedV1;
import jp.shinchoku.contracts.plan.PlanPublishedV1;
import jp.shinchoku.contracts.plan.PlanReviewedV1;
import jp.shinchoku.notification.alerts.Alert;
import jp.shinchoku.notification.alerts.AlertService;
import jp.shinchoku.notification.alerts.config.ScheduledEvaluation;
import jp.shinchoku.notification.delivery.config.DeliveryConfiguration;
import jp.shinchoku.notification.kpis.KpiWatchRepository;
import jp.shinchoku.notification.plans.PlanWatchRepository;
import jp.shinchoku.testsupport.HttpJson;
import jp.shinchoku.testsupport.MovableClock;
import jp.shinchoku.testsupport.SharedInfrastructure;
import jp.shinchoku.testsupport.ShinchokuServiceTest;
import jp.shinchoku.testsupport.TestEvents;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/**
 * A whole plan period, day by day: 瀬戸内町's plan (seven KPIs of six measures, four departments, annual reports)
 * from 1 April 2020 to 31 March 2024 — four fiscal years — with a scripted set of department reports, progress,
 * milestone reports, reviews and acknowledgements. Each day the clock stands at 09:00, the day's script runs, the
 * daily evaluation runs, and the dispatcher runs at 09:00 and 09:05. Asserts exactly which alerts fired, when and to
 * whom, which messages each receiver got, and that no group was told again within its repeat interval.
 */
@ShinchokuServiceTest(properties = {
        "shinchoku.notification.evaluation.cron=-",
        "shinchoku.notification.delivery.interval=P1D"})
@Import(FourFiscalYearsTest.Time.class)
class FourFiscalYearsTest {

    static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");
    static final LocalDate START = LocalDate.of(2020, 4, 1);
    static final LocalDate END = LocalDate.of(2024, 3, 31);

    @TestConfiguration
    static class Time {
        @Bean
        MovableClock clock() {
            return MovableClock.at(START);
        }
    }

    @LocalServerPort
    int port;

    @Autowired
    MovableClock clock;

    @Autowired
    ScheduledEvaluation.Evaluation evaluation;

    @Autowired
    DeliveryConfiguration.Telling telling;

    @Autowired
    KpiWatchRepository kpis;

    @Autowired
    PlanWatchRepository plans;

    @Autowired
    AlertService alerts;

    @Autowired
    NotificationLog log;

    final String kafka = SharedInfrastructure.get().bootstrapServers();
    final String municipality = "9" + (100000 + new Random().nextInt(800000));
    final String planId = "pln-" + UUID.randomUUID().toString().substring(0, 6);
    final Map<LocalDate, List<Consumer<LocalDate>>> script = new HashMap<>();

    @Test
    void fourFiscalYearsOfSetouchi() {
        publishPlan();
        writeScript();
        long started = System.nanoTime();
        for (LocalDate day = START; !day.isAfter(END); day = day.plusDays(1)) {
            clock.moveTo(day);
            for (Consumer<LocalDate> step : script.getOrDefault(day, List.of())) {
                step.accept(day);
            }
            evaluation.run();
            telling.run();
            clock.advance(Duration.ofMinutes(5));
            telling.run();
        }
        System.out.printf("four fiscal years simulated in %.1f s%n", (System.nanoTime() - started) / 1e9);

        List<Alert> ours = alerts.inbox(new jp.shinchoku.notification.alerts.AlertRepository.InboxQuery(null, null,
                null, municipality, null, null, null));
        String raised = ours.stream().sorted(Comparator.comparing(Alert::firstRaisedAt).thenComparing(a -> describe(a)))
                .map(a -> day(a.firstRaisedAt()) + " " + describe(a) + " → " + String.join(",", a.receivers())
                        + (a.resolvedAt() == null ? " (firing)" : " resolved " + day(a.resolvedAt())))
                .collect(Collectors.joining("\n"));
        assertThat(raised).isEqualTo(EXPECTED_ALERTS);
        List<Notification> told = log.notifications(null, null, 100000).stream()
                .filter(n -> municipality.equals(n.groupLabels().get("municipality")))
                .sorted(Comparator.comparing(Notification::createdAt).thenComparing(Notification::receiver)).toList();
        String messages = told.stream().map(n -> time(n.createdAt()) + " " + n.receiver() + " " + n.reason() + " "
                + n.items().stream().map(i -> (i.state() == Alert.State.RESOLVED ? "-" : "+") + describe(i)).sorted()
                        .collect(Collectors.joining(" ")))
                .collect(Collectors.joining("\n"));
        assertThat(messages).isEqualTo(EXPECTED_MESSAGES);

        // no receiver was told twice within the group interval, nor repeated before the repeat interval
        Map<String, List<Notification>> byReceiver = told.stream().collect(Collectors.groupingBy(Notification::receiver));
        byReceiver.forEach((receiver, list) -> {
            for (int i = 1; i < list.size(); i++) {
                Duration gap = Duration.between(list.get(i - 1).createdAt(), list.get(i).createdAt());
                assertThat(gap).as("%s told at %s and %s", receiver, list.get(i - 1).createdAt(), list.get(i).createdAt())
                        .isGreaterThanOrEqualTo(Duration.ofHours(1));
                if (list.get(i).reason() == Notification.Reason.REPEAT) {
                    assertThat(gap).as("%s repeated at %s", receiver, list.get(i).createdAt())
                            .isGreaterThanOrEqualTo(Duration.ofDays(7));
                }
            }
        });
    }

    /** Each alert of the plan: when it was raised, what about, to whom, and when it resolved. */
    static final String EXPECTED_ALERTS = """
                2020-05-31 PLAN_REVIEW_DUE(FY2019/due-soon) → promotion-hq resolved 2020-06-15
                2021-03-01 MILESTONE_DUE_SOON(2-1.m1/30d) → department:kikaku resolved 2021-03-24
                2021-03-24 MILESTONE_DUE_SOON(2-1.m1/7d) → department:kikaku resolved 2021-03-30
                2021-03-30 MILESTONE_DUE_SOON(2-1.m1/1d) → department:kikaku resolved 2021-04-15
                2021-04-01 MILESTONE_OVERDUE(2-1.m1) → department:kikaku,promotion-hq,cio resolved 2021-04-15
                2021-05-17 REPORT_MISSING(kikaku:FY2020) → department:kikaku resolved 2021-05-20
                2021-05-31 PLAN_REVIEW_DUE(FY2020/due-soon) → promotion-hq,cio resolved 2021-06-10
                2022-04-20 KPI_MISSED(4-3.1) → promotion-hq,department:kikaku (firing)
                2022-05-16 REPORT_MISSING(shimin:FY2021) → department:shimin resolved 2022-06-01
                2022-05-23 REPORT_ESCALATED(shimin:FY2021) → promotion-hq,cio resolved 2022-06-01
                2022-05-31 PLAN_REVIEW_DUE(FY2021/due-soon) → promotion-hq,cio resolved 2022-07-01
                2022-07-01 PLAN_REVIEW_DUE(FY2021/overdue) → promotion-hq resolved 2022-07-05
                2023-03-01 MILESTONE_DUE_SOON(5-2.m1/30d) → department:shobo resolved 2023-03-24
                2023-03-24 MILESTONE_DUE_SOON(5-2.m1/7d) → department:shobo resolved 2023-03-30
                2023-03-30 MILESTONE_DUE_SOON(5-2.m1/1d) → department:shobo resolved 2023-04-10
                2023-04-01 MILESTONE_OVERDUE(5-2.m1) → department:shobo,promotion-hq,cio resolved 2023-04-10
                2023-04-20 KPI_STATUS_WORSENED(3-1.1) → promotion-hq resolved 2024-03-15
                2023-10-01 KPI_BEHIND_NEAR_DEADLINE(3-1.1) → promotion-hq,department:shimin,cio resolved 2024-03-15
                2024-03-01 MILESTONE_DUE_SOON(2-2.m1/30d) → department:kikaku resolved 2024-03-24
                2024-03-01 MILESTONE_DUE_SOON(3-1.m1/30d) → department:shimin resolved 2024-03-15
                2024-03-15 KPI_ACHIEVED(3-1.1) → promotion-hq (firing)
                2024-03-24 MILESTONE_DUE_SOON(2-2.m1/7d) → department:kikaku resolved 2024-03-25
                """.strip();

    /**
     * Each message (+ firing, - resolved since the last one): a new group waits five minutes (09:05), a changed one is
     * told at once (09:00), an unchanged one with unacknowledged warnings again after seven days.
     */
    static final String EXPECTED_MESSAGES = """
                2020-05-31 09:05 promotion-hq FIRST +PLAN_REVIEW_DUE(FY2019/due-soon)
                2020-06-15 09:00 promotion-hq UPDATE -PLAN_REVIEW_DUE(FY2019/due-soon)
                2021-03-01 09:05 department:kikaku FIRST +MILESTONE_DUE_SOON(2-1.m1/30d)
                2021-03-08 09:05 department:kikaku REPEAT +MILESTONE_DUE_SOON(2-1.m1/30d)
                2021-03-15 09:05 department:kikaku REPEAT +MILESTONE_DUE_SOON(2-1.m1/30d)
                2021-03-22 09:05 department:kikaku REPEAT +MILESTONE_DUE_SOON(2-1.m1/30d)
                2021-03-24 09:00 department:kikaku UPDATE +MILESTONE_DUE_SOON(2-1.m1/7d) -MILESTONE_DUE_SOON(2-1.m1/30d)
                2021-03-30 09:00 department:kikaku UPDATE +MILESTONE_DUE_SOON(2-1.m1/1d) -MILESTONE_DUE_SOON(2-1.m1/7d)
                2021-04-01 09:00 department:kikaku UPDATE +MILESTONE_OVERDUE(2-1.m1)
                2021-04-01 09:05 promotion-hq FIRST +MILESTONE_OVERDUE(2-1.m1)
                2021-04-06 09:05 cio FIRST +MILESTONE_OVERDUE(2-1.m1)
                2021-04-08 09:00 department:kikaku REPEAT +MILESTONE_OVERDUE(2-1.m1)
                2021-04-08 09:05 promotion-hq REPEAT +MILESTONE_OVERDUE(2-1.m1)
                2021-04-13 09:05 cio REPEAT +MILESTONE_OVERDUE(2-1.m1)
                2021-04-15 09:00 cio UPDATE -MILESTONE_OVERDUE(2-1.m1)
                2021-04-15 09:00 department:kikaku UPDATE -MILESTONE_OVERDUE(2-1.m1)
                2021-04-15 09:00 promotion-hq UPDATE -MILESTONE_OVERDUE(2-1.m1)
                2021-05-17 09:05 department:kikaku FIRST +REPORT_MISSING(kikaku:FY2020)
                2021-05-20 09:00 department:kikaku UPDATE -REPORT_MISSING(kikaku:FY2020)
                2021-05-31 09:05 promotion-hq FIRST +PLAN_REVIEW_DUE(FY2020/due-soon)
                2021-06-03 09:05 cio FIRST +PLAN_REVIEW_DUE(FY2020/due-soon)
                2021-06-07 09:05 promotion-hq REPEAT +PLAN_REVIEW_DUE(FY2020/due-soon)
                2021-06-10 09:00 cio UPDATE -PLAN_REVIEW_DUE(FY2020/due-soon)
                2021-06-10 09:00 promotion-hq UPDATE -PLAN_REVIEW_DUE(FY2020/due-soon)
                2022-04-20 09:05 department:kikaku FIRST +KPI_MISSED(4-3.1)
                2022-04-20 09:05 promotion-hq FIRST +KPI_MISSED(4-3.1)
                2022-05-16 09:05 department:shimin FIRST +REPORT_MISSING(shimin:FY2021)
                2022-05-23 09:00 promotion-hq UPDATE +KPI_MISSED(4-3.1) +REPORT_ESCALATED(shimin:FY2021)
                2022-05-23 09:05 department:shimin REPEAT +REPORT_MISSING(shimin:FY2021)
                2022-05-26 09:05 cio FIRST +REPORT_ESCALATED(shimin:FY2021)
                2022-05-30 09:00 promotion-hq REPEAT +KPI_MISSED(4-3.1) +REPORT_ESCALATED(shimin:FY2021)
                2022-05-30 09:05 department:shimin REPEAT +REPORT_MISSING(shimin:FY2021)
                2022-05-31 09:00 promotion-hq UPDATE +KPI_MISSED(4-3.1) +PLAN_REVIEW_DUE(FY2021/due-soon) +REPORT_ESCALATED(shimin:FY2021)
                2022-06-01 09:00 cio UPDATE -REPORT_ESCALATED(shimin:FY2021)
                2022-06-01 09:00 department:shimin UPDATE -REPORT_MISSING(shimin:FY2021)
                2022-06-01 09:00 promotion-hq UPDATE +KPI_MISSED(4-3.1) +PLAN_REVIEW_DUE(FY2021/due-soon) -REPORT_ESCALATED(shimin:FY2021)
                2022-06-03 09:05 cio FIRST +PLAN_REVIEW_DUE(FY2021/due-soon)
                2022-06-08 09:00 promotion-hq REPEAT +KPI_MISSED(4-3.1) +PLAN_REVIEW_DUE(FY2021/due-soon)
                2022-06-10 09:05 cio REPEAT +PLAN_REVIEW_DUE(FY2021/due-soon)
                2022-06-15 09:00 promotion-hq REPEAT +KPI_MISSED(4-3.1) +PLAN_REVIEW_DUE(FY2021/due-soon)
                2022-06-17 09:05 cio REPEAT +PLAN_REVIEW_DUE(FY2021/due-soon)
                2022-06-22 09:00 promotion-hq REPEAT +KPI_MISSED(4-3.1) +PLAN_REVIEW_DUE(FY2021/due-soon)
                2022-06-24 09:05 cio REPEAT +PLAN_REVIEW_DUE(FY2021/due-soon)
                2022-06-29 09:00 promotion-hq REPEAT +KPI_MISSED(4-3.1) +PLAN_REVIEW_DUE(FY2021/due-soon)
                2022-07-01 09:00 cio UPDATE -PLAN_REVIEW_DUE(FY2021/due-soon)
                2022-07-01 09:00 promotion-hq UPDATE +KPI_MISSED(4-3.1) +PLAN_REVIEW_DUE(FY2021/overdue) -PLAN_REVIEW_DUE(FY2021/due-soon)
                2022-07-05 09:00 promotion-hq UPDATE +KPI_MISSED(4-3.1) -PLAN_REVIEW_DUE(FY2021/overdue)
                2023-03-01 09:05 department:shobo FIRST +MILESTONE_DUE_SOON(5-2.m1/30d)
                2023-03-08 09:05 department:shobo REPEAT +MILESTONE_DUE_SOON(5-2.m1/30d)
                2023-03-15 09:05 department:shobo REPEAT +MILESTONE_DUE_SOON(5-2.m1/30d)
                2023-03-22 09:05 department:shobo REPEAT +MILESTONE_DUE_SOON(5-2.m1/30d)
                2023-03-24 09:00 department:shobo UPDATE +MILESTONE_DUE_SOON(5-2.m1/7d) -MILESTONE_DUE_SOON(5-2.m1/30d)
                2023-03-30 09:00 department:shobo UPDATE +MILESTONE_DUE_SOON(5-2.m1/1d) -MILESTONE_DUE_SOON(5-2.m1/7d)
                2023-04-01 09:00 department:shobo UPDATE +MILESTONE_OVERDUE(5-2.m1)
                2023-04-01 09:00 promotion-hq UPDATE +KPI_MISSED(4-3.1) +MILESTONE_OVERDUE(5-2.m1)
                2023-04-06 09:05 cio FIRST +MILESTONE_OVERDUE(5-2.m1)
                2023-04-08 09:00 department:shobo REPEAT +MILESTONE_OVERDUE(5-2.m1)
                2023-04-08 09:00 promotion-hq REPEAT +KPI_MISSED(4-3.1) +MILESTONE_OVERDUE(5-2.m1)
                2023-04-10 09:00 cio UPDATE -MILESTONE_OVERDUE(5-2.m1)
                2023-04-10 09:00 department:shobo UPDATE -MILESTONE_OVERDUE(5-2.m1)
                2023-04-10 09:00 promotion-hq UPDATE +KPI_MISSED(4-3.1) -MILESTONE_OVERDUE(5-2.m1)
                2023-04-20 09:00 promotion-hq UPDATE +KPI_MISSED(4-3.1) +KPI_STATUS_WORSENED(3-1.1)
                2023-10-01 09:00 promotion-hq UPDATE +KPI_BEHIND_NEAR_DEADLINE(3-1.1) +KPI_MISSED(4-3.1) +KPI_STATUS_WORSENED(3-1.1)
                2023-10-01 09:05 department:shimin FIRST +KPI_BEHIND_NEAR_DEADLINE(3-1.1)
                2023-10-05 09:05 cio FIRST +KPI_BEHIND_NEAR_DEADLINE(3-1.1)
                2023-10-08 09:00 promotion-hq REPEAT +KPI_BEHIND_NEAR_DEADLINE(3-1.1) +KPI_MISSED(4-3.1) +KPI_STATUS_WORSENED(3-1.1)
                2023-10-08 09:05 department:shimin REPEAT +KPI_BEHIND_NEAR_DEADLINE(3-1.1)
                2024-03-01 09:00 department:kikaku UPDATE +KPI_MISSED(4-3.1) +MILESTONE_DUE_SOON(2-2.m1/30d)
                2024-03-01 09:00 department:shimin UPDATE +KPI_BEHIND_NEAR_DEADLINE(3-1.1) +MILESTONE_DUE_SOON(3-1.m1/30d)
                2024-03-08 09:00 department:kikaku REPEAT +KPI_MISSED(4-3.1) +MILESTONE_DUE_SOON(2-2.m1/30d)
                2024-03-08 09:00 department:shimin REPEAT +KPI_BEHIND_NEAR_DEADLINE(3-1.1) +MILESTONE_DUE_SOON(3-1.m1/30d)
                2024-03-15 09:00 cio UPDATE -KPI_BEHIND_NEAR_DEADLINE(3-1.1)
                2024-03-15 09:00 department:kikaku REPEAT +KPI_MISSED(4-3.1) +MILESTONE_DUE_SOON(2-2.m1/30d)
                2024-03-15 09:00 department:shimin UPDATE -KPI_BEHIND_NEAR_DEADLINE(3-1.1) -MILESTONE_DUE_SOON(3-1.m1/30d)
                2024-03-15 09:00 promotion-hq UPDATE +KPI_ACHIEVED(3-1.1) +KPI_MISSED(4-3.1) -KPI_BEHIND_NEAR_DEADLINE(3-1.1) -KPI_STATUS_WORSENED(3-1.1)
                2024-03-22 09:00 department:kikaku REPEAT +KPI_MISSED(4-3.1) +MILESTONE_DUE_SOON(2-2.m1/30d)
                2024-03-24 09:00 department:kikaku UPDATE +KPI_MISSED(4-3.1) +MILESTONE_DUE_SOON(2-2.m1/7d) -MILESTONE_DUE_SOON(2-2.m1/30d)
                2024-03-25 09:00 department:kikaku UPDATE +KPI_MISSED(4-3.1) -MILESTONE_DUE_SOON(2-2.m1/7d)
                """.strip();

    private String describe(Alert a) {
        return describe(a.rule().name(), a.labels());
    }

    private String describe(Notification.Item i) {
        return describe(i.rule().name(), i.labels());
    }

    private String describe(String rule, Map<String, String> labels) {
        String subject = labels.containsKey("milestoneId") ? labels.get("milestoneId").substring(planId.length() + 1)
                : labels.containsKey("kpiId") ? labels.get("kpiId").substring(planId.length() + 1)
                : labels.containsKey("period") ? labels.get("departmentCode") + ":" + labels.get("period")
                : labels.getOrDefault("fiscalYear", "");
        String stage = labels.containsKey("within") ? "/" + labels.get("within")
                : labels.containsKey("stage") ? "/" + labels.get("stage") : "";
        return rule + "(" + subject + stage + ")";
    }

    private static LocalDate day(Instant instant) {
        return LocalDate.ofInstant(instant, TOKYO);
    }

    private static String time(Instant instant) {
        LocalDateTime at = LocalDateTime.ofInstant(instant, TOKYO);
        return at.toLocalDate() + " " + at.toLocalTime();
    }

    // ---- the plan, as the plan service publishes it ----

    record Kpi(String measure, String code, String department, String name, String unit, String kind, String direction,
            BigDecimal target, LocalDate due) {
        String id(String planId) {
            return planId + "." + measure + "." + code;
        }
    }

    static final List<Kpi> KPIS = List.of(
            new Kpi("1-1", "1", "somu", "オンライン利用率", "件", "count", "increase", BigDecimal.TEN, LocalDate.of(2021, 3, 31)),
            new Kpi("2-1", "1", "kikaku", "オープンデータ公開件数", "件", "count", "increase", BigDecimal.TEN, LocalDate.of(2021, 3, 31)),
            new Kpi("2-2", "1", "kikaku", "オープンデータ公開ページの整備", "件", "count", "increase", BigDecimal.ONE, LocalDate.of(2024, 3, 31)),
            new Kpi("2-2", "2", "kikaku", "G空間情報センターへのデータ登録数", "件", "count", "increase", BigDecimal.TWO, LocalDate.of(2024, 3, 31)),
            new Kpi("3-1", "1", "shimin", "マイナンバーカードの普及率", "%", "percentage", "increase", BigDecimal.valueOf(20), LocalDate.of(2024, 3, 31)),
            new Kpi("4-3", "1", "kikaku", "固定系超高速ブロードバンド整備世帯数", "世帯", "count", "increase", BigDecimal.valueOf(150), LocalDate.of(2022, 3, 31)),
            new Kpi("5-2", "1", "shobo", "Webシステムの開発及び救急車へのタブレット端末の設置", null, "boolean", "achieve", null, LocalDate.of(2023, 3, 31)));

    private void publishPlan() {
        for (Kpi kpi : KPIS) {
            TestEvents.publish(kafka, Events.KPI_DEFINED, new KpiDefinedV1(kpi.id(planId), planId, municipality,
                    kpi.measure().substring(0, 1), kpi.measure(), "施策" + kpi.measure(), kpi.department(), kpi.name(),
                    kpi.unit(), kpi.kind(), kpi.direction(), null, new KpiDefinedV1.Target(kpi.target(), kpi.due()), 1,
                    null, null, List.of(), false, "柱" + kpi.measure().charAt(0), "cumulative", "annual",
                    new KpiDefinedV1.PlanPeriod(2018, 2024)));
        }
        List<PlanPublishedV1.Measure> measures = List.of(
                measure("1-1", "somu", milestone("1-1", "2020年度までに随時実施。", LocalDate.of(2021, 3, 31))),
                measure("2-1", "kikaku", milestone("2-1", "2020年度までに随時実施。", LocalDate.of(2021, 3, 31))),
                measure("2-2", "kikaku", milestone("2-2", "2023年度までに随時実施。", LocalDate.of(2024, 3, 31))),
                measure("3-1", "shimin", milestone("3-1", "2023年度までにマイナンバーカード普及率20%を達成", LocalDate.of(2024, 3, 31))),
                measure("4-3", "kikaku", milestone("4-3", "超高速ブロードバンドを2021年度までに150世帯整備する。", LocalDate.of(2022, 3, 31))),
                measure("5-2", "shobo", milestone("5-2", "2022年度までにWebシステムの開発及び全救急車へのタブレット端末の設置を完了",
                        LocalDate.of(2023, 3, 31))));
        TestEvents.publish(kafka, Events.PLAN_PUBLISHED, new PlanPublishedV1(planId,
                new PlanPublishedV1.Municipality(municipality, "瀬戸内町", "鹿児島県"), "瀬戸内町官民データ活用推進計画",
                LocalDate.of(2018, 11, 1), 1, List.of(new PlanPublishedV1.Pillar("1", "全体", measures)),
                Instant.parse("2020-04-01T00:00:00Z")));
        await().until(() -> kpis.findAll().stream().filter(k -> planId.equals(k.planId())).count() == KPIS.size()
                && plans.find(planId).isPresent());
    }

    private PlanPublishedV1.Measure measure(String code, String department, PlanPublishedV1.Milestone milestone) {
        return new PlanPublishedV1.Measure(code, "施策" + code, department,
                KPIS.stream().filter(k -> k.measure().equals(code)).map(k -> k.id(planId)).toList(), List.of(milestone),
                false);
    }

    private PlanPublishedV1.Milestone milestone(String measure, String text, LocalDate due) {
        return new PlanPublishedV1.Milestone(planId + "." + measure + ".m1", text, due, null, "in-progress");
    }

    // ---- the script ----

    private void on(String date, Consumer<LocalDate> step) {
        script.computeIfAbsent(LocalDate.parse(date), d -> new ArrayList<>()).add(step);
    }

    private void writeScript() {
        // every department reports each fiscal year's values by 20 April, except where said otherwise
        for (int year = 2019; year <= 2022; year++) {
            String period = "FY" + year;
            for (Kpi kpi : KPIS) {
                boolean kikakuLate = year == 2020 && kpi.measure().equals("2-2");
                boolean shiminMissing = year == 2021 && kpi.department().equals("shimin");
                if (!kikakuLate && !shiminMissing) {
                    on((year + 1) + "-04-20", d -> report(kpi, period, d));
                }
            }
        }
        // 企画課 reports 2-2 for FY2020 on 20 May 2021: after the reminder (17 May), before the escalation
        KPIS.stream().filter(k -> k.measure().equals("2-2")).forEach(k -> on("2021-05-20", d -> report(k, "FY2020", d)));
        // 市民課 reports FY2021 only on 1 June 2022, after the escalation to the 推進本部 (23 May)
        on("2022-06-01", d -> report(KPIS.get(4), "FY2021", d));

        // progress as the measurement service tells it
        on("2021-04-20", d -> progress(KPIS.get(4), null, "ON_TRACK", d));
        on("2022-04-20", d -> progress(KPIS.get(5), "ON_TRACK", "MISSED", d));
        on("2023-04-20", d -> progress(KPIS.get(4), "ON_TRACK", "AT_RISK", d));
        on("2024-03-15", d -> progress(KPIS.get(4), "AT_RISK", "ACHIEVED", d));

        // milestones
        on("2020-12-01", d -> milestoneDone("1-1", d));
        on("2021-04-15", d -> milestoneDone("2-1", d));
        on("2022-02-10", d -> milestoneDone("4-3", d));
        on("2023-04-10", d -> milestoneDone("5-2", d));
        on("2024-03-15", d -> milestoneDone("3-1", d));
        on("2024-03-25", d -> milestoneDone("2-2", d));

        // 年度見直し: FY2019 and FY2020 on time, FY2021 late, FY2022 early
        on("2020-06-15", d -> reviewed(2019, d));
        on("2021-06-10", d -> reviewed(2020, d));
        on("2022-07-05", d -> reviewed(2021, d));
        on("2023-05-20", d -> reviewed(2022, d));

        // the 推進本部 acknowledges some alerts
        on("2020-06-01", d -> acknowledge("PLAN_REVIEW_DUE", "FY2019の見直しを6月15日の推進本部会議で実施予定"));
        on("2022-04-21", d -> acknowledge("KPI_MISSED", "未整備地区は次期計画で対応する方針"));
        on("2023-04-21", d -> acknowledge("KPI_STATUS_WORSENED", "市民課に出張申請受付の追加を依頼"));
        on("2023-10-10", d -> acknowledge("KPI_BEHIND_NEAR_DEADLINE", "年度内に臨時窓口を3回開設する"));
    }

    private void report(Kpi kpi, String period, LocalDate day) {
        TestEvents.publish(kafka, Events.MEASUREMENT_RECORDED, new MeasurementRecordedV1("msr-" + UUID.randomUUID(),
                kpi.id(planId), planId, kpi.department(), BigDecimal.ONE, LocalDate.parse(period.substring(2) + "-03-31")
                        .plusYears(1), kpi.department(), clock.instant(), null, period, null, null, null));
        await().until(() -> kpis.find(kpi.id(planId)).orElseThrow().reported(period));
    }

    private void progress(Kpi kpi, String before, String status, LocalDate day) {
        TestEvents.publish(kafka, Events.KPI_PROGRESS_CHANGED, new KpiProgressChangedV1(kpi.id(planId), planId,
                kpi.department(), day, BigDecimal.ONE, new BigDecimal("0.5"), new BigDecimal("0.6"), before, status,
                kpi.due(), null, null));
        await().until(() -> status.equals(kpis.find(kpi.id(planId)).orElseThrow().status()));
    }

    private void milestoneDone(String measure, LocalDate day) {
        String id = planId + "." + measure + ".m1";
        TestEvents.publish(kafka, Events.MILESTONE_STATUS_CHANGED, new MilestoneStatusChangedV1(planId, id, measure,
                null, null, null, null, "in-progress", "done", null, "担当課", clock.instant()));
        await().until(() -> plans.find(planId).orElseThrow().milestones().stream()
                .anyMatch(m -> m.milestoneId().equals(id) && m.status().equals("done")));
    }

    private void reviewed(int fiscalYear, LocalDate day) {
        TestEvents.publish(kafka, Events.PLAN_REVIEWED, new PlanReviewedV1(planId, planId + ".review-" + fiscalYear,
                fiscalYear, "年度の取組を評価", "瀬戸内町情報化推進本部", clock.instant(), List.of()));
        await().until(() -> plans.find(planId).orElseThrow().reviewed(fiscalYear));
    }

    private void acknowledge(String rule, String comment) {
        HttpJson http = HttpJson.onPort(port);
        String id = http.get("/api/inbox?state=FIRING&acknowledged=false&municipality=" + municipality + "&rule=" + rule)
                .json().get(0).get("id").asString();
        assertThat(http.post("/api/alerts/" + id + "/acknowledgement",
                "{\"acknowledgedBy\":\"推進本部事務局\",\"comment\":\"" + comment + "\"}").status()).isEqualTo(200);
    }
}
