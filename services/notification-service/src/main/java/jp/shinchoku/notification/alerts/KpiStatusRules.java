package jp.shinchoku.notification.alerts;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jp.shinchoku.calendar.Wareki;
import jp.shinchoku.notification.kpis.KpiWatch;

/**
 * What a KPI's status says on its own: 未達 (its deadline passed unachieved), 達成 (for information), and a status
 * that worsened with its latest change (順調 → 注意 → 遅れ, or a level reached and then lost: 達成 → 注意).
 */
public final class KpiStatusRules {

    private static final Map<String, Integer> RANK = Map.of("ACHIEVED", 4, "ON_TRACK", 3, "AT_RISK", 2, "BEHIND", 1);
    private static final Map<String, String> LABEL = Map.of("ACHIEVED", "達成", "ON_TRACK", "順調", "AT_RISK", "注意",
            "BEHIND", "遅れ");

    private KpiStatusRules() {
    }

    public static List<AlertCondition> evaluate(KpiWatch kpi) {
        List<AlertCondition> found = new ArrayList<>();
        if (kpi.isRetired() || kpi.status() == null) {
            return found;
        }
        if ("MISSED".equals(kpi.status())) {
            found.add(condition(AlertRule.KPI_MISSED, kpi, Map.of(),
                    "評価指標「" + kpi.displayName() + "」は期限" + deadline(kpi) + "までに目標値に達しませんでした（未達）",
                    "KPI \"" + kpi.displayName() + "\" missed its target by its deadline " + kpi.deadline()));
        }
        if ("ACHIEVED".equals(kpi.status())) {
            found.add(condition(AlertRule.KPI_ACHIEVED, kpi, Map.of(),
                    "評価指標「" + kpi.displayName() + "」が目標値に達しました（達成）",
                    "KPI \"" + kpi.displayName() + "\" reached its target"));
        }
        Integer before = kpi.previousStatus() == null ? null : RANK.get(kpi.previousStatus());
        Integer now = RANK.get(kpi.status());
        if (before != null && now != null && now < before) {
            found.add(condition(AlertRule.KPI_STATUS_WORSENED, kpi,
                    Map.of("from", kpi.previousStatus(), "to", kpi.status()),
                    "評価指標「" + kpi.displayName() + "」の進捗が" + LABEL.get(kpi.previousStatus()) + "から"
                            + LABEL.get(kpi.status()) + "に悪化しました",
                    "KPI \"" + kpi.displayName() + "\" worsened from " + kpi.previousStatus() + " to " + kpi.status()));
        }
        return found;
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
