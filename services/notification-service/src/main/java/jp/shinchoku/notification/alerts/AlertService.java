package jp.shinchoku.notification.alerts;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import jp.shinchoku.calendar.BusinessDays;
import jp.shinchoku.notification.kpis.KpiWatch;
import jp.shinchoku.notification.kpis.KpiWatchRepository;
import jp.shinchoku.notification.plans.PlanWatch;
import jp.shinchoku.notification.plans.PlanWatchRepository;

/**
 * Decides on alerts. Each evaluation finds the conditions that hold now; an alert is raised for a new one (routed to
 * its receivers by the municipality's routes), updated for one seen again (the same labels), and resolved when its
 * condition no longer holds. Safe to repeat.
 * <ul>
 * <li>{@link #evaluate(KpiWatch)}: the rules about one KPI, when its definition or progress changes;</li>
 * <li>{@link #evaluatePlan(PlanWatch, List)}: the rules about a plan's milestones, review and undecided targets, when
 * the plan is published, revised or reviewed or a milestone's status changes;</li>
 * <li>{@link #evaluateAll(Supplier, Supplier)}: every rule over everything (time alone makes deadlines near and reports
 * overdue), then the escalation of alerts the 推進本部 left unacknowledged: the first daily run, and on demand;</li>
 * <li>{@link #evaluateScheduled}: the daily run once everything is planned: only the KPIs, plans, departments and
 * escalations planned for the days since the last run, read by key.</li>
 * </ul>
 * Every evaluation plans in the {@link EvaluationSchedule} the next day on which the calendar alone may change what it
 * judged (each rule's {@code nextChange}), so that a day the calendar changes nothing for reads nothing.
 * One evaluation runs at a time in a process, and the whole evaluation reads what it judges once it has its turn: an
 * evaluation that read a KPI before its progress changed never writes after the evaluation of that change (it would
 * resolve the 未達 that change raised, or raise again what it resolved).
 */
public class AlertService {

    private static final Set<AlertRule> PLAN_RULES = EnumSet.of(AlertRule.MILESTONE_DUE_SOON,
            AlertRule.MILESTONE_OVERDUE, AlertRule.PLAN_REVIEW_DUE, AlertRule.TARGET_UNDECIDED, AlertRule.APPROVAL_WAITING,
            AlertRule.EVALUATION_DUE, AlertRule.EVALUATION_OVERDUE, AlertRule.EVALUATION_WAITING);
    private static final Set<AlertRule> REPORT_RULES = EnumSet.of(AlertRule.REPORT_DUE_SOON,
            AlertRule.REPORT_MISSING, AlertRule.REPORT_ESCALATED);

    private final AlertRepository alerts;
    private final PlanWatchRepository plans;
    private final RuleSettings.Policy policy;
    private final DeadlineRule deadlineRule;
    private final MissingReportRule missingReports;
    private final MilestoneRules milestones;
    private final PlanReviewRule reviews;
    private final ApprovalRules approvals;
    private final EvaluationRules evaluations;
    private final Clock clock;
    private final EvaluationSchedule schedule;
    private final ReentrantLock evaluating = new ReentrantLock();

    /** Without a schedule: the daily evaluation is the full one. */
    public AlertService(AlertRepository alerts, PlanWatchRepository plans, RuleSettings.Policy policy, Clock clock) {
        this(alerts, plans, policy, clock, EvaluationSchedule.NONE);
    }

    /**
     * Each evaluation plans in {@code schedule} the next day on which the calendar alone may change what the rules
     * find of what it judged, so that {@link #evaluateScheduled} reads only those.
     */
    public AlertService(AlertRepository alerts, PlanWatchRepository plans, RuleSettings.Policy policy, Clock clock,
            EvaluationSchedule schedule) {
        this.schedule = schedule;
        this.alerts = alerts;
        this.plans = plans;
        this.policy = policy;
        this.deadlineRule = new DeadlineRule(policy);
        this.missingReports = new MissingReportRule(policy);
        this.milestones = new MilestoneRules(policy);
        this.reviews = new PlanReviewRule(policy);
        this.approvals = new ApprovalRules(policy);
        this.evaluations = new EvaluationRules(policy);
        this.clock = clock;
    }

    /** What an evaluation changed. */
    public record Outcome(int holding, int raised, int resolved, int escalated) {

        Outcome plus(Outcome other) {
            return new Outcome(holding + other.holding, raised + other.raised, resolved + other.resolved,
                    escalated + other.escalated);
        }
    }

    /** KPIs read at once by the scheduled evaluation. */
    private static final int BATCH = 500;

    public Outcome evaluate(KpiWatch kpi) {
        return evaluate(() -> kpi);
    }

    /** The rules about one KPI, read once this evaluation has its turn (never as it was before another's change). */
    public Outcome evaluate(Supplier<KpiWatch> read) {
        return inTurn(() -> {
            KpiWatch kpi = read.get();
            LocalDate today = LocalDate.now(clock);
            Optional<PlanWatch> plan = Optional.ofNullable(kpi.planId()).flatMap(plans::find);
            Outcome outcome = reconcile(kpiConditions(kpi, plan.orElse(null), today), alerts.firingForKpi(kpi.kpiId()));
            planKpis(List.of(kpi), plan.map(p -> Map.of(p.planId(), p)).orElse(Map.of()), today);
            return outcome;
        });
    }

    /** Runs an evaluation once no other evaluation of this process is running. */
    private <T> T inTurn(Supplier<T> evaluation) {
        evaluating.lock();
        try {
            return evaluation.get();
        } finally {
            evaluating.unlock();
        }
    }

    /**
     * The rules about several KPIs at once (a batch of progress changes, at most one per KPI): one read of their plans
     * and two of their firing alerts, whatever else is kept.
     */
    public Outcome evaluateKpis(List<KpiWatch> kpis) {
        return inTurn(() -> evaluateKpisNow(kpis));
    }

    /** The same, the KPIs read once this evaluation has its turn. */
    public Outcome evaluateKpis(Supplier<List<KpiWatch>> read) {
        return inTurn(() -> evaluateKpisNow(read.get()));
    }

    private Outcome evaluateKpisNow(List<KpiWatch> kpis) {
        LocalDate today = LocalDate.now(clock);
        Map<String, PlanWatch> plansById = plans.findAll(kpis.stream().map(KpiWatch::planId).filter(Objects::nonNull)
                .distinct().toList()).stream().collect(Collectors.toMap(PlanWatch::planId, Function.identity()));
        Map<String, List<Alert>> firing = alerts.firingForKpis(kpis.stream().map(KpiWatch::kpiId).toList());
        List<AlertCondition> found = new ArrayList<>();
        List<Alert> firingAll = new ArrayList<>();
        for (KpiWatch kpi : kpis) {
            found.addAll(kpiConditions(kpi, kpi.planId() == null ? null : plansById.get(kpi.planId()), today));
            firingAll.addAll(firing.getOrDefault(kpi.kpiId(), List.of()));
        }
        Outcome outcome = reconcile(found, firingAll);
        planKpis(kpis, plansById, today);
        return outcome;
    }

    /** The rules about a plan; {@code kpis} are the plan's KPIs. */
    public Outcome evaluatePlan(PlanWatch plan, List<KpiWatch> kpis) {
        return inTurn(() -> evaluatePlanNow(plan, kpis));
    }

    private Outcome evaluatePlanNow(PlanWatch plan, List<KpiWatch> kpis) {
        LocalDate today = LocalDate.now(clock);
        List<AlertCondition> found = planConditions(plan, kpis, today);
        List<Alert> firing = alerts.firingForPlan(plan.planId()).stream().filter(a -> PLAN_RULES.contains(a.rule()))
                .toList();
        Outcome outcome = reconcile(found, firing);
        nextPlanDay(plan, kpis, today).ifPresent(day -> schedule.plan(EvaluationSchedule.Kind.PLAN,
                Map.of(plan.planId(), day)));
        return outcome;
    }

    /**
     * Every rule over everything: the KPIs and plans are read once this evaluation has its turn, so that none is
     * judged on what it was before a change another evaluation has already judged.
     */
    public Outcome evaluateAll(Supplier<List<KpiWatch>> readKpis, Supplier<List<PlanWatch>> readPlans) {
        return inTurn(() -> evaluateAllNow(readKpis.get(), readPlans.get()));
    }

    private Outcome evaluateAllNow(List<KpiWatch> kpis, List<PlanWatch> allPlans) {
        LocalDate today = LocalDate.now(clock);
        Map<String, PlanWatch> byId = allPlans.stream().collect(Collectors.toMap(PlanWatch::planId, Function.identity()));
        List<AlertCondition> found = new ArrayList<>();
        kpis.forEach(kpi -> found.addAll(kpiConditions(kpi, kpi.planId() == null ? null : byId.get(kpi.planId()), today)));
        Map<String, List<KpiWatch>> kpisByPlan = kpis.stream().filter(k -> k.planId() != null)
                .collect(Collectors.groupingBy(KpiWatch::planId));
        for (PlanWatch plan : allPlans) {
            found.addAll(planConditions(plan, kpisByPlan.getOrDefault(plan.planId(), List.of()), today).stream()
                    .filter(c -> c.rule() != AlertRule.TARGET_UNDECIDED).toList());
        }
        found.addAll(missingReports.evaluate(kpis, today));
        List<Alert> firing = alerts.firing();
        Reconciled reconciled = reconcileAll(found, firing);
        int escalated = escalate(reconciled.stillFiring());
        Outcome outcome = reconciled.outcome();
        // every KPI, plan and department planned; what was due today is done by this evaluation
        planKpis(kpis, byId, today);
        Map<String, LocalDate> planDays = new HashMap<>();
        allPlans.forEach(plan -> nextPlanDay(plan, kpisByPlan.getOrDefault(plan.planId(), List.of()), today)
                .ifPresent(day -> planDays.put(plan.planId(), day)));
        schedule.plan(EvaluationSchedule.Kind.PLAN, planDays);
        schedule.done(today, today);
        return new Outcome(outcome.holding(), outcome.raised(), outcome.resolved(), escalated);
    }

    /**
     * The daily evaluation by schedule: the KPIs, plans and departments planned for a day from {@code from} up to
     * {@code upTo} (the day of the last run, whose list may have grown since it ran, to today), each read by key and
     * judged with its firing alerts, as {@link #evaluateAll} would judge it; then the alerts whose escalation day has
     * come. Once done, those days' lists are dropped.
     */
    public Outcome evaluateScheduled(LocalDate from, LocalDate upTo, KpiWatchRepository kpis) {
        return inTurn(() -> {
            LocalDate today = LocalDate.now(clock);
            Outcome total = new Outcome(0, 0, 0, 0);
            List<String> kpiIds = List.copyOf(schedule.due(EvaluationSchedule.Kind.KPI, from, upTo));
            for (int at = 0; at < kpiIds.size(); at += BATCH) {
                List<KpiWatch> batch = kpis.findAll(kpiIds.subList(at, Math.min(kpiIds.size(), at + BATCH)));
                total = total.plus(evaluateKpisNow(batch));
            }
            Set<String> planIds = schedule.due(EvaluationSchedule.Kind.PLAN, from, upTo);
            for (PlanWatch plan : plans.findAll(planIds)) {
                total = total.plus(evaluatePlanNow(plan, kpis.findByPlan(plan.planId())));
            }
            for (String department : schedule.due(EvaluationSchedule.Kind.DEPARTMENT, from, upTo)) {
                int slash = department.indexOf('/');
                String municipality = slash <= 0 ? null : department.substring(0, slash);
                String code = department.substring(slash + 1);
                total = total.plus(evaluateDepartmentNow(kpis.findByDepartment(municipality, code), municipality, code,
                        today));
            }
            Set<String> due = schedule.due(EvaluationSchedule.Kind.ALERT, from, upTo);
            int escalated = due.isEmpty() ? 0 : escalate(alerts.findAll(due).stream().filter(Alert::isFiring).toList());
            schedule.done(from, upTo);
            return total.plus(new Outcome(0, 0, 0, escalated));
        });
    }

    /**
     * What changed of these KPIs (their definitions, reports or submissions) may change their plans' and departments'
     * rules today: those are looked at by the next daily evaluation (today's again, if it has run).
     */
    public void changedToday(Collection<KpiWatch> kpis) {
        inTurn(() -> {
            LocalDate today = LocalDate.now(clock);
            Map<String, LocalDate> planDays = new HashMap<>();
            Map<String, LocalDate> departmentDays = new HashMap<>();
            for (KpiWatch kpi : kpis) {
                if (kpi.planId() != null) {
                    planDays.put(kpi.planId(), today);
                }
                if (kpi.departmentCode() != null) {
                    departmentDays.put(EvaluationSchedule.department(kpi.municipalityCode(), kpi.departmentCode()),
                            today);
                }
            }
            schedule.plan(EvaluationSchedule.Kind.PLAN, planDays);
            schedule.plan(EvaluationSchedule.Kind.DEPARTMENT, departmentDays);
            return null;
        });
    }

    /** A department's missing-report digests over its KPIs (of every plan), and its next day planned. */
    private Outcome evaluateDepartmentNow(List<KpiWatch> kpis, String municipality, String departmentCode,
            LocalDate today) {
        List<AlertCondition> found = missingReports.evaluate(kpis, today).stream()
                .filter(c -> departmentCode.equals(c.labels().get("departmentCode"))).toList();
        List<Alert> firing = alerts.firingForDepartment(municipality, departmentCode).stream()
                .filter(a -> REPORT_RULES.contains(a.rule())).toList();
        Outcome outcome = reconcile(found, firing);
        Optional<LocalDate> next = Optional.empty();
        for (KpiWatch kpi : kpis) {
            next = NextDay.min(next, missingReports.nextChange(kpi, today));
        }
        next.ifPresent(day -> schedule.plan(EvaluationSchedule.Kind.DEPARTMENT,
                Map.of(EvaluationSchedule.department(municipality, departmentCode), day)));
        return outcome;
    }

    /**
     * Plans each KPI's next day (its own rules), its department's (missing reports) and its plan's (a report awaiting
     * approval whose days run out).
     */
    private void planKpis(List<KpiWatch> kpis, Map<String, PlanWatch> plansById, LocalDate today) {
        Map<String, LocalDate> kpiDays = new HashMap<>();
        Map<String, LocalDate> planDays = new HashMap<>();
        Map<String, LocalDate> departmentDays = new HashMap<>();
        for (KpiWatch kpi : kpis) {
            PlanWatch plan = kpi.planId() == null ? null : plansById.get(kpi.planId());
            nextKpiDay(kpi, plan, today).ifPresent(day -> kpiDays.put(kpi.kpiId(), day));
            if (kpi.planId() != null) {
                approvals.nextChange(kpi, plan == null ? kpi.municipalityCode() : plan.municipalityCode(), today)
                        .ifPresent(day -> planDays.merge(kpi.planId(), day, NextDay::earlier));
            }
            if (kpi.departmentCode() != null) {
                missingReports.nextChange(kpi, today).ifPresent(day -> departmentDays.merge(
                        EvaluationSchedule.department(kpi.municipalityCode(), kpi.departmentCode()), day,
                        NextDay::earlier));
            }
        }
        schedule.plan(EvaluationSchedule.Kind.KPI, kpiDays);
        schedule.plan(EvaluationSchedule.Kind.PLAN, planDays);
        schedule.plan(EvaluationSchedule.Kind.DEPARTMENT, departmentDays);
    }

    /** The first day after today on which the calendar alone may change what the KPI's own rules find. */
    Optional<LocalDate> nextKpiDay(KpiWatch kpi, PlanWatch plan, LocalDate today) {
        return NextDay.min(NextDay.min(deadlineRule.nextChange(kpi, today), KpiStatusRules.nextChange(kpi, today)),
                TargetUndecidedRule.nextChange(kpi, plan, today));
    }

    /** The first day after today on which the calendar alone may change what the plan's rules find. */
    Optional<LocalDate> nextPlanDay(PlanWatch plan, List<KpiWatch> kpis, LocalDate today) {
        Optional<LocalDate> next = NextDay.min(milestones.nextChange(plan, today),
                NextDay.min(reviews.nextChange(plan, today), evaluations.nextChange(plan, today)));
        for (KpiWatch kpi : kpis) {
            next = NextDay.min(next, NextDay.min(TargetUndecidedRule.nextChange(kpi, plan, today),
                    approvals.nextChange(kpi, plan.municipalityCode(), today)));
        }
        return next;
    }

    /**
     * The missing-report rules for one department, when one of its reports arrives: its digest shrinks, and resolves
     * with the last missing report.
     */
    public Outcome evaluateReports(List<KpiWatch> kpis, String municipality, String departmentCode) {
        return inTurn(() -> evaluateReportsNow(kpis, municipality, departmentCode));
    }

    private Outcome evaluateReportsNow(List<KpiWatch> kpis, String municipality, String departmentCode) {
        List<AlertCondition> found = missingReports.evaluate(kpis, LocalDate.now(clock)).stream()
                .filter(c -> departmentCode.equals(c.labels().get("departmentCode"))).toList();
        List<Alert> firing = alerts.firingForDepartment(municipality, departmentCode).stream()
                .filter(a -> REPORT_RULES.contains(a.rule())).toList();
        return reconcile(found, firing);
    }

    private List<AlertCondition> kpiConditions(KpiWatch kpi, PlanWatch plan, LocalDate today) {
        List<AlertCondition> found = new ArrayList<>();
        deadlineRule.evaluate(kpi, today).ifPresent(found::add);
        found.addAll(KpiStatusRules.evaluate(kpi, today));
        TargetUndecidedRule.evaluate(kpi, plan, today).ifPresent(found::add);
        found.addAll(ApprovalRules.returned(kpi));
        return found;
    }

    private List<AlertCondition> planConditions(PlanWatch plan, List<KpiWatch> kpis, LocalDate today) {
        List<AlertCondition> found = new ArrayList<>(milestones.evaluate(plan, today));
        Integer first = kpis.stream().map(KpiWatch::planFromFiscalYear).filter(Objects::nonNull).min(Integer::compare)
                .orElse(null);
        Integer last = kpis.stream().map(KpiWatch::planToFiscalYear).filter(Objects::nonNull).max(Integer::compare)
                .orElse(null);
        reviews.evaluate(plan, first, last, today).ifPresent(found::add);
        kpis.forEach(kpi -> TargetUndecidedRule.evaluate(kpi, plan, today).ifPresent(found::add));
        approvals.waiting(plan, kpis, today).ifPresent(found::add);
        found.addAll(evaluations.evaluate(plan, kpis, today));
        return found;
    }

    private Outcome reconcile(List<AlertCondition> found, List<Alert> firing) {
        return reconcileAll(found, firing).outcome();
    }

    /** What a reconciliation changed, and the alerts firing after it (those found and those seen again). */
    private record Reconciled(Outcome outcome, List<Alert> stillFiring) {
    }

    /**
     * Raises, updates and resolves so that what fires is what was found: one read for conditions not listed as firing,
     * then one bulk write each of the raised, the seen again (only those whose labels, text, receivers or link changed) and
     * the resolved.
     */
    private Reconciled reconcileAll(List<AlertCondition> found, List<Alert> firing) {
        Instant now = clock.instant();
        Map<String, Alert> firingById = new HashMap<>();
        firing.forEach(alert -> firingById.putIfAbsent(alert.id(), alert));
        // conditions firing already though not listed (raised meanwhile): one read for them all
        List<String> unlisted = found.stream().map(AlertCondition::alertId).filter(id -> !firingById.containsKey(id))
                .distinct().toList();
        Map<String, Alert> known = new HashMap<>(firingById);
        if (!unlisted.isEmpty()) {
            alerts.findAll(unlisted).stream().filter(Alert::isFiring).forEach(alert -> known.put(alert.id(), alert));
        }
        Map<String, Alert> raised = new java.util.LinkedHashMap<>();
        Map<String, Alert> changed = new java.util.LinkedHashMap<>();
        Map<String, Alert> stillFiring = new java.util.LinkedHashMap<>();
        for (AlertCondition condition : found) {
            List<String> receivers = Route.receivers(settings(condition.labels()).routes(), condition.rule(),
                    condition.labels());
            Alert existing = known.get(condition.alertId());
            if (existing == null) {
                raised.computeIfAbsent(condition.alertId(), id -> Alert.raised(condition, receivers, now));
                stillFiring.putIfAbsent(condition.alertId(), raised.get(condition.alertId()));
                continue;
            }
            Alert again = existing.seenAgain(condition, receivers, now);
            if (!again.summaryJa().equals(existing.summaryJa()) || !again.receivers().equals(existing.receivers())
                    || !Objects.equals(again.link(), existing.link()) || !again.labels().equals(existing.labels())) {
                changed.put(again.id(), again);
            }
            stillFiring.putIfAbsent(again.id(), again);
        }
        alerts.raiseAll(List.copyOf(raised.values()));
        alerts.seenAgainAll(List.copyOf(changed.values()));
        List<Alert> resolved = firing.stream().filter(alert -> !stillFiring.containsKey(alert.id()))
                .map(alert -> alert.resolved(now)).toList();
        alerts.resolveAll(resolved);
        planEscalations(stillFiring.values());
        return new Reconciled(new Outcome(stillFiring.size(), raised.size(), resolved.size(), 0),
                List.copyOf(stillFiring.values()));
    }

    /**
     * Escalates each firing warning or critical alert the 推進本部 receives but has not acknowledged within the
     * municipality's business days: its escalation receiver (the CIO by default) is added.
     *
     * @return how many were escalated
     */
    public int escalateUnacknowledged() {
        return inTurn(() -> escalate(alerts.firing()));
    }

    /**
     * Plans the escalation day of each firing alert that is to be escalated if left unacknowledged (today where it is
     * past: the next run escalates it).
     */
    private void planEscalations(Collection<Alert> firing) {
        LocalDate today = LocalDate.now(clock);
        Map<String, LocalDate> days = new HashMap<>();
        for (Alert alert : firing) {
            escalationDay(alert).ifPresent(day -> days.put(alert.id(), day.isBefore(today) ? today : day));
        }
        schedule.plan(EvaluationSchedule.Kind.ALERT, days);
    }

    /** The day an alert is escalated if it is still firing and unacknowledged then; none if it never is. */
    private Optional<LocalDate> escalationDay(Alert alert) {
        RuleSettings settings = settings(alert.labels());
        if (!alert.isFiring() || alert.isAcknowledged() || alert.escalatedAt() != null
                || alert.severity() == AlertRule.Severity.INFO || !alert.receivers().contains(Receiver.PROMOTION_HQ)
                || settings.acknowledgeWithinBusinessDays() == 0) {
            return Optional.empty();
        }
        LocalDate raisedOn = LocalDate.ofInstant(alert.firstRaisedAt(), clock.getZone());
        return Optional.of(BusinessDays.plus(raisedOn, settings.acknowledgeWithinBusinessDays()));
    }

    private int escalate(List<Alert> firing) {
        Instant now = clock.instant();
        LocalDate today = LocalDate.now(clock);
        List<Alert> escalated = new ArrayList<>();
        for (Alert alert : firing) {
            RuleSettings settings = settings(alert.labels());
            if (alert.isAcknowledged() || alert.escalatedAt() != null || alert.severity() == AlertRule.Severity.INFO
                    || !alert.receivers().contains(Receiver.PROMOTION_HQ)
                    || settings.acknowledgeWithinBusinessDays() == 0) {
                continue;
            }
            LocalDate raisedOn = LocalDate.ofInstant(alert.firstRaisedAt(), clock.getZone());
            if (!today.isBefore(BusinessDays.plus(raisedOn, settings.acknowledgeWithinBusinessDays()))) {
                escalated.add(alert.escalatedTo(settings.escalateTo(), now));
            }
        }
        alerts.escalateAll(escalated);
        return escalated.size();
    }

    /** What acknowledging did. */
    public sealed interface Acknowledged {
        record Done(Alert alert) implements Acknowledged {
        }

        record NotFound() implements Acknowledged {
        }

        record NotFiring(Alert alert) implements Acknowledged {
        }

        record Already(Alert alert) implements Acknowledged {
        }
    }

    /** The 推進本部 acknowledges a firing alert with a comment: it is no longer repeated nor escalated. */
    public Acknowledged acknowledge(String alertId, String by, String comment) {
        Optional<Alert> found = alerts.find(alertId);
        if (found.isEmpty()) {
            return new Acknowledged.NotFound();
        }
        Alert alert = found.get();
        if (!alert.isFiring()) {
            return new Acknowledged.NotFiring(alert);
        }
        if (alert.isAcknowledged()) {
            return new Acknowledged.Already(alert);
        }
        Alert acknowledged = alert.acknowledged(new Alert.Acknowledgement(by, comment, clock.instant()));
        if (!alerts.acknowledge(acknowledged)) {
            return new Acknowledged.Already(alerts.find(alertId).orElse(alert));
        }
        return new Acknowledged.Done(acknowledged);
    }

    public Optional<Alert> find(String alertId) {
        return alerts.find(alertId);
    }

    public List<Alert> findAll(Collection<String> alertIds) {
        return alerts.findAll(alertIds);
    }

    public List<Alert> firing() {
        return alerts.firing();
    }

    public List<Alert> inbox(AlertRepository.InboxQuery query) {
        return alerts.inbox(query);
    }

    /** The municipalities' settings the rules judge by. */
    public RuleSettings.Policy policy() {
        return policy;
    }

    private RuleSettings settings(Map<String, String> labels) {
        return policy.forMunicipality(labels.get("municipality"));
    }
}
