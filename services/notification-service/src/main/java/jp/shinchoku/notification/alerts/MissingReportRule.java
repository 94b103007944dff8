package jp.shinchoku.notification.alerts;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import jp.shinchoku.calendar.BusinessDays;
import jp.shinchoku.calendar.FiscalYear;
import jp.shinchoku.calendar.ReportingCadence;
import jp.shinchoku.calendar.ReportingPeriod;
import jp.shinchoku.calendar.Texts;
import jp.shinchoku.calendar.Wareki;
import jp.shinchoku.notification.kpis.KpiWatch;

/**
 * 報告期限接近: from {@code reportReminderDays} days before a period's due date (default 7) until it, the department is
 * reminded of the reports it has not yet made for the period (one digest, "報告期限まで N 日").
 * <p>
 * 未報告: each KPI owes a report for the reporting period that ended last (by the plan's cadence; annual where the
 * plan does not say), due by 翌月末. Once the due date and the grace period have passed, the first business day after
 * brings the department one reminder listing all its missing KPIs (a digest, not a message per KPI); if reports are
 * still missing {@code escalateAfterBusinessDays} business days later, the 推進本部 is told too. Business days skip
 * weekends, public holidays and the year-end closure. Reporting clears the KPI from the digest; the last report
 * resolves it.
 */
public final class MissingReportRule {

    private final RuleSettings.Policy policy;

    public MissingReportRule(RuleSettings.Policy policy) {
        this.policy = policy;
    }

    private record Owed(String municipality, String department, ReportingPeriod period) {
    }

    public List<AlertCondition> evaluate(List<KpiWatch> kpis, LocalDate today) {
        Map<Owed, List<KpiWatch>> missing = new LinkedHashMap<>();
        Map<Owed, List<KpiWatch>> dueSoon = new LinkedHashMap<>();
        for (KpiWatch kpi : kpis) {
            if (kpi.isRetired() || kpi.departmentCode() == null) {
                continue;
            }
            ReportingCadence cadence = ReportingCadence.fromWire(kpi.cadence()).orElse(ReportingCadence.ANNUAL);
            ReportingPeriod period = ReportingPeriod.containing(cadence, today).previous();
            if (!inPlan(kpi, period.fiscalYear()) || kpi.reported(period.code())) {
                continue;
            }
            if (!today.isBefore(reminderDay(kpi, period))) {
                missing.computeIfAbsent(new Owed(kpi.municipalityCode(), kpi.departmentCode(), period),
                        owed -> new ArrayList<>()).add(kpi);
            }
            int before = policy.forMunicipality(kpi.municipalityCode()).reportReminderDays();
            if (before > 0 && !today.isAfter(period.reportDue()) && !today.isBefore(period.reportDue().minusDays(before))) {
                dueSoon.computeIfAbsent(new Owed(kpi.municipalityCode(), kpi.departmentCode(), period),
                        owed -> new ArrayList<>()).add(kpi);
            }
        }
        List<AlertCondition> found = new ArrayList<>();
        dueSoon.forEach((owed, owing) -> found.add(dueSoon(owed, owing, today)));
        missing.forEach((owed, owing) -> {
            RuleSettings settings = policy.forMunicipality(owed.municipality());
            LocalDate reminder = reminderDay(owing.getFirst(), owed.period());
            found.add(digest(AlertRule.REPORT_MISSING, owed, owing));
            LocalDate escalation = BusinessDays.plus(reminder, settings.escalateAfterBusinessDays());
            if (!today.isBefore(escalation)) {
                found.add(digest(AlertRule.REPORT_ESCALATED, owed, owing));
            }
        });
        return found;
    }

    /**
     * The first day after today on which the KPI may enter or leave its department's digests with the calendar alone:
     * a new reporting period begins, the reminder before the due date starts (and each day of it, whose count of days
     * the digest says), the due date passes, the reminder day or the escalation day comes.
     */
    public Optional<LocalDate> nextChange(KpiWatch kpi, LocalDate today) {
        if (kpi.isRetired() || kpi.departmentCode() == null) {
            return Optional.empty();
        }
        RuleSettings settings = policy.forMunicipality(kpi.municipalityCode());
        ReportingCadence cadence = ReportingCadence.fromWire(kpi.cadence()).orElse(ReportingCadence.ANNUAL);
        ReportingPeriod current = ReportingPeriod.containing(cadence, today);
        ReportingPeriod period = current.previous();
        LocalDate reminder = reminderDay(kpi, period);
        NextDay next = new NextDay(today).offer(current.next().firstDay()).offer(reminder)
                .offer(BusinessDays.plus(reminder, settings.escalateAfterBusinessDays()))
                .offer(period.reportDue().plusDays(1));
        int before = settings.reportReminderDays();
        if (before > 0) {
            LocalDate from = period.reportDue().minusDays(before);
            next.offer(from);
            if (!today.isBefore(from) && !today.isAfter(period.reportDue())) {
                next.offer(today.plusDays(1));
            }
        }
        return next.day();
    }

    /** The first business day after the period's due date and the grace period. */
    LocalDate reminderDay(KpiWatch kpi, ReportingPeriod period) {
        int grace = policy.forMunicipality(kpi.municipalityCode()).reportGraceDays();
        return BusinessDays.plus(period.reportDue().plusDays(grace + 1L), 0);
    }

    private static boolean inPlan(KpiWatch kpi, FiscalYear year) {
        return (kpi.planFromFiscalYear() == null || year.startYear() >= kpi.planFromFiscalYear())
                && (kpi.planToFiscalYear() == null || year.startYear() <= kpi.planToFiscalYear());
    }

    private static AlertCondition digest(AlertRule rule, Owed owed, List<KpiWatch> owing) {
        String due = Wareki.formatBoth(owed.period().reportDue());
        String key = Texts.keyOf(rule.name()) + ".summary";
        String ja = AlertTexts.TEXTS.ja(key, owed.period().label(), owing.size(), due, names(owing));
        String en = AlertTexts.TEXTS.en(key, owed.period().code(), owing.size(), owed.period().reportDue(), ids(owing));
        return condition(rule, owed, owing, ja, en);
    }

    private static AlertCondition dueSoon(Owed owed, List<KpiWatch> owing, LocalDate today) {
        long days = ChronoUnit.DAYS.between(today, owed.period().reportDue());
        String ja = AlertTexts.TEXTS.ja("report-due-soon.summary", owed.period().label(), days,
                Wareki.formatBoth(owed.period().reportDue()), owing.size(), names(owing));
        String en = AlertTexts.TEXTS.en("report-due-soon.summary", owed.period().code(), days, owed.period().reportDue(),
                owing.size(), ids(owing));
        return condition(AlertRule.REPORT_DUE_SOON, owed, owing, ja, en);
    }

    private static String names(List<KpiWatch> owing) {
        return owing.stream().map(k -> AlertTexts.TEXTS.ja("report.kpi-name", k.displayName()))
                .collect(Collectors.joining(AlertTexts.TEXTS.ja("report.kpi-separator")));
    }

    private static String ids(List<KpiWatch> owing) {
        return owing.stream().map(KpiWatch::kpiId).collect(Collectors.joining(", "));
    }

    private static AlertCondition condition(AlertRule rule, Owed owed, List<KpiWatch> owing, String ja, String en) {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put("rule", rule.name());
        KpiStatusRules.put(labels, "municipality", owed.municipality());
        labels.put("departmentCode", owed.department());
        labels.put("fiscalYear", owed.period().fiscalYear().labelEn());
        labels.put("period", owed.period().code());
        String planId = owing.getFirst().planId();
        String link = planId == null ? null
                : Links.measurement("/api/plans/" + planId + "/departments/" + owed.department() + "/due");
        return new AlertCondition(rule, labels, ja, en, link);
    }
}
