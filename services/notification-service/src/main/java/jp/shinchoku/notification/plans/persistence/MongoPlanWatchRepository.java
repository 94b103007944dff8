package jp.shinchoku.notification.plans.persistence;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import jp.shinchoku.notification.plans.MilestoneWatch;
import jp.shinchoku.notification.plans.PlanWatch;
import jp.shinchoku.notification.plans.PlanWatchRepository;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

/** One document per plan ({@code _id} = plan id). */
@Repository
class MongoPlanWatchRepository implements PlanWatchRepository {

    static final String COLLECTION = "plan_watch";

    private final MongoTemplate mongo;

    MongoPlanWatchRepository(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public PlanWatch saveOutline(PlanWatch outline) {
        // only a revision at least as new as the one kept replaces the outline
        Query notNewer = Query.query(where("_id").is(outline.planId()).and("revision").lte(outline.revision()));
        Update update = new Update()
                .setOnInsert("planId", outline.planId())
                .set("municipalityCode", outline.municipalityCode())
                .set("municipalityName", outline.municipalityName())
                .set("title", outline.title())
                .set("issuedOn", outline.issuedOn())
                .set("revision", outline.revision())
                .set("milestones", outline.milestones());
        try {
            mongo.upsert(notNewer, update, COLLECTION);
        } catch (DuplicateKeyException newerKept) {
            // a later revision arrived first: keep it
        }
        return find(outline.planId()).orElseThrow();
    }

    @Override
    public Optional<PlanWatch> milestoneStatus(String planId, String milestoneId, String status, LocalDate due) {
        return find(planId).map(plan -> {
            List<MilestoneWatch> milestones = plan.milestones().stream()
                    .map(m -> m.milestoneId().equals(milestoneId) ? m.withStatus(status, due) : m).toList();
            mongo.updateFirst(Query.query(where("_id").is(planId)), new Update().set("milestones", milestones),
                    COLLECTION);
            return find(planId).orElseThrow();
        });
    }

    @Override
    public PlanWatch reviewed(String planId, int fiscalYear) {
        return mongo.findAndModify(Query.query(where("_id").is(planId)),
                new Update().setOnInsert("planId", planId).setOnInsert("revision", 0)
                        .addToSet("reviewedFiscalYears", fiscalYear),
                FindAndModifyOptions.options().upsert(true).returnNew(true), PlanWatch.class, COLLECTION);
    }

    @Override
    public PlanWatch evaluationChanged(String planId, String key, PlanWatch.MeasureEvaluation evaluation) {
        String field = "evaluations." + key;
        // set unless a later change is kept: the plan's document is created if this is the first word of it
        Query notLater = Query.query(where("_id").is(planId).orOperator(where(field).exists(false),
                where(field + ".changedAt").lt(evaluation.changedAt())));
        try {
            mongo.upsert(notLater, new Update().setOnInsert("planId", planId).setOnInsert("revision", 0)
                    .set(field, evaluation), COLLECTION);
        } catch (DuplicateKeyException laterKept) {
            // the plan exists and keeps a later change of this evaluation
        }
        return find(planId).orElseThrow();
    }

    @Override
    public List<PlanWatch> findAll() {
        return mongo.find(new Query().cursorBatchSize(500), PlanWatch.class, COLLECTION);
    }

    @Override
    public List<PlanWatch> findAll(java.util.Collection<String> planIds) {
        return planIds.isEmpty() ? List.of() : mongo.find(org.springframework.data.mongodb.core.query.Query.query(
                org.springframework.data.mongodb.core.query.Criteria.where("_id").in(planIds)), PlanWatch.class, COLLECTION);
    }

    @Override
    public Optional<PlanWatch> find(String planId) {
        return Optional.ofNullable(mongo.findById(planId, PlanWatch.class, COLLECTION));
    }
}
