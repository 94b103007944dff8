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
 * (by default six months) and not yet passed.
 */
public final class DeadlineRule {

    private static final Set<String> BEHIND = Set.of("AT_RISK", "BEHIND");
    private static final Map<String, String> STATUS_JA = Map.of("AT_RISK", "注意", "BEHIND", "遅れ");

    private final RuleSettings.Policy policy;

    public DeadlineRule(RuleSettings.Policy policy) {
        this.policy = policy;
    }

    /** One horizon for every municipality. */
    public DeadlineRule(Period horizon) {
        this(RuleSettings.Policy.of(new RuleSettings(horizon, RuleSettings.DEFAULTS.reportGraceDays(),
                RuleSettings.DEFAULTS.escalateAfterBusinessDays())));
    }

    public Optional<AlertCondition> evaluate(KpiWatch kpi, LocalDate today) {
        Period horizon = policy.forMunicipality(kpi.municipalityCode()).deadlineHorizon();
        if (Boolean.TRUE.equals(kpi.retired()) || kpi.status() == null || !BEHIND.contains(kpi.status()) || kpi.deadline() == null
                || today.isAfter(kpi.deadline()) || kpi.deadline().isAfter(today.plus(horizon))) {
            return Optional.empty();
        }
        Map<String, String> labels = KpiStatusRules.kpiLabels(AlertRule.KPI_BEHIND_NEAR_DEADLINE, kpi);
        long daysLeft = ChronoUnit.DAYS.between(today, kpi.deadline());
        String percent = kpi.achievement() == null ? "-"
                : kpi.achievement().multiply(BigDecimal.valueOf(100)).setScale(0, RoundingMode.HALF_UP) + "%";
        String summaryJa = "評価指標「" + kpi.displayName() + "」が計画より" + STATUS_JA.get(kpi.status())
                + "の状況です（達成度 " + percent + "、期限 " + Wareki.formatBoth(kpi.deadline()) + " まで残り " + daysLeft + " 日）";
        String summaryEn = "KPI \"" + kpi.displayName() + "\" is " + kpi.status().toLowerCase().replace('_', ' ')
                + " (achievement " + percent + ", deadline " + kpi.deadline() + ", " + daysLeft + " days left)";
        return Optional.of(new AlertCondition(AlertRule.KPI_BEHIND_NEAR_DEADLINE, labels, summaryJa, summaryEn,
                AlertCondition.kpiLink(kpi.kpiId())));
    }
}
