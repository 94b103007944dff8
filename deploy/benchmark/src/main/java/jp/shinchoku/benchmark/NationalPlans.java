package jp.shinchoku.benchmark;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A national set of plans in the plan service's import format: each government 8 measures of 5 KPIs (count,
 * percentage, boolean, recurring, relative), two milestones each, six departments, quarterly reports, 令和3–7年度. One
 * KPI in ten is due at the end of 令和6年度, so that a report behind its trajectory raises 期限接近・遅れ.
 */
final class NationalPlans {

    static final int MEASURES = 8;
    static final int KPIS_PER_MEASURE = 5;
    static final int KPIS_PER_PLAN = MEASURES * KPIS_PER_MEASURE;

    private NationalPlans() {
    }

    static String municipalityCode(int government) {
        return String.valueOf(100_000 + government);
    }

    /** Whether the n-th KPI of a plan (0-based) is due soon (its report raises an alert when behind). */
    static boolean dueSoon(int kpi) {
        return kpi % 10 == 0;
    }

    /** The kind of the n-th KPI of a plan. */
    static String kind(int kpi) {
        return List.of("count", "percentage", "boolean", "recurring", "relative").get(kpi % KPIS_PER_MEASURE);
    }

    static Map<String, Object> plan(int government) {
        Map<String, Object> plan = new LinkedHashMap<>();
        plan.put("municipality", Map.of("code", municipalityCode(government), "name", "ベンチ市" + government,
                "prefecture", "ベンチ県"));
        plan.put("title", "ベンチ市" + government + "官民データ活用推進計画");
        plan.put("issuedOn", "2021-04-01");
        plan.put("period", Map.of("from", "2021-04-01", "to", "2026-03-31"));
        plan.put("reportingCadence", "quarterly");
        List<Map<String, Object>> departments = new ArrayList<>();
        for (int d = 0; d < 6; d++) {
            departments.add(Map.of("code", "dept" + d, "name", "部署" + d, "contact", "dept" + d + "@example.lg.jp"));
        }
        plan.put("departments", departments);
        List<Map<String, Object>> measures = new ArrayList<>();
        for (int m = 0; m < MEASURES; m++) {
            List<Map<String, Object>> kpis = new ArrayList<>();
            for (int k = 0; k < KPIS_PER_MEASURE; k++) {
                kpis.add(kpi(m * KPIS_PER_MEASURE + k));
            }
            measures.add(Map.of("code", "1-" + (m + 1), "title", "施策" + (m + 1), "department", "dept" + (m % 6),
                    "kpis", kpis, "milestones", List.of(
                            Map.of("text", "令和6年度までに導入", "due", "2025-03-31"),
                            Map.of("text", "令和7年度までに全庁展開", "due", "2026-03-31"))));
        }
        plan.put("pillars", List.of(Map.of("code", "1", "title", "行政手続のオンライン化", "measures", measures)));
        return plan;
    }

    private static Map<String, Object> kpi(int n) {
        String due = dueSoon(n) ? "2025-03-31" : "2026-03-31";
        Map<String, Object> kpi = new LinkedHashMap<>();
        kpi.put("name", "指標" + n);
        String kind = kind(n);
        kpi.put("kind", kind);
        switch (kind) {
            case "percentage" -> {
                kpi.put("unit", "%");
                kpi.put("direction", "increase");
                kpi.put("baseline", Map.of("value", 10, "asOf", "2021-04-01"));
                kpi.put("target", Map.of("value", 90, "due", due));
            }
            case "boolean" -> {
                kpi.put("direction", "achieve");
                kpi.put("target", Map.of("value", 1, "due", due));
            }
            case "recurring" -> {
                kpi.put("unit", "回");
                kpi.put("direction", "increase");
                kpi.put("recurrence", Map.of("times", 4, "per", "fiscal-year"));
            }
            case "relative" -> {
                kpi.put("unit", "件");
                kpi.put("direction", "increase");
                kpi.put("baseline", Map.of("value", 100, "asOf", "2021-04-01"));
                kpi.put("factor", 1.1);
            }
            default -> {
                kpi.put("unit", "件");
                kpi.put("direction", "increase");
                kpi.put("baseline", Map.of("value", 10, "asOf", "2021-04-01"));
                kpi.put("target", Map.of("value", 1000, "due", due));
            }
        }
        return kpi;
    }
}
