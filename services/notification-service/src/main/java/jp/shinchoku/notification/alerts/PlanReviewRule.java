package jp.shinchoku.notification.alerts;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import jp.shinchoku.calendar.FiscalYear;
import jp.shinchoku.calendar.Wareki;
import jp.shinchoku.notification.plans.PlanWatch;

/**
 * 年度見直し: once a fiscal year of the plan's period has ended, its review is due by the municipality's review date
 * in the following year (by default 6月30日). From {@code reviewLeadDays} before that date until the 推進本部 records
 * the review ({@code plan.reviewed}) the rule holds: first as {@code due-soon}, after the date as {@code overdue}
 * (a new alert, so that it is told again).
 */
public final class PlanReviewRule {

    private final RuleSettings.Policy policy;

    public PlanReviewRule(RuleSettings.Policy policy) {
        this.policy = policy;
    }

    /**
     * The first day after today on which the review rule may judge the plan otherwise with the calendar alone: a
     * fiscal year begins (another year is to be reviewed), the reminder starts, the review date passes. Whatever the
     * plan's period: those days cost a read each a year.
     */
    public Optional<LocalDate> nextChange(PlanWatch plan, LocalDate today) {
        RuleSettings settings = policy.forMunicipality(plan.municipalityCode());
        FiscalYear reviewed = FiscalYear.containing(today).previous();
        LocalDate due = settings.reviewDue().atYear(reviewed.startYear() + 1);
        return new NextDay(today).offer(FiscalYear.containing(today).next().firstDay())
                .offer(due.minusDays(settings.reviewLeadDays())).offer(due.plusDays(1)).day();
    }

    /**
     * @param firstFiscalYear the plan period's first fiscal year (its start year), or null where unknown
     * @param lastFiscalYear  the plan period's last fiscal year, or null where unknown
     */
    public Optional<AlertCondition> evaluate(PlanWatch plan, Integer firstFiscalYear, Integer lastFiscalYear,
            LocalDate today) {
        RuleSettings settings = policy.forMunicipality(plan.municipalityCode());
        FiscalYear reviewed = FiscalYear.containing(today).previous();
        Integer first = firstFiscalYear != null ? firstFiscalYear
                : plan.issuedOn() == null ? null : FiscalYear.containing(plan.issuedOn()).startYear();
        if (first == null || reviewed.startYear() < first
                || (lastFiscalYear != null && reviewed.startYear() > lastFiscalYear)
                || plan.reviewed(reviewed.startYear())) {
            return Optional.empty();
        }
        LocalDate due = settings.reviewDue().atYear(reviewed.startYear() + 1);
        if (today.isBefore(due.minusDays(settings.reviewLeadDays()))) {
            return Optional.empty();
        }
        boolean overdue = today.isAfter(due);
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put("rule", AlertRule.PLAN_REVIEW_DUE.name());
        KpiStatusRules.put(labels, "municipality", plan.municipalityCode());
        labels.put("planId", plan.planId());
        labels.put("fiscalYear", reviewed.labelEn());
        labels.put("stage", overdue ? "overdue" : "due-soon");
        long days = ChronoUnit.DAYS.between(today, due);
        String title = plan.title() == null ? plan.planId() : plan.title();
        String key = overdue ? "plan-review-due.overdue" : "plan-review-due.due-soon";
        long count = overdue ? -days : days;
        String ja = AlertTexts.TEXTS.ja(key, title, reviewed.label(), Wareki.formatBoth(due), count);
        String en = AlertTexts.TEXTS.en(key, title, reviewed.labelEn(), due, count);
        return Optional.of(new AlertCondition(AlertRule.PLAN_REVIEW_DUE, labels, ja, en,
                Links.plan("/api/plans/" + plan.planId() + "/reviews")));
    }
}
