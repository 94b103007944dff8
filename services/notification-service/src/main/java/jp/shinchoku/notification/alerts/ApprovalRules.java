package jp.shinchoku.notification.alerts;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jp.shinchoku.calendar.BusinessDays;
import jp.shinchoku.calendar.ReportingPeriod;
import jp.shinchoku.notification.kpis.KpiWatch;
import jp.shinchoku.notification.plans.PlanWatch;

/**
 * 承認・差戻し:
 * <ul>
 * <li>差戻し: each report the 推進本部 returned reaches its department's inbox, with the reason, until the department
 * corrects it;</li>
 * <li>承認待ち: a plan's reports awaiting approval longer than the municipality's business days
 * ({@code escalateAfterBusinessDays}, by default 5) reach the 推進本部 as one digest.</li>
 * </ul>
 */
public final class ApprovalRules {

    private final RuleSettings.Policy policy;

    public ApprovalRules(RuleSettings.Policy policy) {
        this.policy = policy;
    }

    /** The KPI's returned reports, one alert each. */
    public static List<AlertCondition> returned(KpiWatch kpi) {
        List<AlertCondition> found = new ArrayList<>();
        if (kpi.isRetired()) {
            return found;
        }
        kpi.submissions().forEach((measurementId, submission) -> {
            if (!submission.awaiting()) {
                Map<String, String> labels = KpiStatusRules.kpiLabels(AlertRule.REPORT_RETURNED, kpi);
                // the department the report came from, until the KPI's definition says where it sits
                if (!labels.containsKey("departmentCode")) {
                    KpiStatusRules.put(labels, "departmentCode", submission.department());
                }
                labels.put("measurementId", measurementId);
                KpiStatusRules.put(labels, "period", submission.period());
                String period = label(submission.period());
                found.add(new AlertCondition(AlertRule.REPORT_RETURNED, labels,
                        AlertTexts.TEXTS.ja("report-returned.summary", kpi.displayName(), period, submission.returned()),
                        AlertTexts.TEXTS.en("report-returned.summary", kpi.displayName(), submission.period(),
                                submission.returned()),
                        AlertCondition.kpiLink(kpi.kpiId())));
            }
        });
        return found;
    }

    /** The plan's reports awaiting approval past the municipality's business days, as one digest. */
    public Optional<AlertCondition> waiting(PlanWatch plan, List<KpiWatch> kpis, LocalDate today) {
        int days = policy.forMunicipality(plan.municipalityCode()).escalateAfterBusinessDays();
        long count = kpis.stream().filter(kpi -> !kpi.isRetired()).flatMap(kpi -> kpi.submissions().values().stream())
                .filter(KpiWatch.Submission::awaiting)
                .filter(s -> s.submittedOn() != null && !today.isBefore(BusinessDays.plus(s.submittedOn(), days)))
                .count();
        if (count == 0) {
            return Optional.empty();
        }
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put("rule", AlertRule.APPROVAL_WAITING.name());
        KpiStatusRules.put(labels, "municipality", plan.municipalityCode());
        labels.put("planId", plan.planId());
        String title = plan.title() == null ? plan.planId() : plan.title();
        return Optional.of(new AlertCondition(AlertRule.APPROVAL_WAITING, labels,
                AlertTexts.TEXTS.ja("approval-waiting.summary", title, count, days),
                AlertTexts.TEXTS.en("approval-waiting.summary", title, count, days), null));
    }

    /**
     * The first day after today on which one of the KPI's reports awaiting approval has waited the municipality's
     * business days (the plan's digest then counts it).
     */
    public Optional<LocalDate> nextChange(KpiWatch kpi, String municipality, LocalDate today) {
        if (kpi.isRetired()) {
            return Optional.empty();
        }
        int days = policy.forMunicipality(municipality).escalateAfterBusinessDays();
        NextDay next = new NextDay(today);
        kpi.submissions().values().stream().filter(KpiWatch.Submission::awaiting)
                .filter(s -> s.submittedOn() != null).forEach(s -> next.offer(BusinessDays.plus(s.submittedOn(), days)));
        return next.day();
    }

    private static String label(String period) {
        try {
            return ReportingPeriod.parse(period).label();
        } catch (RuntimeException unreadable) {
            return period;
        }
    }
}
