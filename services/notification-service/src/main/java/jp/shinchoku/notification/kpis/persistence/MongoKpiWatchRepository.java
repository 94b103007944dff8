package jp.shinchoku.notification.kpis.persistence;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import jp.shinchoku.notification.kpis.KpiWatch;
import jp.shinchoku.notification.kpis.KpiWatchRepository;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

@Repository
class MongoKpiWatchRepository implements KpiWatchRepository {

    static final String COLLECTION = "kpi_watch";

    private final MongoTemplate mongo;

    MongoKpiWatchRepository(MongoTemplate mongo) {
        this.mongo = mongo;
        mongo.indexOps(COLLECTION).createIndex(new Index("planId", Sort.Direction.ASC).named("plan"));
    }

    @Override
    public KpiWatch saveDefinition(Definition definition) {
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
    public List<KpiWatch> findAll() {
        return mongo.findAll(KpiWatch.class, COLLECTION);
    }

    @Override
    public List<KpiWatch> findByPlan(String planId) {
        return mongo.find(Query.query(where("planId").is(planId)), KpiWatch.class, COLLECTION);
    }

    @Override
    public KpiWatch saveProgress(String kpiId, String planId, String departmentCode, LocalDate deadline, String status,
            String previousStatus, BigDecimal achievement, BigDecimal expectedAchievement, LocalDate asOf) {
        return upsert(kpiId, new Update()
                .setOnInsert("planId", planId)
                .setOnInsert("departmentCode", departmentCode)
                // the plan service's definition is the source of the deadline; this is for until it arrives
                .setOnInsert("deadline", deadline)
                .set("status", status)
                .set("previousStatus", previousStatus)
                .set("achievement", achievement)
                .set("expectedAchievement", expectedAchievement)
                .set("progressAsOf", asOf));
    }

    @Override
    public Optional<KpiWatch> find(String kpiId) {
        return Optional.ofNullable(mongo.findById(kpiId, KpiWatch.class, COLLECTION));
    }

    private KpiWatch upsert(String kpiId, Update update) {
        // the document's _id is the KPI id; the kpiId field carries it into the domain record
        return mongo.findAndModify(Query.query(where("_id").is(kpiId)), update.setOnInsert("kpiId", kpiId),
                FindAndModifyOptions.options().upsert(true).returnNew(true), KpiWatch.class, COLLECTION);
    }
}
