package jp.shinchoku.benchmark;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import jp.shinchoku.launcher.LocalSystem;
import jp.shinchoku.launcher.LocalSystem.Service;
import jp.shinchoku.notification.alerts.config.ScheduledEvaluation;
import jp.shinchoku.notification.kpis.KpiWatch;
import jp.shinchoku.notification.plans.MilestoneWatch;
import jp.shinchoku.notification.plans.PlanWatch;
import jp.shinchoku.platform.store.KeyIndex;
import jp.shinchoku.testsupport.MovableClock;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * The notification service's daily evaluation of the alert rules over a national number of KPIs and milestones: its
 * KPI and plan watches written in bulk, as the service keeps them (with the keys it finds a plan's and a department's
 * KPIs by), then the evaluation timed on three days: the first, a full one (every rule over everything, as after an
 * upgrade, each KPI, plan, department and alert planned), raises what the data calls for; the next two are days like
 * most, by schedule (only what was planned for them).
 */
final class AlertEvaluationBenchmark {

    private AlertEvaluationBenchmark() {
    }

    static void run(LocalSystem system, int governments, MovableClock clock) {
        LocalDate today = clock.today();
        MongoTemplate mongo = system.bean(Service.NOTIFICATION, MongoTemplate.class);
        Random random = new Random(11);
        List<KpiWatch> watches = new ArrayList<>();
        List<PlanWatch> plans = new ArrayList<>();
        String[] statuses = {"ON_TRACK", "AT_RISK", "BEHIND", "ACHIEVED", "NOT_REPORTED"};
        for (int g = 0; g < governments; g++) {
            String planId = "pln-alerts-" + g;
            String municipality = String.valueOf(100_000 + g);
            List<MilestoneWatch> milestones = new ArrayList<>();
            for (int m = 0; m < 16; m++) {
                milestones.add(new MilestoneWatch(planId + ".ms-" + m, "1-" + (m / 2 + 1), "dept" + (m % 6),
                        "マイルストーン" + m, m % 2 == 0 ? LocalDate.of(2025, 3, 31) : LocalDate.of(2026, 3, 31), null,
                        m % 3 == 0 ? "done" : "in-progress", false));
            }
            plans.add(new PlanWatch(planId, municipality, "ベンチ市" + g, "計画", LocalDate.of(2021, 4, 1), 1, milestones,
                    List.of(2021, 2022, 2023)));
            for (int k = 0; k < DailyRunBenchmark.KPIS_PER_GOVERNMENT; k++) {
                String status = statuses[random.nextInt(statuses.length)];
                watches.add(new KpiWatch(planId + ".1-" + k + ".1", planId, "1-" + (k / 5 + 1), "dept" + (k % 6),
                        "指標" + k, k % 10 == 0 ? LocalDate.of(2025, 3, 31) : LocalDate.of(2026, 3, 31), status,
                        new BigDecimal("0.5"), new BigDecimal("0.8"), today, false, "ON_TRACK", municipality,
                        "quarterly", 2021, 2025, List.of("FY2024-Q1", "FY2024-Q2"), "count", null));
            }
            if (watches.size() >= 4_000) {
                insertWithKeys(mongo, watches);
                watches.clear();
            }
        }
        insertWithKeys(mongo, watches);
        insert(mongo, "plan_watch", plans, PlanWatch::planId);
        // the progress changes of the daily runs before reach the service too: once they are in, nothing else runs
        long kept = -1;
        while (kept != mongo.getCollection("kpi_watch").countDocuments()) {
            kept = mongo.getCollection("kpi_watch").countDocuments();
            sleep();
        }
        long milestones = mongo.getCollection("plan_watch").countDocuments() * 16;
        ScheduledEvaluation.Evaluation evaluation = system.bean(Service.NOTIFICATION, ScheduledEvaluation.Evaluation.class);
        long start = System.nanoTime();
        evaluation.runFull();
        System.out.printf("alert evaluation over %,d KPIs and %,d milestones, %s: %.1f s%n", kept, milestones,
                "the first, in full (raising what the data calls for, planning everything)",
                (System.nanoTime() - start) / 1e9);
        for (String what : List.of("the next day, by schedule (a day like most)", "the day after, by schedule")) {
            clock.moveTo(clock.today().plusDays(1));
            start = System.nanoTime();
            evaluation.run();
            System.out.printf("alert evaluation over %,d KPIs and %,d milestones, %s: %.2f s%n", kept, milestones, what,
                    (System.nanoTime() - start) / 1e9);
        }
    }

    /** The watches, and the keys the service finds a plan's and a department's KPIs by, as it keeps them. */
    private static void insertWithKeys(MongoTemplate mongo, List<KpiWatch> watches) {
        insert(mongo, "kpi_watch", watches, KpiWatch::kpiId);
        Map<String, List<String>> byPlan = new HashMap<>();
        Map<String, List<String>> byDepartment = new HashMap<>();
        for (KpiWatch watch : watches) {
            byPlan.computeIfAbsent(watch.planId(), p -> new ArrayList<>()).add(watch.kpiId());
            byDepartment.computeIfAbsent(watch.municipalityCode() + "/" + watch.departmentCode(),
                    d -> new ArrayList<>()).add(watch.kpiId());
        }
        new KeyIndex(mongo, "kpi_watch_plans").addAll(byPlan);
        new KeyIndex(mongo, "kpi_watch_departments").addAll(byDepartment);
    }

    private static void sleep() {
        try {
            Thread.sleep(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** As the service keeps them: the watch's id is the document's {@code _id}. */
    private static <T> void insert(MongoTemplate mongo, String collection, List<T> watches,
            java.util.function.Function<T, String> id) {
        if (watches.isEmpty()) {
            return;
        }
        mongo.getCollection(collection).insertMany(watches.stream().map(watch -> {
            org.bson.Document document = (org.bson.Document) mongo.getConverter().convertToMongoType(watch);
            document.put("_id", id.apply(watch));
            document.remove("_class");
            return document;
        }).toList());
    }
}
