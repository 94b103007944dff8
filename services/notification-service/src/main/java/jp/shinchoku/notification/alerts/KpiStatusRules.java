package jp.shinchoku.notification.alerts;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jp.shinchoku.calendar.FiscalYear;
import jp.shinchoku.calendar.Texts;
import jp.shinchoku.calendar.Wareki;
import jp.shinchoku.notification.kpis.KpiWatch;

/**
 * What a KPI's status says on its own: 未達 (its deadline passed unachieved), 達成 (for information), and a status
 * that worsened with its latest change (順調 → 注意 → 遅れ, or a level reached and then lost: 達成 → 注意).
 */
public final class KpiStatusRules {

    private static final Map<String, Integer> RANK = Map.of("ACHIEVED", 4, "ON_TRACK", 3, "AT_RISK", 2, "BEHIND", 1);

    private KpiStatusRules() {
    }

    /**
     * The status rules of a KPI as of {@code today}: 未達 and 達成 of its deadline, 悪化, and each fiscal year it
     * missed, from the morning after that year until the following year ends (the year's 未達 is the following year's
     * work, reviewed in it; its verdict stays readable in the measurement service).
     */
    public static List<AlertCondition> evaluate(KpiWatch kpi, LocalDate today) {
        List<AlertCondition> found = new ArrayList<>();
        if (kpi.isRetired() || kpi.status() == null) {
            return found;
        }
        if ("MISSED".equals(kpi.status())) {
            found.add(condition(AlertRule.KPI_MISSED, kpi, Map.of(),
                    AlertTexts.TEXTS.ja("kpi-missed.summary", kpi.displayName(), deadline(kpi)),
                    AlertTexts.TEXTS.en("kpi-missed.summary", kpi.displayName(), kpi.deadline())));
        }
        if ("ACHIEVED".equals(kpi.status())) {
            found.add(condition(AlertRule.KPI_ACHIEVED, kpi, Map.of(),
                    AlertTexts.TEXTS.ja("kpi-achieved.summary", kpi.displayName()),
                    AlertTexts.TEXTS.en("kpi-achieved.summary", kpi.displayName())));
        }
        kpi.missedYears().values().stream()
                .filter(year -> !today.isAfter(FiscalYear.of(year.fiscalYear()).next().lastDay()))
                .forEach(year -> found.add(missedYear(kpi, year)));
        Integer before = kpi.previousStatus() == null ? null : RANK.get(kpi.previousStatus());
        Integer now = RANK.get(kpi.status());
        if (before != null && now != null && now < before) {
            found.add(condition(AlertRule.KPI_STATUS_WORSENED, kpi,
                    Map.of("from", kpi.previousStatus(), "to", kpi.status()),
                    AlertTexts.TEXTS.ja("kpi-status-worsened.summary", kpi.displayName(), statusJa(kpi.previousStatus()),
                            statusJa(kpi.status())),
                    AlertTexts.TEXTS.en("kpi-status-worsened.summary", kpi.displayName(), kpi.previousStatus(), kpi.status())));
        }
        return found;
    }

    /**
     * The first day after today on which a missed year's 未達 stops firing (the day after the following fiscal year);
     * the other status rules change only with the KPI's progress.
     */
    public static Optional<LocalDate> nextChange(KpiWatch kpi, LocalDate today) {
        NextDay next = new NextDay(today);
        if (!kpi.isRetired() && kpi.status() != null) {
            kpi.missedYears().values().forEach(year ->
                    next.offer(FiscalYear.of(year.fiscalYear()).next().lastDay().plusDays(1)));
        }
        return next.day();
    }

    /**
     * 未達 for one fiscal year of a KPI judged year by year: the year is a label, so each missed year is an alert of
     * its own.
     */
    private static AlertCondition missedYear(KpiWatch kpi, KpiWatch.MissedYear year) {
        FiscalYear fiscalYear = FiscalYear.of(year.fiscalYear());
        String value = year.value() == null ? "-" : year.value().stripTrailingZeros().toPlainString();
        String target = year.target() == null ? "-" : year.target().stripTrailingZeros().toPlainString();
        String months = String.join(", ", year.shortMonths());
        String ja = AlertTexts.TEXTS.ja("kpi-missed.year-summary", kpi.displayName(), fiscalYear.label(), value, target)
                + (months.isEmpty() ? "" : AlertTexts.TEXTS.ja("kpi-missed.short-months", months));
        String en = AlertTexts.TEXTS.en("kpi-missed.year-summary", kpi.displayName(), fiscalYear.labelEn(), value, target)
                + (months.isEmpty() ? "" : AlertTexts.TEXTS.en("kpi-missed.short-months", months));
        return condition(AlertRule.KPI_MISSED, kpi, Map.of("fiscalYear", KpiWatch.MissedYear.key(year.fiscalYear())),
                ja, en);
    }

    /** A status's name in Japanese ({@code status.<status>}): {@code AT_RISK} is 注意. */
    static String statusJa(String status) {
        return AlertTexts.TEXTS.ja("status." + Texts.keyOf(status));
    }

    private static String deadline(KpiWatch kpi) {
        return kpi.deadline() == null ? "" : " " + Wareki.formatBoth(kpi.deadline()) + " ";
    }

    /** The labels every KPI alert carries: the rule, the KPI and where it sits. */
    static Map<String, String> kpiLabels(AlertRule rule, KpiWatch kpi) {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put("rule", rule.name());
        labels.put("kpiId", kpi.kpiId());
        put(labels, "municipality", kpi.municipalityCode());
        put(labels, "planId", kpi.planId());
        put(labels, "measure", kpi.measureCode());
        put(labels, "departmentCode", kpi.departmentCode());
        return labels;
    }

    static void put(Map<String, String> labels, String name, String value) {
        if (value != null) {
            labels.put(name, value);
        }
    }

    private static AlertCondition condition(AlertRule rule, KpiWatch kpi, Map<String, String> extra, String ja, String en) {
        Map<String, String> labels = kpiLabels(rule, kpi);
        labels.putAll(extra);
        return new AlertCondition(rule, labels, ja, en, AlertCondition.kpiLink(kpi.kpiId()));
    }
}
