package jp.shinchoku.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
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
import java.util.Objects;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import jp.shinchoku.launcher.LocalSystem.Service;
import jp.shinchoku.measurement.progress.ProgressRepository;
import jp.shinchoku.measurement.progress.ProgressState;
import jp.shinchoku.measurement.progress.config.DailyProgress;
import jp.shinchoku.notification.alerts.Alert;
import jp.shinchoku.notification.alerts.AlertRepository;
import jp.shinchoku.notification.alerts.AlertService;
import jp.shinchoku.notification.alerts.config.ScheduledEvaluation;
import jp.shinchoku.notification.delivery.Notification;
import jp.shinchoku.notification.delivery.NotificationLog;
import jp.shinchoku.notification.delivery.config.DeliveryConfiguration;
import jp.shinchoku.notification.kpis.KpiWatch;
import jp.shinchoku.notification.kpis.KpiWatchRepository;
import jp.shinchoku.notification.plans.PlanWatchRepository;
import jp.shinchoku.testsupport.HttpJson;
import jp.shinchoku.testsupport.TestTokens;
import jp.shinchoku.testsupport.MovableClock;
import jp.shinchoku.testsupport.SharedInfrastructure;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;

/**
 * A whole plan period across the three real services, day by day: 瀬戸内町's plan (seven KPIs of seven measures,
 * four departments, annual reports) imported through the plan service on 1 April 2020 and run to 30 April 2024.
 * Departments report through the measurement service's API; progress comes from its engine alone — from the reports
 * and from the days passing (its daily run) — never from statuses published by hand. Each day the clock stands at
 * 09:00: the measurement service's daily run, the day's script, the notification service's evaluation, and its
 * dispatcher at 09:00 and 09:05. Asserts exactly which alerts fired, when and to whom, which messages each receiver
 * got, and that no group was told again within its repeat interval.
 * <p>
 * What the script makes happen: 市民課 reports the card rate once (FY2019) and then falls silent — the rate drifts
 * 順調 → 注意 → 遅れ with the clock, is 期限接近・遅れ from six months before its deadline and 未達 from the morning
 * after it; 企画課's web accessibility (a level to keep) is reached and then lost (悪化); KPIs reached early stay 達成;
 * the broadband KPI misses its deadline; 消防本部 completes its system only on the deadline day and reports it late.
 * The town never writes its measures' 施策評価: each May its departments are reminded, and from June they and the
 * 推進本部 are told it is late, until the following year ends.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FourFiscalYearsTest {

    static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");
    static final LocalDate START = LocalDate.of(2020, 4, 1);
    static final LocalDate END = LocalDate.of(2024, 4, 30);
    /** The plan's 地方公共団体コード (the test's own): other systems on the same broker publish other plans. */
    static final String MUNICIPALITY = "999525";

    private final MovableClock clock = MovableClock.at(START);
    private final Map<LocalDate, List<Consumer<LocalDate>>> script = new HashMap<>();
    private LocalSystem system;
    private HttpJson plans;
    private HttpJson measurements;
    private HttpJson notifications;
    private String planId;

    @BeforeAll
    void startSystem() {
        system = LocalSystem.start(new LocalSystem.Settings(SharedInfrastructure.get().bootstrapServers(),
                SharedInfrastructure.get().mongoUri(), "years-" + UUID.randomUUID().toString().substring(0, 8) + "-",
                null, null, clock, Map.of(
                        TestTokens.PUBLIC_KEY_PROPERTY, TestTokens.publicKeyLocation(),
                        "shinchoku.notification.evaluation.cron", "-",
                        "shinchoku.notification.delivery.interval", "P1D",
                        "shinchoku.progress.daily.check", "P3650D")));
        plans = HttpJson.onPort(system.port(Service.PLAN));
        measurements = HttpJson.onPort(system.port(Service.MEASUREMENT));
        notifications = HttpJson.onPort(system.port(Service.NOTIFICATION));
    }

    @AfterAll
    void stopSystem() {
        if (system != null) {
            system.close();
        }
    }

    @Test
    void fourFiscalYearsOfSetouchiWithProgressFromTheRealEngine() throws IOException {
        importPlan();
        writeScript();
        DailyProgress.Run daily = system.bean(Service.MEASUREMENT, DailyProgress.Run.class);
        ScheduledEvaluation.Evaluation evaluation = system.bean(Service.NOTIFICATION, ScheduledEvaluation.Evaluation.class);
        DeliveryConfiguration.Telling telling = system.bean(Service.NOTIFICATION, DeliveryConfiguration.Telling.class);
        long started = System.nanoTime();
        for (LocalDate day = START; !day.isAfter(END); day = day.plusDays(1)) {
            clock.moveTo(day);
            daily.runIfDue();
            awaitProgressTold();
            for (Consumer<LocalDate> step : script.getOrDefault(day, List.of())) {
                step.accept(day);
            }
            evaluation.run();
            telling.run();
            clock.advance(Duration.ofMinutes(5));
            telling.run();
        }
        System.out.printf("four fiscal years across the three services simulated in %.1f s%n",
                (System.nanoTime() - started) / 1e9);

        List<Alert> ours = system.bean(Service.NOTIFICATION, AlertService.class)
                .inbox(new AlertRepository.InboxQuery(null, null, null, MUNICIPALITY, null, null, null));
        String raised = ours.stream().sorted(Comparator.comparing(Alert::firstRaisedAt).thenComparing(a -> describe(a)))
                .map(a -> day(a.firstRaisedAt()) + " " + describe(a) + " → " + String.join(",", a.receivers())
                        + (a.resolvedAt() == null ? " (firing)" : " resolved " + day(a.resolvedAt())))
                .collect(Collectors.joining("\n"));
        assertThat(raised).isEqualTo(EXPECTED_ALERTS);
        List<Notification> told = system.bean(Service.NOTIFICATION, NotificationLog.class).notifications(null, null, 100000)
                .stream().filter(n -> MUNICIPALITY.equals(n.groupLabels().get("municipality"))).sorted(Comparator.comparing(Notification::createdAt).thenComparing(Notification::receiver)).toList();
        String messages = told.stream().filter(n -> !day(n.createdAt()).isBefore(WINDOW_FROM)).map(n -> time(n.createdAt()) + " " + n.receiver() + " " + n.reason() + " "
                + n.items().stream().map(i -> (i.state() == Alert.State.RESOLVED ? "-" : "+") + describe(i)).sorted()
                        .collect(Collectors.joining(" ")))
                .collect(Collectors.joining("\n"));
        assertThat(messages).isEqualTo(EXPECTED_MESSAGES);

        // no receiver was told twice within the group interval, nor repeated before the repeat interval
        told.stream().collect(Collectors.groupingBy(Notification::receiver)).forEach((receiver, list) -> {
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
        // what the measurement service shows at the end is what the 推進本部 was told
        assertThat(status("3-1.1")).isEqualTo("MISSED");
        assertThat(status("1-1.1")).isEqualTo("ACHIEVED");
        assertThat(status("4-2.1")).isEqualTo("BEHIND");
    }

    /** Each alert: when it was raised, what about, to whom, and when it resolved. */
    static final String EXPECTED_ALERTS = """
                2020-05-17 EVALUATION_DUE(FY2019) → department:kikaku resolved 2020-06-01
                2020-05-17 EVALUATION_DUE(FY2019) → department:shimin resolved 2020-06-01
                2020-05-17 EVALUATION_DUE(FY2019) → department:shobo resolved 2020-06-01
                2020-05-17 EVALUATION_DUE(FY2019) → department:somu resolved 2020-06-01
                2020-05-31 PLAN_REVIEW_DUE(FY2019/due-soon) → promotion-hq resolved 2020-06-15
                2020-06-01 EVALUATION_OVERDUE(FY2019) → department:kikaku,promotion-hq,cio resolved 2021-04-01
                2020-06-01 EVALUATION_OVERDUE(FY2019) → department:shimin,promotion-hq,cio resolved 2021-04-01
                2020-06-01 EVALUATION_OVERDUE(FY2019) → department:shobo,promotion-hq,cio resolved 2021-04-01
                2020-06-01 EVALUATION_OVERDUE(FY2019) → department:somu,promotion-hq,cio resolved 2021-04-01
                2020-06-02 KPI_STATUS_WORSENED(3-1.1/ON_TRACK→AT_RISK) → promotion-hq,cio resolved 2020-11-14
                2020-06-11 KPI_STATUS_WORSENED(2-1.1/ON_TRACK→AT_RISK) → promotion-hq,cio resolved 2020-11-26
                2020-07-01 KPI_BEHIND_NEAR_DEADLINE(4-2.1) → promotion-hq,department:kikaku,cio resolved 2021-01-01
                2020-07-23 KPI_STATUS_WORSENED(1-1.1/AT_RISK→BEHIND) → promotion-hq,cio resolved 2021-04-01
                2020-10-01 KPI_BEHIND_NEAR_DEADLINE(1-1.1) → promotion-hq,department:somu,cio resolved 2021-04-01
                2020-10-01 KPI_BEHIND_NEAR_DEADLINE(2-1.1) → promotion-hq,department:kikaku,cio resolved 2021-04-01
                2020-11-14 KPI_STATUS_WORSENED(3-1.1/AT_RISK→BEHIND) → promotion-hq,cio resolved 2024-04-01
                2020-11-26 KPI_STATUS_WORSENED(2-1.1/AT_RISK→BEHIND) → promotion-hq,cio resolved 2021-04-01
                2021-01-01 KPI_MISSED(4-2.1) → promotion-hq,department:kikaku,cio resolved 2021-04-20
                2021-03-01 MILESTONE_DUE_SOON(2-1.m1/30d) → department:kikaku resolved 2021-03-24
                2021-03-24 MILESTONE_DUE_SOON(2-1.m1/7d) → department:kikaku resolved 2021-03-30
                2021-03-30 MILESTONE_DUE_SOON(2-1.m1/1d) → department:kikaku resolved 2021-04-15
                2021-04-01 KPI_MISSED(1-1.1) → promotion-hq,department:somu,cio resolved 2021-04-20
                2021-04-01 KPI_MISSED(2-1.1) → promotion-hq,department:kikaku,cio resolved 2021-04-20
                2021-04-01 MILESTONE_OVERDUE(2-1.m1) → department:kikaku,promotion-hq,cio resolved 2021-04-15
                2021-04-20 KPI_ACHIEVED(1-1.1) → promotion-hq (firing)
                2021-04-20 KPI_ACHIEVED(2-1.1) → promotion-hq (firing)
                2021-04-20 KPI_ACHIEVED(4-2.1) → promotion-hq resolved 2023-04-20
                2021-04-23 REPORT_DUE_SOON(kikaku:FY2020) → department:kikaku resolved 2021-05-01
                2021-04-23 REPORT_DUE_SOON(shimin:FY2020) → department:shimin resolved 2021-05-01
                2021-05-17 EVALUATION_DUE(FY2020) → department:kikaku resolved 2021-06-01
                2021-05-17 EVALUATION_DUE(FY2020) → department:shimin resolved 2021-06-01
                2021-05-17 EVALUATION_DUE(FY2020) → department:shobo resolved 2021-06-01
                2021-05-17 EVALUATION_DUE(FY2020) → department:somu resolved 2021-06-01
                2021-05-17 REPORT_MISSING(kikaku:FY2020) → department:kikaku resolved 2021-05-20
                2021-05-17 REPORT_MISSING(shimin:FY2020) → department:shimin resolved 2022-04-01
                2021-05-24 REPORT_ESCALATED(shimin:FY2020) → promotion-hq,cio resolved 2022-04-01
                2021-05-31 PLAN_REVIEW_DUE(FY2020/due-soon) → promotion-hq,cio resolved 2021-06-10
                2021-06-01 EVALUATION_OVERDUE(FY2020) → department:kikaku,promotion-hq,cio resolved 2022-04-01
                2021-06-01 EVALUATION_OVERDUE(FY2020) → department:shimin,promotion-hq,cio resolved 2022-04-01
                2021-06-01 EVALUATION_OVERDUE(FY2020) → department:shobo,promotion-hq,cio resolved 2022-04-01
                2021-06-01 EVALUATION_OVERDUE(FY2020) → department:somu,promotion-hq,cio resolved 2022-04-01
                2021-06-08 KPI_STATUS_WORSENED(4-3.1/AT_RISK→BEHIND) → promotion-hq,cio resolved 2022-04-01
                2021-10-01 KPI_BEHIND_NEAR_DEADLINE(4-3.1) → promotion-hq,department:kikaku,cio resolved 2022-04-01
                2021-11-04 KPI_STATUS_WORSENED(2-2.2/ON_TRACK→AT_RISK) → promotion-hq,cio resolved 2022-09-14
                2022-04-01 KPI_MISSED(4-3.1) → promotion-hq,department:kikaku,cio resolved 2024-04-20
                2022-04-20 KPI_ACHIEVED(2-2.1) → promotion-hq (firing)
                2022-04-23 REPORT_DUE_SOON(shimin:FY2021) → department:shimin resolved 2022-05-01
                2022-05-16 REPORT_MISSING(shimin:FY2021) → department:shimin resolved 2023-04-01
                2022-05-17 EVALUATION_DUE(FY2021) → department:kikaku resolved 2022-06-01
                2022-05-17 EVALUATION_DUE(FY2021) → department:shimin resolved 2022-06-01
                2022-05-17 EVALUATION_DUE(FY2021) → department:shobo resolved 2022-06-01
                2022-05-17 EVALUATION_DUE(FY2021) → department:somu resolved 2022-06-01
                2022-05-23 REPORT_ESCALATED(shimin:FY2021) → promotion-hq,cio resolved 2023-04-01
                2022-05-31 PLAN_REVIEW_DUE(FY2021/due-soon) → promotion-hq,cio resolved 2022-07-01
                2022-06-01 EVALUATION_OVERDUE(FY2021) → department:kikaku,promotion-hq,cio resolved 2023-04-01
                2022-06-01 EVALUATION_OVERDUE(FY2021) → department:shimin,promotion-hq,cio resolved 2023-04-01
                2022-06-01 EVALUATION_OVERDUE(FY2021) → department:shobo,promotion-hq,cio resolved 2023-04-01
                2022-06-01 EVALUATION_OVERDUE(FY2021) → department:somu,promotion-hq,cio resolved 2023-04-01
                2022-07-01 PLAN_REVIEW_DUE(FY2021/overdue) → promotion-hq resolved 2022-07-05
                2022-09-14 KPI_STATUS_WORSENED(2-2.2/AT_RISK→BEHIND) → promotion-hq,cio resolved 2023-04-20
                2022-10-01 KPI_BEHIND_NEAR_DEADLINE(5-2.1) → promotion-hq,department:shobo,cio resolved 2023-04-01
                2023-03-01 MILESTONE_DUE_SOON(5-2.m1/30d) → department:shobo resolved 2023-03-24
                2023-03-24 MILESTONE_DUE_SOON(5-2.m1/7d) → department:shobo resolved 2023-03-30
                2023-03-30 MILESTONE_DUE_SOON(5-2.m1/1d) → department:shobo resolved 2023-04-10
                2023-04-01 KPI_MISSED(5-2.1) → promotion-hq,department:shobo,cio resolved 2023-04-20
                2023-04-01 MILESTONE_OVERDUE(5-2.m1) → department:shobo,promotion-hq,cio resolved 2023-04-10
                2023-04-20 KPI_ACHIEVED(2-2.2) → promotion-hq (firing)
                2023-04-20 KPI_ACHIEVED(5-2.1) → promotion-hq (firing)
                2023-04-20 KPI_STATUS_WORSENED(4-2.1/ACHIEVED→BEHIND) → promotion-hq,cio (firing)
                2023-04-23 REPORT_DUE_SOON(shimin:FY2022) → department:shimin resolved 2023-05-01
                2023-05-15 REPORT_MISSING(shimin:FY2022) → department:shimin resolved 2024-04-01
                2023-05-17 EVALUATION_DUE(FY2022) → department:kikaku resolved 2023-06-01
                2023-05-17 EVALUATION_DUE(FY2022) → department:shimin resolved 2023-06-01
                2023-05-17 EVALUATION_DUE(FY2022) → department:shobo resolved 2023-06-01
                2023-05-17 EVALUATION_DUE(FY2022) → department:somu resolved 2023-06-01
                2023-05-22 REPORT_ESCALATED(shimin:FY2022) → promotion-hq,cio resolved 2024-04-01
                2023-06-01 EVALUATION_OVERDUE(FY2022) → department:kikaku,promotion-hq,cio resolved 2024-04-01
                2023-06-01 EVALUATION_OVERDUE(FY2022) → department:shimin,promotion-hq,cio resolved 2024-04-01
                2023-06-01 EVALUATION_OVERDUE(FY2022) → department:shobo,promotion-hq,cio resolved 2024-04-01
                2023-06-01 EVALUATION_OVERDUE(FY2022) → department:somu,promotion-hq,cio resolved 2024-04-01
                2023-10-01 KPI_BEHIND_NEAR_DEADLINE(3-1.1) → promotion-hq,department:shimin,cio resolved 2024-04-01
                2024-03-01 MILESTONE_DUE_SOON(2-2.m1/30d) → department:kikaku resolved 2024-03-24
                2024-03-01 MILESTONE_DUE_SOON(3-1.m1/30d) → department:shimin resolved 2024-03-15
                2024-03-24 MILESTONE_DUE_SOON(2-2.m1/7d) → department:kikaku resolved 2024-03-25
                2024-04-01 KPI_MISSED(3-1.1) → promotion-hq,department:shimin,cio (firing)
                2024-04-20 KPI_ACHIEVED(4-3.1) → promotion-hq (firing)
                2024-04-23 REPORT_DUE_SOON(shimin:FY2023) → department:shimin (firing)
                2024-04-23 REPORT_DUE_SOON(shobo:FY2023) → department:shobo (firing)
                """.strip();

    /** The messages of the last five weeks are asserted one by one: 市民課's card rate becomes 未達. */
    static final LocalDate WINDOW_FROM = LocalDate.of(2024, 3, 25);

    /**
     * Each message from {@link #WINDOW_FROM} on (+ firing, - resolved since the last one): a new group waits five
     * minutes (09:05), a changed one is told at once (09:00), an unchanged one with unacknowledged warnings again after
     * seven days. The morning after the deadline, 期限接近・遅れ gives way to 未達 in the same message.
     */
    static final String EXPECTED_MESSAGES = """
                2024-03-25 09:00 department:kikaku UPDATE +EVALUATION_OVERDUE(FY2022) +KPI_MISSED(4-3.1) -MILESTONE_DUE_SOON(2-2.m1/7d)
                2024-03-28 09:00 cio REPEAT +EVALUATION_OVERDUE(FY2022) +EVALUATION_OVERDUE(FY2022) +EVALUATION_OVERDUE(FY2022) +EVALUATION_OVERDUE(FY2022) +KPI_BEHIND_NEAR_DEADLINE(3-1.1) +KPI_MISSED(4-3.1) +KPI_STATUS_WORSENED(3-1.1/AT_RISK→BEHIND) +KPI_STATUS_WORSENED(4-2.1/ACHIEVED→BEHIND) +REPORT_ESCALATED(shimin:FY2022)
                2024-03-28 09:00 department:shobo REPEAT +EVALUATION_OVERDUE(FY2022)
                2024-03-28 09:00 department:somu REPEAT +EVALUATION_OVERDUE(FY2022)
                2024-03-29 09:00 department:shimin REPEAT +EVALUATION_OVERDUE(FY2022) +KPI_BEHIND_NEAR_DEADLINE(3-1.1) +REPORT_MISSING(shimin:FY2022)
                2024-03-31 09:00 promotion-hq REPEAT +EVALUATION_OVERDUE(FY2022) +EVALUATION_OVERDUE(FY2022) +EVALUATION_OVERDUE(FY2022) +EVALUATION_OVERDUE(FY2022) +KPI_ACHIEVED(1-1.1) +KPI_ACHIEVED(2-1.1) +KPI_ACHIEVED(2-2.1) +KPI_ACHIEVED(2-2.2) +KPI_ACHIEVED(5-2.1) +KPI_BEHIND_NEAR_DEADLINE(3-1.1) +KPI_MISSED(4-3.1) +KPI_STATUS_WORSENED(3-1.1/AT_RISK→BEHIND) +KPI_STATUS_WORSENED(4-2.1/ACHIEVED→BEHIND) +REPORT_ESCALATED(shimin:FY2022)
                2024-04-01 09:00 cio UPDATE +KPI_MISSED(4-3.1) +KPI_STATUS_WORSENED(4-2.1/ACHIEVED→BEHIND) -EVALUATION_OVERDUE(FY2022) -EVALUATION_OVERDUE(FY2022) -EVALUATION_OVERDUE(FY2022) -EVALUATION_OVERDUE(FY2022) -KPI_BEHIND_NEAR_DEADLINE(3-1.1) -KPI_STATUS_WORSENED(3-1.1/AT_RISK→BEHIND) -REPORT_ESCALATED(shimin:FY2022)
                2024-04-01 09:00 department:kikaku UPDATE +KPI_MISSED(4-3.1) -EVALUATION_OVERDUE(FY2022)
                2024-04-01 09:00 department:shimin UPDATE +KPI_MISSED(3-1.1) -EVALUATION_OVERDUE(FY2022) -KPI_BEHIND_NEAR_DEADLINE(3-1.1) -REPORT_MISSING(shimin:FY2022)
                2024-04-01 09:00 department:shobo UPDATE -EVALUATION_OVERDUE(FY2022)
                2024-04-01 09:00 department:somu UPDATE -EVALUATION_OVERDUE(FY2022)
                2024-04-01 09:00 promotion-hq UPDATE +KPI_ACHIEVED(1-1.1) +KPI_ACHIEVED(2-1.1) +KPI_ACHIEVED(2-2.1) +KPI_ACHIEVED(2-2.2) +KPI_ACHIEVED(5-2.1) +KPI_MISSED(3-1.1) +KPI_MISSED(4-3.1) +KPI_STATUS_WORSENED(4-2.1/ACHIEVED→BEHIND) -EVALUATION_OVERDUE(FY2022) -EVALUATION_OVERDUE(FY2022) -EVALUATION_OVERDUE(FY2022) -EVALUATION_OVERDUE(FY2022) -KPI_BEHIND_NEAR_DEADLINE(3-1.1) -KPI_STATUS_WORSENED(3-1.1/AT_RISK→BEHIND) -REPORT_ESCALATED(shimin:FY2022)
                2024-04-04 09:00 cio UPDATE +KPI_MISSED(3-1.1) +KPI_MISSED(4-3.1) +KPI_STATUS_WORSENED(4-2.1/ACHIEVED→BEHIND)
                2024-04-08 09:00 department:shimin REPEAT +KPI_MISSED(3-1.1)
                2024-04-08 09:00 promotion-hq REPEAT +KPI_ACHIEVED(1-1.1) +KPI_ACHIEVED(2-1.1) +KPI_ACHIEVED(2-2.1) +KPI_ACHIEVED(2-2.2) +KPI_ACHIEVED(5-2.1) +KPI_MISSED(3-1.1) +KPI_MISSED(4-3.1) +KPI_STATUS_WORSENED(4-2.1/ACHIEVED→BEHIND)
                2024-04-11 09:00 cio REPEAT +KPI_MISSED(3-1.1) +KPI_MISSED(4-3.1) +KPI_STATUS_WORSENED(4-2.1/ACHIEVED→BEHIND)
                2024-04-15 09:00 department:shimin REPEAT +KPI_MISSED(3-1.1)
                2024-04-15 09:00 promotion-hq REPEAT +KPI_ACHIEVED(1-1.1) +KPI_ACHIEVED(2-1.1) +KPI_ACHIEVED(2-2.1) +KPI_ACHIEVED(2-2.2) +KPI_ACHIEVED(5-2.1) +KPI_MISSED(3-1.1) +KPI_MISSED(4-3.1) +KPI_STATUS_WORSENED(4-2.1/ACHIEVED→BEHIND)
                2024-04-18 09:00 cio REPEAT +KPI_MISSED(3-1.1) +KPI_MISSED(4-3.1) +KPI_STATUS_WORSENED(4-2.1/ACHIEVED→BEHIND)
                2024-04-20 09:00 cio UPDATE +KPI_MISSED(3-1.1) +KPI_STATUS_WORSENED(4-2.1/ACHIEVED→BEHIND) -KPI_MISSED(4-3.1)
                2024-04-20 09:00 department:kikaku UPDATE -KPI_MISSED(4-3.1)
                2024-04-20 09:00 promotion-hq UPDATE +KPI_ACHIEVED(1-1.1) +KPI_ACHIEVED(2-1.1) +KPI_ACHIEVED(2-2.1) +KPI_ACHIEVED(2-2.2) +KPI_ACHIEVED(4-3.1) +KPI_ACHIEVED(5-2.1) +KPI_MISSED(3-1.1) +KPI_STATUS_WORSENED(4-2.1/ACHIEVED→BEHIND) -KPI_MISSED(4-3.1)
                2024-04-22 09:00 department:shimin REPEAT +KPI_MISSED(3-1.1)
                2024-04-23 09:00 department:shimin UPDATE +KPI_MISSED(3-1.1) +REPORT_DUE_SOON(shimin:FY2023)
                2024-04-23 09:05 department:shobo FIRST +REPORT_DUE_SOON(shobo:FY2023)
                2024-04-27 09:00 cio REPEAT +KPI_MISSED(3-1.1) +KPI_STATUS_WORSENED(4-2.1/ACHIEVED→BEHIND)
                2024-04-27 09:00 promotion-hq REPEAT +KPI_ACHIEVED(1-1.1) +KPI_ACHIEVED(2-1.1) +KPI_ACHIEVED(2-2.1) +KPI_ACHIEVED(2-2.2) +KPI_ACHIEVED(4-3.1) +KPI_ACHIEVED(5-2.1) +KPI_MISSED(3-1.1) +KPI_STATUS_WORSENED(4-2.1/ACHIEVED→BEHIND)
                2024-04-30 09:00 department:shimin REPEAT +KPI_MISSED(3-1.1) +REPORT_DUE_SOON(shimin:FY2023)
                """.strip();

    // ---- the plan, through the plan service ----

    private void importPlan() throws IOException {
        HttpJson.Response imported = plans.postBytes("/api/plans",
                EndToEndScenario.resource("/four-fiscal-years-plan.yaml").getBytes(java.nio.charset.StandardCharsets.UTF_8),
                "application/yaml");
        assertThat(imported.status()).as(imported.body()).isEqualTo(201);
        planId = imported.json().get("id").asString();
        KpiWatchRepository watches = system.bean(Service.NOTIFICATION, KpiWatchRepository.class);
        PlanWatchRepository planWatches = system.bean(Service.NOTIFICATION, PlanWatchRepository.class);
        await().atMost(Duration.ofSeconds(60)).until(() -> KPIS.stream().allMatch(k ->
                measurements.get("/api/kpis/" + kpiId(k) + "/progress").status() == 200
                        && watches.find(kpiId(k)).map(KpiWatch::status).isPresent())
                && planWatches.find(planId).isPresent());
        awaitProgressTold();
    }

    /** The KPIs by measure and ordinal, with their departments. */
    static final List<String> KPIS = List.of("1-1.1", "2-1.1", "2-2.1", "2-2.2", "3-1.1", "4-2.1", "4-3.1", "5-2.1");
    static final Map<String, String> DEPARTMENT = Map.of("1-1", "somu", "2-1", "kikaku", "2-2", "kikaku",
            "3-1", "shimin", "4-2", "kikaku", "4-3", "kikaku", "5-2", "shobo");

    private String kpiId(String kpi) {
        return planId + "." + kpi;
    }

    /** Waits until the notification service knows each KPI's progress as the measurement service last changed it. */
    private void awaitProgressTold() {
        ProgressRepository progress = system.bean(Service.MEASUREMENT, ProgressRepository.class);
        KpiWatchRepository watches = system.bean(Service.NOTIFICATION, KpiWatchRepository.class);
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(20)).until(() -> KPIS.stream().allMatch(k -> {
            ProgressState state = progress.find(kpiId(k)).orElseThrow();
            KpiWatch watch = watches.find(kpiId(k)).orElseThrow();
            return state.progress().status().name().equals(watch.status())
                    && Objects.equals(state.progress().asOf(), watch.progressAsOf());
        }));
    }

    private String status(String kpi) {
        return measurements.get("/api/kpis/" + kpiId(kpi) + "/progress").json().get("status").asString();
    }

    // ---- the script ----

    private void on(String date, Consumer<LocalDate> step) {
        script.computeIfAbsent(LocalDate.parse(date), d -> new ArrayList<>()).add(step);
    }

    private void writeScript() {
        // each fiscal year's values, reported by 20 April of the next (市民課: FY2019 only; 2-2 for FY2020 late)
        reportYear(2019, Map.of("1-1.1", "5", "2-1.1", "6", "2-2.1", "0", "2-2.2", "0", "3-1.1", "13",
                "4-2.1", "false", "4-3.1", "40", "5-2.1", "false"));
        reportYear(2020, Map.of("1-1.1", "10", "2-1.1", "10", "4-2.1", "true", "4-3.1", "80", "5-2.1", "false"));
        on("2021-05-20", d -> {
            report("2-2.1", "FY2020", "0");
            report("2-2.2", "FY2020", "1");
        });
        reportYear(2021, Map.of("1-1.1", "12", "2-1.1", "11", "2-2.1", "1", "2-2.2", "1", "4-2.1", "true",
                "4-3.1", "120", "5-2.1", "false"));
        reportYear(2022, Map.of("1-1.1", "12", "2-1.1", "11", "2-2.1", "1", "2-2.2", "2", "4-2.1", "false",
                "4-3.1", "140", "5-2.1", "true"));
        reportYear(2023, Map.of("1-1.1", "12", "2-1.1", "12", "2-2.1", "1", "2-2.2", "2", "4-2.1", "false",
                "4-3.1", "150"));

        // milestones
        on("2020-12-01", d -> milestoneDone("1-1"));
        on("2021-04-15", d -> milestoneDone("2-1"));
        on("2022-02-10", d -> milestoneDone("4-3"));
        on("2023-04-10", d -> milestoneDone("5-2"));
        on("2024-03-15", d -> milestoneDone("3-1"));
        on("2024-03-25", d -> milestoneDone("2-2"));

        // 年度見直し: FY2019 and FY2020 on time, FY2021 late, FY2022 early, FY2023 on time
        on("2020-06-15", d -> reviewed("令和元年度"));
        on("2021-06-10", d -> reviewed("令和2年度"));
        on("2022-07-05", d -> reviewed("令和3年度"));
        on("2023-05-20", d -> reviewed("令和4年度"));

        // the 推進本部 acknowledges some alerts
        on("2020-06-01", d -> acknowledge("PLAN_REVIEW_DUE", null, "FY2019の見直しを6月15日の推進本部会議で実施予定"));
        on("2022-04-21", d -> acknowledge("KPI_MISSED", "4-3.1", "未整備地区は次期計画で対応する方針"));
        on("2023-10-10", d -> acknowledge("KPI_BEHIND_NEAR_DEADLINE", "3-1.1", "年度内に臨時窓口を3回開設する"));
    }

    private void reportYear(int fiscalYear, Map<String, String> values) {
        values.forEach((kpi, value) -> on((fiscalYear + 1) + "-04-20", d -> report(kpi, "FY" + fiscalYear, value)));
    }

    /** A department reports a fiscal year's value, measured on its last day, through the API. */
    private void report(String kpi, String period, String value) {
        String measuredOn = (Integer.parseInt(period.substring(2)) + 1) + "-03-31";
        HttpJson.Response response = measurements.post("/api/kpis/" + kpiId(kpi) + "/measurements",
                "{\"value\": " + value + ", \"measuredOn\": \"" + measuredOn + "\", \"period\": \"" + period + "\"}",
                Map.of("Idempotency-Key", kpi + "-" + period));
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        KpiWatchRepository watches = system.bean(Service.NOTIFICATION, KpiWatchRepository.class);
        await().atMost(Duration.ofSeconds(30)).until(() -> watches.find(kpiId(kpi)).orElseThrow().reported(period));
        awaitProgressTold();
    }

    private void milestoneDone(String measure) {
        String id = planId + "." + measure + ".m1";
        HttpJson.Response response = plans.put("/api/plans/" + planId + "/milestones/" + id + "/status",
                "{\"status\": \"完了\", \"comment\": \"完了しました\", \"reportedBy\": \"" + DEPARTMENT.get(measure) + "\"}");
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        PlanWatchRepository planWatches = system.bean(Service.NOTIFICATION, PlanWatchRepository.class);
        await().atMost(Duration.ofSeconds(30)).until(() -> planWatches.find(planId).orElseThrow().milestones().stream()
                .anyMatch(m -> m.milestoneId().equals(id) && m.status().equals("done")));
    }

    private void reviewed(String fiscalYear) {
        HttpJson.Response response = plans.post("/api/plans/" + planId + "/reviews",
                "{\"fiscalYear\": \"" + fiscalYear + "\", \"note\": \"年度の取組を評価\", \"reviewedBy\": \"瀬戸内町情報化推進本部\"}");
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        int year = response.json().get("fiscalYear").asInt();
        PlanWatchRepository planWatches = system.bean(Service.NOTIFICATION, PlanWatchRepository.class);
        await().atMost(Duration.ofSeconds(30)).until(() -> planWatches.find(planId).orElseThrow().reviewed(year));
    }

    private void acknowledge(String rule, String kpi, String comment) {
        JsonNode firing = notifications.get("/api/inbox?state=FIRING&acknowledged=false&municipality=" + MUNICIPALITY
                + "&rule=" + rule).json();
        String id = null;
        for (JsonNode alert : firing) {
            if (kpi == null || kpiId(kpi).equals(alert.at("/labels/kpiId").asString())) {
                id = alert.get("id").asString();
                break;
            }
        }
        assertThat(id).as("a firing %s alert to acknowledge", rule).isNotNull();
        assertThat(notifications.post("/api/alerts/" + id + "/acknowledgement",
                "{\"acknowledgedBy\":\"推進本部事務局\",\"comment\":\"" + comment + "\"}").status()).isEqualTo(200);
    }

    // ---- how alerts and messages are written in the expectations ----

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
                : labels.containsKey("stage") ? "/" + labels.get("stage")
                : labels.containsKey("to") ? "/" + labels.get("from") + "→" + labels.get("to") : "";
        return rule + "(" + subject + stage + ")";
    }

    private static LocalDate day(Instant instant) {
        return LocalDate.ofInstant(instant, TOKYO);
    }

    private static String time(Instant instant) {
        LocalDateTime at = LocalDateTime.ofInstant(instant, TOKYO);
        return at.toLocalDate() + " " + at.toLocalTime();
    }
}
