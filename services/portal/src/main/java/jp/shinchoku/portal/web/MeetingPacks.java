package jp.shinchoku.portal.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

import jp.shinchoku.calendar.FiscalYear;
import jp.shinchoku.calendar.Wareki;
import jp.shinchoku.portal.api.ApiProblemException;
import jp.shinchoku.portal.api.MeasurementClient;
import jp.shinchoku.portal.api.MeasurementClient.EditionRow;
import jp.shinchoku.portal.api.MeasurementClient.EditionSummary;
import jp.shinchoku.portal.api.MeasurementClient.FiscalYearState;
import jp.shinchoku.portal.api.MeasurementClient.MeasureEvaluation;
import jp.shinchoku.portal.api.MeasurementClient.PlanKpi;
import jp.shinchoku.portal.api.MeasurementClient.Rollup;
import jp.shinchoku.portal.api.NotificationClient;
import jp.shinchoku.portal.api.PlanClient;
import jp.shinchoku.portal.web.MeetingPack.CountRow;
import jp.shinchoku.portal.web.MeetingPack.Edition;
import jp.shinchoku.portal.web.MeetingPack.OpenAlert;
import jp.shinchoku.portal.web.MeetingPack.Overdue;
import jp.shinchoku.portal.web.MeetingPack.Undecided;
import jp.shinchoku.portal.web.MeetingPack.Waiting;
import jp.shinchoku.portal.web.MeetingPack.Worsened;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Puts a plan's {@link MeetingPack} together from what the three services answer the signed-in 推進本部: the
 * roll-up by 柱 (its day is the measurement service's today), the plan's KPIs now against the edition the last
 * meeting saw (the one frozen last), each department's reports due, the alerts firing to the 推進本部, the plan's
 * 未設定 targets and the milestones that decide them, the 施策評価 of the year that ended last, the reports awaiting
 * approval and whether that year is closed.
 */
@Component
class MeetingPacks {

    /** The 推進本部's inbox, as the notification service names it. */
    static final String RECEIVER = "promotion-hq";

    /** Statuses that say how well a KPI goes, best first; the others (未報告, 目標未設定, 定性) are not compared. */
    private static final Map<String, Integer> RANK = Map.of("ACHIEVED", 4, "ON_TRACK", 3, "AT_RISK", 2, "BEHIND", 1,
            "MISSED", 0);
    /** The columns of the counts: these always, the others where a KPI has them. */
    private static final List<String> STATUSES = List.of("ACHIEVED", "ON_TRACK", "AT_RISK", "BEHIND", "MISSED");
    private static final List<String> OTHER_STATUSES = List.of("NO_DATA", "TARGET_UNDEFINED", "NOT_MEASURABLE");

    private final PlanClient plans;
    private final MeasurementClient measurement;
    private final NotificationClient notifications;
    private final MessageSource messages;

    MeetingPacks(PlanClient plans, MeasurementClient measurement, NotificationClient notifications,
            MessageSource messages) {
        this.plans = plans;
        this.measurement = measurement;
        this.notifications = notifications;
        this.messages = messages;
    }

    /** The pack of a plan as of the measurement service's today, its decisions worded in {@code locale}. */
    MeetingPack of(String planId, Me me, Locale locale) {
        PlanClient.Plan plan = plans.plan(planId);
        String municipality = plan.municipality() == null ? null : plan.municipality().name();
        Departments departments = Departments.of(plans, me.municipality() != null && !me.municipality().isBlank()
                ? me.municipality() : plan.municipality() == null ? null : plan.municipality().key());
        Rollup rollup = measurement.rollup(planId, "pillar", "", "");
        // the roll-up is as of the measurement service's today (a system started on another date has its own)
        LocalDate today = rollup.asOf() != null && rollup.asOf().length() >= 10
                ? LocalDate.parse(rollup.asOf().substring(0, 10))
                : measurement.today(planId).orElseGet(LocalDate::now);
        List<PlanKpi> kpis = measurement.kpis(planId, null, "", "").kpis();

        List<String> statuses = statuses(rollup);
        List<CountRow> counts = rollup.groups().stream().map(group -> counts(group, statuses)).toList();

        EditionSummary last = measurement.editions(planId).stream()
                .max(Comparator.comparing(EditionSummary::frozenAt, Comparator.nullsFirst(Comparator.naturalOrder())))
                .orElse(null);
        Edition since = last == null ? null : new Edition(last.id(), english(locale)
                ? FiscalYear.of(last.fiscalYear()).labelEn() : FiscalYear.of(last.fiscalYear()).label(), last.cause(),
                PageModel.time(last.frozenAt()));
        List<Worsened> worsened = last == null ? List.of() : worsened(measurement.edition(planId, last.id()), kpis,
                departments);

        List<Overdue> overdue = overdue(planId, kpis, departments);
        List<OpenAlert> alerts = notifications.firing(RECEIVER).stream()
                .filter(alert -> planId.equals(alert.labels().getOrDefault("planId", planId)))
                .map(alert -> alert(alert, locale)).toList();
        List<Undecided> undecided = undecided(plan, departments, today);

        FiscalYear ended = FiscalYear.containing(today).previous();
        List<Waiting> waiting = evaluations(planId, ended).stream()
                .filter(evaluation -> "SUBMITTED".equals(evaluation.state()))
                .map(evaluation -> waiting(evaluation, departments)).toList();
        int awaitingApproval = measurement.approvals(planId).size();
        FiscalYearState year = year(planId, ended);

        List<String> decisions = decisions(locale, awaitingApproval, waiting.size(), ended, undecided, worsened.size(),
                overdue.size(), year);
        return new MeetingPack(planId, text(plan.title()), text(municipality), Wareki.formatBoth(today),
                today.toString(), me.name(), statuses, counts,
                counts(rollup.total(), statuses), since, worsened, overdue, alerts, undecided,
                english(locale) ? ended.labelEn() : ended.label(), waiting, decisions);
    }

    /** The statuses always counted, and the others some KPI of the plan has. */
    private static List<String> statuses(Rollup rollup) {
        List<String> statuses = new ArrayList<>(STATUSES);
        for (String other : OTHER_STATUSES) {
            if (rollup.total() != null && count(rollup.total(), other) > 0) {
                statuses.add(other);
            }
        }
        return statuses;
    }

    private static CountRow counts(MeasurementClient.Group group, List<String> statuses) {
        if (group == null) {
            return new CountRow("", statuses.stream().map(status -> 0).toList(), 0);
        }
        return new CountRow(text(group.label()), statuses.stream().map(status -> count(group, status)).toList(),
                group.kpis());
    }

    private static int count(MeasurementClient.Group group, String status) {
        return group.statuses().stream().filter(count -> status.equals(count.status()))
                .mapToInt(MeasurementClient.StatusCount::kpis).sum();
    }

    /** The KPIs whose status ranks lower now than in the edition (a KPI new since, or not ranked, is not compared). */
    private static List<Worsened> worsened(MeasurementClient.Edition edition, List<PlanKpi> kpis,
            Departments departments) {
        Map<String, String> before = new HashMap<>();
        for (EditionRow row : edition.rows()) {
            if (row.status() != null) {
                before.put(row.kpiId(), row.status());
            }
        }
        List<Worsened> worsened = new ArrayList<>();
        for (PlanKpi kpi : kpis) {
            Integer was = RANK.get(before.get(kpi.kpiId()));
            Integer now = RANK.get(kpi.status());
            if (was != null && now != null && now < was) {
                worsened.add(new Worsened(kpi.kpiId(), kpi.name(), joined(kpi.pillarCode(), kpi.pillarTitle()),
                        joined(kpi.measureCode(), kpi.measureTitle()), departments.name(kpi.departmentCode()),
                        before.get(kpi.kpiId()), kpi.status()));
            }
        }
        return worsened;
    }

    /** Each department's reports for the period that ended last, those past their due date (翌月末) and not made. */
    private List<Overdue> overdue(String planId, List<PlanKpi> kpis, Departments departments) {
        TreeSet<String> codes = new TreeSet<>();
        kpis.stream().map(PlanKpi::departmentCode).filter(code -> code != null && !code.isBlank()).forEach(codes::add);
        List<Overdue> overdue = new ArrayList<>();
        for (String code : codes) {
            for (MeasurementClient.Due due : measurement.due(planId, code)) {
                if ("OVERDUE".equals(due.state())) {
                    overdue.add(new Overdue(departments.name(code), due.kpiId(), due.name(),
                            due.periodLabel() == null ? due.period() : due.periodLabel(), PageModel.date(due.dueOn())));
                }
            }
        }
        return overdue;
    }

    /** An alert in the reader's language: the service names its rule in Japanese, the portal in English. */
    private OpenAlert alert(NotificationClient.Alert alert, Locale locale) {
        String rule = alert.rule() == null ? alert.labels().get("rule") : alert.rule();
        String subject = english(locale) && alert.summaryEn() != null ? alert.summaryEn() : alert.summaryJa();
        String name = english(locale) && rule != null
                ? messages.getMessage("meeting.rule." + rule, null, text(alert.ruleJa()), locale) : text(alert.ruleJa());
        return new OpenAlert(alert.severity(), rule, name, text(subject), PageModel.date(alert.firstRaisedAt()),
                alert.acknowledgement() == null ? null : alert.acknowledgement().by());
    }

    /**
     * The plan's KPIs (of measures not retired) whose target is 未設定, each with the day it is to be decided by: the
     * due date of the milestone that decides it, else the KPI's own.
     */
    private static List<Undecided> undecided(PlanClient.Plan plan, Departments departments, LocalDate today) {
        List<Undecided> undecided = new ArrayList<>();
        for (PlanClient.Pillar pillar : plan.pillars()) {
            for (PlanClient.Measure measure : pillar.measures()) {
                if (measure.retired()) {
                    continue;
                }
                for (PlanClient.Kpi kpi : measure.kpis()) {
                    if (kpi.retired() || !"undefined".equals(kpi.kind())) {
                        continue;
                    }
                    PlanClient.DateView by = measure.milestones().stream()
                            .filter(milestone -> kpi.id().equals(milestone.decidesTargetOf()) && milestone.due() != null)
                            .map(PlanClient.Milestone::due).findFirst().orElse(kpi.due());
                    LocalDate day = by == null || by.date() == null ? null : LocalDate.parse(by.date());
                    undecided.add(new Undecided(kpi.id(), joined(kpi.code(), kpi.name()),
                            joined(measure.code(), measure.title()), departments.name(measure.department()),
                            day == null ? "—" : Wareki.formatBoth(day), day != null && day.isBefore(today)));
                }
            }
        }
        return undecided;
    }

    /** The 施策評価 of the year; none where the service has none of the plan for it (a year before the plan). */
    private List<MeasureEvaluation> evaluations(String planId, FiscalYear year) {
        try {
            return measurement.evaluations(planId, year.startYear());
        } catch (ApiProblemException none) {
            if (none.status() == 404 || none.status() == 400) {
                return List.of();
            }
            throw none;
        }
    }

    private static Waiting waiting(MeasureEvaluation evaluation, Departments departments) {
        MeasurementClient.SelfEvaluation self = evaluation.self();
        return new Waiting(joined(evaluation.measureCode(), evaluation.measureTitle()),
                departments.name(evaluation.departmentCode()), self == null ? null : self.grade(),
                self == null ? null : self.direction(), self == null ? "—" : PageModel.time(self.at()));
    }

    private FiscalYearState year(String planId, FiscalYear year) {
        try {
            return measurement.fiscalYear(planId, year.startYear());
        } catch (ApiProblemException none) {
            if (none.status() == 404 || none.status() == 400) {
                return null;
            }
            throw none;
        }
    }

    /** What the meeting is asked to decide, from the sections: only what there is to decide. */
    private List<String> decisions(Locale locale, int awaitingApproval, int waiting, FiscalYear ended,
            List<Undecided> undecided, int worsened, int overdue, FiscalYearState year) {
        List<String> decisions = new ArrayList<>();
        String endedLabel = english(locale) ? ended.labelEn() : ended.label();
        if (awaitingApproval > 0) {
            decisions.add(text(locale, "meeting.decision.approve", awaitingApproval));
        }
        if (waiting > 0) {
            decisions.add(text(locale, "meeting.decision.evaluate", waiting, endedLabel));
        }
        if (!undecided.isEmpty()) {
            decisions.add(text(locale, "meeting.decision.targets", undecided.size(),
                    undecided.stream().filter(Undecided::late).count()));
        }
        if (worsened > 0) {
            decisions.add(text(locale, "meeting.decision.worsened", worsened));
        }
        if (overdue > 0) {
            decisions.add(text(locale, "meeting.decision.overdue", overdue));
        }
        if (year != null && !year.closed()) {
            long unreported = year.blockers().stream().filter(b -> "UNREPORTED".equals(b.reason())).count();
            long unapproved = year.blockers().stream().filter(b -> "UNAPPROVED".equals(b.reason())).count();
            decisions.add(year.blockers().isEmpty() ? text(locale, "meeting.decision.close", endedLabel)
                    : text(locale, "meeting.decision.close-held", endedLabel, unreported, unapproved));
        }
        return decisions;
    }

    private String text(Locale locale, String key, Object... args) {
        return messages.getMessage(key, args, locale);
    }

    private static boolean english(Locale locale) {
        return Locale.ENGLISH.getLanguage().equals(locale.getLanguage());
    }

    private static String joined(String code, String title) {
        return (text(code) + " " + text(title)).strip();
    }

    private static String text(String text) {
        return text == null ? "" : text;
    }
}
