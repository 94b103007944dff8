package jp.shinchoku.notification.alerts;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.Period;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jp.shinchoku.calendar.Wareki;
import jp.shinchoku.notification.kpis.KpiWatch;

/**
 * 期限接近・遅れ: a KPI behind its trajectory (注意 AT_RISK or 遅れ BEHIND) whose deadline is within the horizon
 * (by default six months). Past the deadline it holds until the measurement service's daily run has judged the KPI
 * (未達 or 達成; at most {@link #JUDGEMENT_DAYS} days), so that there is no day on which neither this nor 未達 fires.
 */
public final class DeadlineRule {

    private static final Set<String> BEHIND = Set.of("AT_RISK", "BEHIND");

    /** How long past the deadline the alert waits for the KPI to be judged. */
    static final int JUDGEMENT_DAYS = 7;

    private final RuleSettings.Policy policy;

    public DeadlineRule(RuleSettings.Policy policy) {
        this.policy = policy;
    }

    /** One horizon for every municipality. */
    public DeadlineRule(Period horizon) {
        this(RuleSettings.Policy.of(new RuleSettings(horizon, RuleSettings.DEFAULTS.reportGraceDays(),
                RuleSettings.DEFAULTS.escalateAfterBusinessDays())));
    }

    /** Past the deadline: the KPI's progress was computed after it, or it has had its days to be. */
    private static boolean judged(KpiWatch kpi, LocalDate today) {
        return today.isAfter(kpi.deadline()) && ((kpi.progressAsOf() != null && kpi.progressAsOf().isAfter(kpi.deadline()))
                || today.isAfter(kpi.deadline().plusDays(JUDGEMENT_DAYS)));
    }

    /**
     * The first day after today on which this rule may judge the KPI otherwise with the calendar alone: its deadline
     * comes within the horizon, passes, or its days to be judged run out. Nothing while its status (which only an event
     * changes) is not 注意 or 遅れ.
     */
    public Optional<LocalDate> nextChange(KpiWatch kpi, LocalDate today) {
        if (Boolean.TRUE.equals(kpi.retired()) || kpi.status() == null || !BEHIND.contains(kpi.status())
                || kpi.deadline() == null) {
            return Optional.empty();
        }
        NextDay next = new NextDay(today);
        Period horizon = policy.forMunicipality(kpi.municipalityCode()).deadlineHorizon();
        if (kpi.deadline().isAfter(today.plus(horizon))) {
            // the first day whose horizon reaches the deadline (a month's end may shift it by a few days)
            LocalDate day = kpi.deadline().minus(horizon).minusDays(4);
            if (!day.isAfter(today)) {
                day = today.plusDays(1);
            }
            while (kpi.deadline().isAfter(day.plus(horizon))) {
                day = day.plusDays(1);
            }
            next.offer(day);
        }
        return next.offer(kpi.deadline().plusDays(1)).offer(kpi.deadline().plusDays(JUDGEMENT_DAYS + 1L)).day();
    }

    public Optional<AlertCondition> evaluate(KpiWatch kpi, LocalDate today) {
        Period horizon = policy.forMunicipality(kpi.municipalityCode()).deadlineHorizon();
        if (Boolean.TRUE.equals(kpi.retired()) || kpi.status() == null || !BEHIND.contains(kpi.status()) || kpi.deadline() == null
                || kpi.deadline().isAfter(today.plus(horizon)) || judged(kpi, today)) {
            return Optional.empty();
        }
        Map<String, String> labels = KpiStatusRules.kpiLabels(AlertRule.KPI_BEHIND_NEAR_DEADLINE, kpi);
        long daysLeft = ChronoUnit.DAYS.between(today, kpi.deadline());
        String percent = kpi.achievement() == null ? "-"
                : kpi.achievement().multiply(BigDecimal.valueOf(100)).setScale(0, RoundingMode.HALF_UP) + "%";
        String left = daysLeft >= 0 ? "kpi-behind-near-deadline.days-left" : "kpi-behind-near-deadline.passed";
        String summaryJa = AlertTexts.TEXTS.ja("kpi-behind-near-deadline.summary", kpi.displayName(),
                KpiStatusRules.statusJa(kpi.status()), percent, Wareki.formatBoth(kpi.deadline()),
                AlertTexts.TEXTS.ja(left, daysLeft));
        String summaryEn = AlertTexts.TEXTS.en("kpi-behind-near-deadline.summary", kpi.displayName(),
                kpi.status().toLowerCase().replace('_', ' '), percent, kpi.deadline(), AlertTexts.TEXTS.en(left, daysLeft));
        return Optional.of(new AlertCondition(AlertRule.KPI_BEHIND_NEAR_DEADLINE, labels, summaryJa, summaryEn,
                AlertCondition.kpiLink(kpi.kpiId())));
    }
}
