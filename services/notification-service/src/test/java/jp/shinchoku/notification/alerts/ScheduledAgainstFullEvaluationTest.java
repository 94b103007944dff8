package jp.shinchoku.notification.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import jp.shinchoku.notification.alerts.config.ScheduledEvaluation;
import jp.shinchoku.notification.kpis.KpiWatch;
import jp.shinchoku.notification.kpis.KpiWatchRepository;
import jp.shinchoku.notification.plans.MilestoneWatch;
import jp.shinchoku.notification.plans.PlanWatch;
import jp.shinchoku.notification.plans.PlanWatchRepository;
import jp.shinchoku.testsupport.MovableClock;
import jp.shinchoku.testsupport.ShinchokuServiceTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/**
 * The daily evaluation by schedule against the full one, over a simulated year (1 March 2025 to 1 March 2026) of two
 * plans of one municipality: five KPIs of three cadences, milestones due, done and cancelled, a 未設定 target decided
 * late, reports on time, late and never, a report returned and corrected, a missed year, a KPI moved to another
 * department and one retired, the 年度見直し and the 自己評価, an acknowledgement and escalations. Each day the changes
 * of the day are kept and judged as the service's consumers do (its repositories, then its event-driven evaluations),
 * the scheduled evaluation runs, and then a full evaluation over the same state (one that plans nothing) must find
 * nothing to raise, resolve or escalate: what fires is what the full evaluation would have made fire.
 */
@ShinchokuServiceTest(properties = "shinchoku.notification.evaluation.cron=-")
@Import(ScheduledAgainstFullEvaluationTest.Time.class)
class ScheduledAgainstFullEvaluationTest {

    static final LocalDate START = LocalDate.parse("2025-03-01");
    static final String CITY = "139991";
    static final String P1 = "pln-sched-1";
    static final String P2 = "pln-sched-2";

    @TestConfiguration
    static class Time {
        @Bean
        MovableClock clock() {
            return MovableClock.at(START);
        }
    }

    @Autowired
    MovableClock clock;

    @Autowired
    ScheduledEvaluation.Evaluation evaluation;

    @Autowired
    AlertService alerts;

    @Autowired
    AlertRepository alertStore;

    @Autowired
    KpiWatchRepository kpis;

    @Autowired
    PlanWatchRepository plans;

    /** The changes of each day of the year. */
    final Map<LocalDate, List<Runnable>> days = new TreeMap<>();

    @Test
    void everyDayTheScheduledEvaluationLeavesFiringWhatTheFullOneWould() {
        // the store's consumers take every test's events from the shared broker: the year's municipality is judged alone
        AlertService full = new AlertService(new OneMunicipality(alertStore), plans, alerts.policy(), clock);
        script();
        Set<AlertRule> seen = EnumSet.noneOf(AlertRule.class);
        int raisedOrResolved = 0;
        int escalated = 0;
        Set<String> before = new java.util.HashSet<>();
        for (LocalDate day = START; day.isBefore(START.plusYears(1)); day = day.plusDays(1)) {
            clock.moveTo(day);
            days.getOrDefault(day, List.of()).forEach(Runnable::run);
            assertThat(evaluation.run()).isTrue();

            List<Alert> scheduled = firing();
            AlertService.Outcome check = full.evaluateAll(
                    () -> kpis.findAll().stream().filter(kpi -> CITY.equals(kpi.municipalityCode())).toList(),
                    () -> plans.findAll().stream().filter(plan -> CITY.equals(plan.municipalityCode())).toList());
            List<Alert> fully = firing();
            assertThat(check.raised() + check.resolved() + check.escalated())
                    .as("on %s the full evaluation changed %s: scheduled %s, full %s", day, check, describe(scheduled),
                            describe(fully))
                    .isZero();

            Set<String> now = scheduled.stream().map(Alert::id).collect(Collectors.toSet());
            raisedOrResolved += (int) now.stream().filter(id -> !before.contains(id)).count()
                    + (int) before.stream().filter(id -> !now.contains(id)).count();
            escalated += (int) scheduled.stream().filter(a -> a.escalatedAt() != null)
                    .filter(a -> LocalDate.ofInstant(a.escalatedAt(), clock.getZone()).equals(clock.today())).count();
            scheduled.forEach(alert -> seen.add(alert.rule()));
            before.clear();
            before.addAll(now);
        }
        assertThat(seen).as("the year makes every rule fire but 達成")
                .containsAll(EnumSet.complementOf(EnumSet.of(AlertRule.KPI_ACHIEVED)));
        assertThat(raisedOrResolved).as("alerts raised and resolved over the year").isGreaterThan(40);
        assertThat(escalated).as("alerts escalated by the schedule").isGreaterThan(3);
    }

    // ---- the year ----

    private void script() {
        on(START, () -> {
            publish(P1, 1, "2021-04-01", List.of(2021, 2022, 2023), List.of(
                    milestone(P1, "m1", "1-1", "somu", "2025-05-15", null, "in-progress"),
                    milestone(P1, "m2", "1-1", "somu", "2025-09-30", null, "not-started"),
                    milestone(P1, "m3", "2-1", "kikaku", "2025-12-01", P1 + ".2-1.3", "not-started"),
                    milestone(P1, "m4", "2-2", "kikaku", "2025-04-20", null, "not-started")));
            publish(P2, 1, "2023-04-01", List.of(), List.of(
                    milestone(P2, "m5", "1-1", "somu", "2025-11-15", null, "in-progress")));
            define(P1, "1-1.1", "1-1", "somu", "quarterly", "2025-10-31", "count", 2021, false);
            define(P1, "1-2.2", "1-2", "somu", "monthly", "2026-03-31", "count", 2021, false);
            define(P1, "2-1.3", "2-1", "kikaku", "quarterly", "2027-03-31", "undefined", 2021, false);
            define(P1, "2-2.4", "2-2", "kikaku", "annual", "2026-03-31", "count", 2021, false);
            define(P2, "1-1.5", "1-1", "somu", "quarterly", "2027-03-31", "count", 2023, false);
            progress(P1 + ".1-1.1", "BEHIND", "AT_RISK");
            progress(P1 + ".1-2.2", "AT_RISK", "ON_TRACK");
            progress(P1 + ".2-1.3", "ON_TRACK", null);
            progress(P1 + ".2-2.4", "AT_RISK", "ON_TRACK");
            progress(P2 + ".1-1.5", "ON_TRACK", null);
            report(P1 + ".1-1.1", "FY2024-Q1", "FY2024-Q2", "FY2024-Q3");
            report(P1 + ".1-2.2", "2025-01");
            report(P2 + ".1-1.5", "FY2024-Q3");
        });
        on("2025-04-01", () -> missedYear(P1 + ".1-2.2", 2024));
        on("2025-04-08", () -> submit(P1 + ".2-1.3", "msr-1", "FY2024-Q4", "2025-04-08"));
        on("2025-04-10", () -> milestone(P1, "m4", "cancelled"));
        on("2025-04-25", () -> returned(P1 + ".2-1.3", "msr-1", "FY2024-Q4"));
        on("2025-05-02", () -> {
            decided(P1 + ".2-1.3", "msr-1");
            submit(P1 + ".2-1.3", "msr-2", "FY2024-Q4", "2025-05-02");
        });
        on("2025-05-19", this::acknowledgeOverdueM1);
        on("2025-05-20", () -> {
            report(P1 + ".1-1.1", "FY2024-Q4");
            decided(P1 + ".2-1.3", "msr-2");
            report(P1 + ".2-1.3", "FY2024-Q4");
            evaluation(P1, "1-1", 2024, "SUBMITTED");
        });
        on("2025-06-05", () -> evaluation(P2, "1-1", 2024, "SUBMITTED"));
        on("2025-06-10", () -> milestone(P1, "m1", "done"));
        on("2025-06-15", () -> evaluation(P1, "1-1", 2024, "EVALUATED"));
        on("2025-07-10", () -> reviewed(P1, 2024));
        on("2025-08-01", () -> progress(P1 + ".1-1.1", "BEHIND", "BEHIND"));
        on("2025-08-05", () -> report(P1 + ".1-1.1", "FY2025-Q1"));
        on("2025-09-20", () -> milestone(P1, "m2", "done"));
        on("2025-10-15", () -> define(P1, "2-2.4", "2-2", "somu", "annual", "2026-03-31", "count", 2021, false));
        on("2025-11-01", () -> progress(P1 + ".2-2.4", "BEHIND", "AT_RISK"));
        on("2025-11-03", () -> progress(P1 + ".1-1.1", "MISSED", "BEHIND"));
        on("2026-01-10", () -> define(P2, "1-1.5", "1-1", "somu", "quarterly", "2027-03-31", "count", 2023, true));
        on("2026-01-20", () -> define(P1, "2-1.3", "2-1", "kikaku", "quarterly", "2027-03-31", "count", 2021, false));
        // the monthly KPI is reported on the 25th for the month before, but for August and December
        for (LocalDate month = LocalDate.parse("2025-03-25"); month.isBefore(LocalDate.parse("2026-03-01"));
                month = month.plusMonths(1)) {
            String period = month.minusMonths(1).toString().substring(0, 7);
            if (!period.equals("2025-08") && !period.equals("2025-12")) {
                on(month, () -> report(P1 + ".1-2.2", period));
            }
        }
    }

    private void on(String day, Runnable change) {
        on(LocalDate.parse(day), change);
    }

    private void on(LocalDate day, Runnable change) {
        days.computeIfAbsent(day, d -> new ArrayList<>()).add(change);
    }

    // ---- the changes, kept and judged as the service's consumers keep and judge them ----

    private void publish(String planId, int revision, String issuedOn, List<Integer> reviewed,
            List<MilestoneWatch> milestones) {
        PlanWatch plan = plans.saveOutline(new PlanWatch(planId, CITY, "千代田区", "計画 " + planId,
                LocalDate.parse(issuedOn), revision, milestones, reviewed));
        reviewed.forEach(year -> plans.reviewed(planId, year));
        alerts.evaluatePlan(plans.find(planId).orElse(plan), kpis.findByPlan(planId));
    }

    private static MilestoneWatch milestone(String planId, String id, String measure, String department, String due,
            String decides, String status) {
        return new MilestoneWatch(planId + "." + id, measure, department, "スケジュール " + id, LocalDate.parse(due),
                decides, status, false);
    }

    private void milestone(String planId, String id, String status) {
        plans.milestoneStatus(planId, planId + "." + id, status, null)
                .ifPresent(plan -> alerts.evaluatePlan(plan, kpis.findByPlan(planId)));
    }

    private void reviewed(String planId, int year) {
        alerts.evaluatePlan(plans.reviewed(planId, year), kpis.findByPlan(planId));
    }

    private void evaluation(String planId, String measure, int year, String state) {
        PlanWatch plan = plans.evaluationChanged(planId, PlanWatch.evaluationKey(measure, year),
                new PlanWatch.MeasureEvaluation(state, clock.instant()));
        alerts.evaluatePlan(plan, kpis.findByPlan(planId));
    }

    private void define(String planId, String id, String measure, String department, String cadence,
            String deadline, String kind, int from, boolean retired) {
        String kpiId = planId + "." + id;
        var before = kpis.find(kpiId);
        KpiWatch saved = kpis.saveDefinition(new KpiWatchRepository.Definition(kpiId, planId, CITY, measure, department,
                "指標 " + id, LocalDate.parse(deadline), retired, cadence, from, 2027, kind));
        alerts.evaluate(() -> kpis.find(kpiId).orElse(saved));
        List<KpiWatch> changed = new ArrayList<>();
        before.ifPresent(changed::add);
        changed.add(saved);
        alerts.changedToday(changed);
    }

    private void progress(String kpiId, String status, String previous) {
        KpiWatch kpi = kpis.find(kpiId).orElseThrow();
        kpis.saveProgressAll(List.of(new KpiWatchRepository.ProgressUpdate(kpiId, kpi.planId(), kpi.departmentCode(),
                kpi.deadline(), status, previous, new BigDecimal("0.4"), new BigDecimal("0.8"), clock.today())));
        alerts.evaluateKpis(() -> kpis.findAll(List.of(kpiId)));
    }

    private void missedYear(String kpiId, int year) {
        kpis.saveYearsAll(List.of(new KpiWatchRepository.YearVerdict(kpiId, year, true, BigDecimal.ONE, BigDecimal.TEN,
                List.of())));
        alerts.evaluateKpis(() -> kpis.findAll(List.of(kpiId)));
    }

    private void submit(String kpiId, String measurementId, String period, String on) {
        submissions(new KpiWatchRepository.SubmissionUpdate(kpiId, measurementId,
                new KpiWatch.Submission(period, LocalDate.parse(on), null, "kikaku")));
    }

    private void returned(String kpiId, String measurementId, String period) {
        submissions(new KpiWatchRepository.SubmissionUpdate(kpiId, measurementId,
                new KpiWatch.Submission(period, null, "数値の根拠を添付してください", "kikaku")));
    }

    private void decided(String kpiId, String measurementId) {
        submissions(new KpiWatchRepository.SubmissionUpdate(kpiId, measurementId, null));
    }

    private void submissions(KpiWatchRepository.SubmissionUpdate update) {
        List<KpiWatch> saved = kpis.saveSubmissionsAll(List.of(update));
        alerts.evaluateKpis(() -> kpis.findAll(saved.stream().map(KpiWatch::kpiId).toList()));
        alerts.changedToday(saved);
    }

    private void report(String kpiId, String... periods) {
        kpis.reportedAll(Map.of(kpiId, List.of(periods)));
        KpiWatch kpi = kpis.find(kpiId).orElseThrow();
        List<KpiWatch> planKpis = kpis.findByPlan(kpi.planId());
        alerts.evaluateReports(planKpis, CITY, kpi.departmentCode());
        alerts.changedToday(planKpis.stream().filter(k -> kpi.departmentCode().equals(k.departmentCode())).toList());
    }

    private void acknowledgeOverdueM1() {
        Alert overdue = alertStore.firingForPlan(P1).stream().filter(a -> a.rule() == AlertRule.MILESTONE_OVERDUE)
                .filter(a -> (P1 + ".m1").equals(a.labels().get("milestoneId"))).findFirst().orElseThrow();
        assertThat(alerts.acknowledge(overdue.id(), "情報政策課 山田", "6月10日に完了予定"))
                .isInstanceOf(AlertService.Acknowledged.Done.class);
    }

    private List<Alert> firing() {
        return alertStore.firing().stream().filter(alert -> CITY.equals(alert.labels().get("municipality"))).toList();
    }

    /** The alert store with only the year's municipality's alerts firing. */
    record OneMunicipality(AlertRepository store) implements AlertRepository {

        @Override
        public List<Alert> firing() {
            return store.firing().stream().filter(alert -> CITY.equals(alert.labels().get("municipality"))).toList();
        }

        @Override
        public java.util.Optional<Alert> find(String alertId) {
            return store.find(alertId);
        }

        @Override
        public List<Alert> findAll(java.util.Collection<String> alertIds) {
            return store.findAll(alertIds);
        }

        @Override
        public void raiseAll(List<Alert> alerts) {
            store.raiseAll(alerts);
        }

        @Override
        public void seenAgainAll(List<Alert> alerts) {
            store.seenAgainAll(alerts);
        }

        @Override
        public void resolveAll(List<Alert> alerts) {
            store.resolveAll(alerts);
        }

        @Override
        public boolean acknowledge(Alert alert) {
            return store.acknowledge(alert);
        }

        @Override
        public void escalateAll(List<Alert> alerts) {
            store.escalateAll(alerts);
        }

        @Override
        public List<Alert> firingForKpi(String kpiId) {
            return store.firingForKpi(kpiId);
        }

        @Override
        public List<Alert> firingForPlan(String planId) {
            return store.firingForPlan(planId);
        }

        @Override
        public Map<String, List<Alert>> firingForKpis(java.util.Collection<String> kpiIds) {
            return store.firingForKpis(kpiIds);
        }

        @Override
        public List<Alert> firingForDepartment(String municipality, String departmentCode) {
            return store.firingForDepartment(municipality, departmentCode);
        }

        @Override
        public List<Alert> inbox(InboxQuery query) {
            return store.inbox(query);
        }
    }

    private static String describe(List<Alert> firing) {
        return firing.stream().map(a -> a.rule() + a.labels().toString() + (a.escalatedAt() == null ? "" : "↑"))
                .sorted().collect(Collectors.joining("\n  ", "\n  ", ""));
    }
}
