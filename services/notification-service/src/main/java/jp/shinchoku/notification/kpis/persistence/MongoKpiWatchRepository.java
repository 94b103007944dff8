package jp.shinchoku.notification.kpis.persistence;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jp.shinchoku.notification.kpis.KpiWatch;
import jp.shinchoku.notification.kpis.KpiWatchRepository;
import jp.shinchoku.platform.store.KeyIndex;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

@Repository
class MongoKpiWatchRepository implements KpiWatchRepository {

    static final String COLLECTION = "kpi_watch";

    private final MongoTemplate mongo;
    /** Each plan's KPIs, so that an event about one plan reads its KPIs by key. */
    private final KeyIndex byPlan;
    /** Each department's KPIs (by municipality and code), so that its digests are judged reading those by key. */
    private final KeyIndex byDepartment;

    MongoKpiWatchRepository(MongoTemplate mongo) {
        this.mongo = mongo;
        this.byPlan = new KeyIndex(mongo, "kpi_watch_plans");
        this.byDepartment = new KeyIndex(mongo, "kpi_watch_departments");
        if (mongo.getCollection("kpi_watch_departments").estimatedDocumentCount() == 0) {
            // KPIs watched before the departments' index was kept: indexed once
            indexDepartments(findAll());
        }
        if (mongo.getCollection("kpi_watch_plans").estimatedDocumentCount() == 0) {
            // KPIs watched before the plans' index was kept: indexed once
            Map<String, List<String>> kpisByPlan = new HashMap<>();
            findAll().stream().filter(kpi -> kpi.planId() != null).forEach(kpi ->
                    kpisByPlan.computeIfAbsent(kpi.planId(), plan -> new ArrayList<>()).add(kpi.kpiId()));
            byPlan.addAll(kpisByPlan);
        }
    }

    @Override
    public KpiWatch saveDefinition(Definition definition) {
        if (definition.planId() != null) {
            byPlan.add(definition.planId(), definition.kpiId());
        }
        if (definition.departmentCode() != null) {
            byDepartment.add(departmentKey(definition.municipalityCode(), definition.departmentCode()),
                    definition.kpiId());
        }
        return upsert(definition.kpiId(), new Update()
                .set("retired", definition.retired())
                .set("planId", definition.planId())
                .set("municipalityCode", definition.municipalityCode())
                .set("measureCode", definition.measureCode())
                .set("departmentCode", definition.departmentCode())
                .set("name", definition.name())
                .set("deadline", definition.deadline())
                .set("cadence", definition.cadence())
                .set("planFromFiscalYear", definition.planFromFiscalYear())
                .set("planToFiscalYear", definition.planToFiscalYear())
                .set("kind", definition.kind()));
    }

    @Override
    public KpiWatch reported(String kpiId, String periodCode) {
        return upsert(kpiId, new Update().addToSet("reportedPeriods", periodCode));
    }

    @Override
    public void reportedAll(Map<String, ? extends Collection<String>> periodsByKpi) {
        if (periodsByKpi.isEmpty()) {
            return;
        }
        BulkOperations bulk = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, COLLECTION);
        periodsByKpi.forEach((kpiId, periods) -> bulk.upsert(Query.query(where("_id").is(kpiId)),
                new Update().addToSet("reportedPeriods").each(periods.toArray()).setOnInsert("kpiId", kpiId)));
        bulk.execute();
    }

    @Override
    public List<KpiWatch> findAll() {
        // in batches: a store's reply has a size limit
        return mongo.find(new Query().cursorBatchSize(2_000), KpiWatch.class, COLLECTION);
    }

    @Override
    public List<KpiWatch> findByPlan(String planId) {
        Set<String> ids = byPlan.ids(planId);
        return ids.isEmpty() ? List.of() : mongo.find(Query.query(where("_id").in(ids)), KpiWatch.class, COLLECTION)
                .stream().filter(kpi -> planId.equals(kpi.planId())).toList();
    }

    @Override
    public List<KpiWatch> findByDepartment(String municipalityCode, String departmentCode) {
        Set<String> ids = byDepartment.ids(departmentKey(municipalityCode, departmentCode));
        return ids.isEmpty() ? List.of() : mongo.find(Query.query(where("_id").in(ids)), KpiWatch.class, COLLECTION)
                .stream().filter(kpi -> departmentCode.equals(kpi.departmentCode())
                        && java.util.Objects.equals(municipalityCode, kpi.municipalityCode())).toList();
    }

    private void indexDepartments(List<KpiWatch> watches) {
        Map<String, List<String>> kpisByDepartment = new HashMap<>();
        watches.stream().filter(kpi -> kpi.departmentCode() != null).forEach(kpi -> kpisByDepartment.computeIfAbsent(
                departmentKey(kpi.municipalityCode(), kpi.departmentCode()), key -> new ArrayList<>()).add(kpi.kpiId()));
        byDepartment.addAll(kpisByDepartment);
    }

    private static String departmentKey(String municipalityCode, String departmentCode) {
        return (municipalityCode == null ? "" : municipalityCode) + "/" + departmentCode;
    }

    @Override
    public List<KpiWatch> saveProgressAll(List<ProgressUpdate> updates) {
        if (updates.isEmpty()) {
            return List.of();
        }
        BulkOperations bulk = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, COLLECTION);
        updates.forEach(u -> bulk.upsert(Query.query(where("_id").is(u.kpiId())), progress(u.planId(),
                u.departmentCode(), u.deadline(), u.status(), u.previousStatus(), u.achievement(),
                u.expectedAchievement(), u.asOf()).setOnInsert("kpiId", u.kpiId())));
        bulk.execute();
        Map<String, KpiWatch> saved = new HashMap<>();
        mongo.find(Query.query(where("_id").in(updates.stream().map(ProgressUpdate::kpiId).toList())), KpiWatch.class,
                COLLECTION).forEach(watch -> saved.put(watch.kpiId(), watch));
        // a KPI known by its progress alone sits in its department with no municipality until it is defined
        indexDepartments(saved.values().stream().filter(kpi -> kpi.municipalityCode() == null).toList());
        return updates.stream().map(u -> saved.get(u.kpiId())).filter(java.util.Objects::nonNull).toList();
    }

    @Override
    public List<KpiWatch> saveYearsAll(List<YearVerdict> verdicts) {
        if (verdicts.isEmpty()) {
            return List.of();
        }
        BulkOperations bulk = mongo.bulkOps(BulkOperations.BulkMode.ORDERED, COLLECTION);
        for (YearVerdict verdict : verdicts) {
            String field = "missedYears." + KpiWatch.MissedYear.key(verdict.fiscalYear());
            Update update = verdict.missed()
                    ? new Update().set(field, new KpiWatch.MissedYear(verdict.fiscalYear(), verdict.value(),
                            verdict.target(), verdict.shortMonths()))
                    : new Update().unset(field);
            bulk.upsert(Query.query(where("_id").is(verdict.kpiId())), update.setOnInsert("kpiId", verdict.kpiId()));
        }
        bulk.execute();
        List<String> ids = verdicts.stream().map(YearVerdict::kpiId).distinct().toList();
        return mongo.find(Query.query(where("_id").in(ids)), KpiWatch.class, COLLECTION);
    }

    @Override
    public List<KpiWatch> saveSubmissionsAll(List<SubmissionUpdate> updates) {
        if (updates.isEmpty()) {
            return List.of();
        }
        BulkOperations bulk = mongo.bulkOps(BulkOperations.BulkMode.ORDERED, COLLECTION);
        for (SubmissionUpdate update : updates) {
            String field = "submissions." + update.measurementId();
            Update change = update.submission() == null ? new Update().unset(field)
                    : new Update().set(field, update.submission());
            bulk.upsert(Query.query(where("_id").is(update.kpiId())), change.setOnInsert("kpiId", update.kpiId()));
        }
        bulk.execute();
        List<String> ids = updates.stream().map(SubmissionUpdate::kpiId).distinct().toList();
        return mongo.find(Query.query(where("_id").in(ids)), KpiWatch.class, COLLECTION);
    }

    @Override
    public KpiWatch saveProgress(String kpiId, String planId, String departmentCode, LocalDate deadline, String status,
            String previousStatus, BigDecimal achievement, BigDecimal expectedAchievement, LocalDate asOf) {
        return upsert(kpiId, progress(planId, departmentCode, deadline, status, previousStatus, achievement,
                expectedAchievement, asOf));
    }

    private static Update progress(String planId, String departmentCode, LocalDate deadline, String status,
            String previousStatus, BigDecimal achievement, BigDecimal expectedAchievement, LocalDate asOf) {
        return new Update()
                .setOnInsert("planId", planId)
                .setOnInsert("departmentCode", departmentCode)
                // the plan service's definition is the source of the deadline; this is for until it arrives
                .setOnInsert("deadline", deadline)
                .set("status", status)
                .set("previousStatus", previousStatus)
                .set("achievement", achievement)
                .set("expectedAchievement", expectedAchievement)
                .set("progressAsOf", asOf);
    }

    @Override
    public List<KpiWatch> findAll(Collection<String> kpiIds) {
        return kpiIds.isEmpty() ? List.of()
                : mongo.find(Query.query(where("_id").in(kpiIds)), KpiWatch.class, COLLECTION);
    }

    @Override
    public Optional<KpiWatch> find(String kpiId) {
        return Optional.ofNullable(mongo.findById(kpiId, KpiWatch.class, COLLECTION));
    }

    private KpiWatch upsert(String kpiId, Update update) {
        KpiWatch saved = upsertOnly(kpiId, update);
        if (saved != null && saved.municipalityCode() == null && saved.departmentCode() != null) {
            indexDepartments(List.of(saved));
        }
        return saved;
    }

    private KpiWatch upsertOnly(String kpiId, Update update) {
        // the document's _id is the KPI id; the kpiId field carries it into the domain record
        return mongo.findAndModify(Query.query(where("_id").is(kpiId)), update.setOnInsert("kpiId", kpiId),
                FindAndModifyOptions.options().upsert(true).returnNew(true), KpiWatch.class, COLLECTION);
    }
}
