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
 * <li>{@link #evaluateAll(Supplier, Supplier)}: every rule over everything, on the daily schedule (time alone makes
 * deadlines near and reports overdue), then the escalation of alerts the 推進本部 left unacknowledged.</li>
 * </ul>
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
    private final ReentrantLock evaluating = new ReentrantLock();

    public AlertService(AlertRepository alerts, PlanWatchRepository plans, RuleSettings.Policy policy, Clock clock) {
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
    }

    public Outcome evaluate(KpiWatch kpi) {
        return evaluate(() -> kpi);
    }

    /** The rules about one KPI, read once this evaluation has its turn (never as it was before another's change). */
    public Outcome evaluate(Supplier<KpiWatch> read) {
        return inTurn(() -> {
            KpiWatch kpi = read.get();
            LocalDate today = LocalDate.now(clock);
            Optional<PlanWatch> plan = Optional.ofNullable(kpi.planId()).flatMap(plans::find);
            return reconcile(kpiConditions(kpi, plan.orElse(null), today), alerts.firingForKpi(kpi.kpiId()));
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
        return reconcile(found, firingAll);
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
        return reconcile(found, firing);
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
        return new Outcome(outcome.holding(), outcome.raised(), outcome.resolved(), escalated);
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

    private RuleSettings settings(Map<String, String> labels) {
        return policy.forMunicipality(labels.get("municipality"));
    }
}
