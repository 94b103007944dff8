package jp.shinchoku.notification.alerts.messaging;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import jp.shinchoku.calendar.FiscalYear;
import jp.shinchoku.contracts.Topics;
import jp.shinchoku.contracts.measurement.KpiProgressChangedV1;
import jp.shinchoku.contracts.measurement.KpiYearJudgedV1;
import jp.shinchoku.contracts.measurement.MeasurementRecordedV1;
import jp.shinchoku.contracts.measurement.MeasureEvaluationChangedV1;
import jp.shinchoku.contracts.measurement.MeasurementReviewedV1;
import jp.shinchoku.contracts.plan.KpiDefinedV1;
import jp.shinchoku.notification.alerts.AlertService;
import jp.shinchoku.notification.kpis.KpiWatch;
import jp.shinchoku.notification.kpis.KpiWatchRepository;
import jp.shinchoku.notification.plans.PlanWatch;
import jp.shinchoku.notification.plans.PlanWatchRepository;
import jp.shinchoku.platform.events.EventMetadata;
import jp.shinchoku.platform.inbox.ProcessedEvents;
import jp.shinchoku.platform.kafka.RecordBatches;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Evaluates the alert rules whenever a KPI's definition or progress changes, and the missing-report rules when a
 * department reports. Records are read a poll's batch at a time: one read and one write of the handled events per
 * batch, every lookup by key. Each event is handled once per {@code ce_id}; handling it twice (after a crash between
 * handling and recording it) still raises one alert.
 */
@Component
class AlertTriggers {

    private static final String DEFINITIONS = "notification-kpi-definitions";
    private static final String PROGRESS = "notification-kpi-progress";
    private static final String REPORTS = "notification-measurements";

    private final KpiWatchRepository kpis;
    private final AlertService alerts;
    private final ProcessedEvents processed;

    private final ReportTimes reportTimes;
    private final PlanWatchRepository plans;

    AlertTriggers(KpiWatchRepository kpis, AlertService alerts, ProcessedEvents processed, ReportTimes reportTimes,
            PlanWatchRepository plans) {
        this.reportTimes = reportTimes;
        this.plans = plans;
        this.kpis = kpis;
        this.alerts = alerts;
        this.processed = processed;
    }

    @KafkaListener(id = DEFINITIONS, topics = Topics.Names.KPI_DEFINITIONS, batch = "true")
    void onKpiDefinitions(List<ConsumerRecord<String, Object>> records) {
        RecordBatches.handle(records, batch -> onceEach(DEFINITIONS, batch, KpiDefinedV1.class, defined ->
                definitionSaved(kpis.find(defined.kpiId()), kpis.saveDefinition(new KpiWatchRepository.Definition(
                        defined.kpiId(), defined.planId(), defined.municipalityCode(), defined.measureCode(),
                        defined.departmentCode(), defined.name(), defined.target() == null ? null : defined.target().due(),
                        Boolean.TRUE.equals(defined.retired()), defined.reportingCadence(),
                        defined.planPeriod() == null ? null : defined.planPeriod().fromFiscalYear(),
                        defined.planPeriod() == null ? null : defined.planPeriod().toFiscalYear(), defined.kind())))));
    }

    /**
     * Progress changed: a batch is kept and evaluated in rounds of at most one change per KPI (in the order they came,
     * so a KPI changed twice is judged on each), each round with one bulk write of the KPIs' progress and one read of
     * their plans and firing alerts. Then the fiscal years judged in the batch: one bulk write of the verdicts, and the
     * KPIs judged evaluated together (a 未達 year raises its own KPI_MISSED).
     */
    @KafkaListener(id = PROGRESS, topics = Topics.Names.KPI_PROGRESS, batch = "true")
    void onKpiProgress(List<ConsumerRecord<String, Object>> records) {
        RecordBatches.handle(records, batch -> {
            Set<String> before = processed.handledOf(PROGRESS, eventIds(batch));
            List<String> handled = new ArrayList<>();
            List<List<KpiWatchRepository.ProgressUpdate>> rounds = new ArrayList<>();
            List<KpiWatchRepository.YearVerdict> years = new ArrayList<>();
            Map<String, Integer> seen = new HashMap<>();
            for (ConsumerRecord<String, Object> record : batch) {
                String eventId = EventMetadata.of(record).id();
                if (record.value() instanceof KpiYearJudgedV1 judged && !before.contains(eventId)
                        && !handled.contains(eventId)) {
                    years.add(new KpiWatchRepository.YearVerdict(judged.kpiId(), judged.fiscalYear(),
                            alertsMissed(judged), judged.value(), judged.target(), judged.shortMonths()));
                    handled.add(eventId);
                }
                if (record.value() instanceof KpiProgressChangedV1 changed && !before.contains(eventId)
                        && !handled.contains(eventId)) {
                    int round = seen.merge(changed.kpiId(), 1, Integer::sum) - 1;
                    if (round == rounds.size()) {
                        rounds.add(new ArrayList<>());
                    }
                    rounds.get(round).add(new KpiWatchRepository.ProgressUpdate(changed.kpiId(), changed.planId(),
                            changed.departmentCode(), changed.deadline(), changed.status(), changed.previousStatus(),
                            changed.achievement(), changed.expectedAchievement(), changed.asOf()));
                    handled.add(eventId);
                }
            }
            rounds.forEach(round -> evaluateAsTheyAre(kpis.saveProgressAll(round)));
            if (!years.isEmpty()) {
                evaluateAsTheyAre(kpis.saveYearsAll(years));
            }
            processed.handledAll(PROGRESS, handled);
        });
    }

    /**
     * Departments reported: their missing-report digests shrink or resolve. The batch's reports are noted in one bulk
     * write, and each department that reported is evaluated once. Handling a report again changes nothing (a period
     * added to a set, an evaluation of the state), so no record of handled events is kept for it. Reports submitted for
     * approval, the 推進本部's decisions on them and the corrections that answer a return are kept in one more bulk
     * write, in the order they came, and their KPIs evaluated (a return reaches the department's inbox, a correction
     * resolves it). A measure's 自己評価 submitted or evaluated is kept on its plan, and the plan's evaluation rules
     * judged once per plan of the batch.
     */
    @KafkaListener(id = REPORTS, topics = Topics.Names.MEASUREMENT_EVENTS, batch = "true")
    void onMeasurementsRecorded(List<ConsumerRecord<String, Object>> records) {
        RecordBatches.handle(records, batch -> {
            Map<String, Set<String>> periods = new HashMap<>();
            Map<String, Set<String>> departmentsByPlan = new LinkedHashMap<>();
            List<KpiWatchRepository.SubmissionUpdate> submissions = new ArrayList<>();
            Map<String, PlanWatch> evaluated = new LinkedHashMap<>();
            for (ConsumerRecord<String, Object> record : batch) {
                if (record.value() instanceof MeasurementRecordedV1 recorded) {
                    reportTimes.noted(recorded.kpiId(), recorded.recordedAt());
                    submissions.addAll(submissionsOf(recorded));
                }
                if (record.value() instanceof MeasurementReviewedV1 reviewed) {
                    submissions.add(new KpiWatchRepository.SubmissionUpdate(reviewed.kpiId(), reviewed.measurementId(),
                            "RETURNED".equals(reviewed.decision()) ? new KpiWatch.Submission(reviewed.period(),
                                    null, reviewed.reason() == null ? "-" : reviewed.reason(), reviewed.departmentCode())
                                    : null));
                }
                if (record.value() instanceof MeasureEvaluationChangedV1 changed) {
                    evaluated.put(changed.planId(), plans.evaluationChanged(changed.planId(),
                            PlanWatch.evaluationKey(changed.measureCode(), changed.fiscalYear()),
                            new PlanWatch.MeasureEvaluation(changed.state(), changed.changedAt())));
                }
                if (record.value() instanceof MeasurementRecordedV1 recorded && recorded.period() != null) {
                    periods.computeIfAbsent(recorded.kpiId(), kpi -> new LinkedHashSet<>()).add(recorded.period());
                    if (recorded.planId() != null && recorded.departmentCode() != null) {
                        departmentsByPlan.computeIfAbsent(recorded.planId(), plan -> new LinkedHashSet<>())
                                .add(recorded.departmentCode());
                    }
                }
            }
            kpis.reportedAll(periods);
            if (!submissions.isEmpty()) {
                List<KpiWatch> saved = kpis.saveSubmissionsAll(submissions);
                evaluateAsTheyAre(saved);
                // the plans' approval digests, by the next daily evaluation
                alerts.changedToday(saved);
            }
            // a measure's evaluation submitted or evaluated: the plan's evaluation rules, once per plan of the batch
            evaluated.forEach((planId, plan) -> alerts.evaluatePlan(plan, kpis.findByPlan(planId)));
            departmentsByPlan.forEach((planId, departments) -> {
                List<KpiWatch> planKpis = kpis.findByPlan(planId);
                String municipality = planKpis.stream().map(KpiWatch::municipalityCode)
                        .filter(code -> code != null).findFirst().orElse(null);
                departments.forEach(department -> alerts.evaluateReports(planKpis, municipality, department));
                // the departments' digests over all their KPIs (of every plan), by the next daily evaluation
                alerts.changedToday(planKpis.stream().filter(kpi -> departments.contains(kpi.departmentCode()))
                        .toList());
            });
        });
    }

    /**
     * Whether a year's verdict raises KPI_MISSED: 未達, judged during the fiscal year that follows it (on its 4/1, or
     * after a correction that year). A verdict on a year long past (a plan taken into the system in its third year,
     * its earlier years judged at once) is kept by the measurement service but not alerted.
     */
    private static boolean alertsMissed(KpiYearJudgedV1 judged) {
        return "MISSED".equals(judged.verdict()) && judged.judgedOn() != null
                && !judged.judgedOn().isAfter(FiscalYear.of(judged.fiscalYear()).next().lastDay());
    }

    /**
     * What a recorded report changes of its KPI's submissions: a report awaiting approval is kept as submitted; a
     * correction replaces the report it corrects (a returned one is answered).
     */
    private static List<KpiWatchRepository.SubmissionUpdate> submissionsOf(MeasurementRecordedV1 recorded) {
        List<KpiWatchRepository.SubmissionUpdate> updates = new ArrayList<>();
        if (recorded.supersedes() != null) {
            updates.add(new KpiWatchRepository.SubmissionUpdate(recorded.kpiId(), recorded.supersedes(), null));
        }
        if (Boolean.TRUE.equals(recorded.awaitingApproval())) {
            updates.add(new KpiWatchRepository.SubmissionUpdate(recorded.kpiId(), recorded.measurementId(),
                    new KpiWatch.Submission(recorded.period(),
                            recorded.recordedAt().atZone(java.time.ZoneId.of("Asia/Tokyo")).toLocalDate(), null,
                            recorded.departmentCode())));
        }
        return updates;
    }

    /**
     * Evaluates the KPIs just saved as they are once the evaluation has its turn: another consumer's evaluation (a
     * definition's, a year's) may have changed them in between, and judging them as saved would undo it.
     */
    private void evaluateAsTheyAre(List<KpiWatch> saved) {
        List<String> ids = saved.stream().map(KpiWatch::kpiId).toList();
        alerts.evaluateKpis(() -> kpis.findAll(ids));
    }

    private void evaluateAsItIs(KpiWatch saved) {
        alerts.evaluate(() -> kpis.find(saved.kpiId()).orElse(saved));
    }

    /**
     * A KPI's definition kept: its own rules are evaluated now; its plan's and its department's (the one it sat in
     * before too) by the next daily evaluation.
     */
    private void definitionSaved(java.util.Optional<KpiWatch> before, KpiWatch saved) {
        evaluateAsItIs(saved);
        List<KpiWatch> changed = new ArrayList<>();
        before.ifPresent(changed::add);
        changed.add(saved);
        alerts.changedToday(changed);
    }

    /** Handles each event of the batch the consumer has not handled yet, then records them in one write. */
    private <T> void onceEach(String consumer, List<ConsumerRecord<String, Object>> batch, Class<T> type,
            Consumer<T> handling) {
        Set<String> before = processed.handledOf(consumer, eventIds(batch));
        List<String> handled = new ArrayList<>();
        for (ConsumerRecord<String, Object> record : batch) {
            String eventId = EventMetadata.of(record).id();
            if (type.isInstance(record.value()) && !before.contains(eventId) && !handled.contains(eventId)) {
                handling.accept(type.cast(record.value()));
                handled.add(eventId);
            }
        }
        processed.handledAll(consumer, handled);
    }

    private static List<String> eventIds(List<ConsumerRecord<String, Object>> batch) {
        return batch.stream().map(record -> EventMetadata.of(record).id()).toList();
    }
}
