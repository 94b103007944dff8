package jp.shinchoku.plan.plans.persistence;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Instant;
import java.util.ConcurrentModificationException;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import jp.shinchoku.plan.plans.Plan;
import jp.shinchoku.plan.plans.PlanEvent;
import jp.shinchoku.plan.plans.PlanRepository;
import jp.shinchoku.platform.outbox.Outbox;
import jp.shinchoku.platform.outbox.OutboxEntry;
import org.bson.Document;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.CompoundIndexDefinition;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

/**
 * Plans in the {@code plans} collection (the current state, with its outbox), and every replaced state in
 * {@code plan_snapshots}.
 */
@Repository
class MongoPlanRepository implements PlanRepository {

    private static final int MAX_ATTEMPTS = 5;

    private final MongoTemplate mongo;
    private final Outbox outbox;

    MongoPlanRepository(MongoTemplate mongo, Outbox outbox) {
        this.mongo = mongo;
        this.outbox = outbox;
        mongo.indexOps(PlanDocument.COLLECTION).createIndex(new Index("plan.municipality.code", Sort.Direction.ASC)
                .named("municipality_code"));
        mongo.indexOps(PlanDocument.COLLECTION).createIndex(new Index("plan.municipality.name", Sort.Direction.ASC)
                .named("municipality_name"));
        mongo.indexOps(PlanSnapshot.COLLECTION).createIndex(new CompoundIndexDefinition(
                new Document("planId", 1).append("at", -1).append("version", -1)).named("plan_at"));
        mongo.indexOps(PlanSnapshot.COLLECTION).createIndex(new CompoundIndexDefinition(
                new Document("planId", 1).append("revision", 1).append("version", 1)).named("plan_revision"));
    }

    @Override
    public void insert(Plan plan, List<PlanEvent> events) {
        mongo.insert(new PlanDocument(plan.id(), plan, outbox.entriesFor(events), null));
        outbox.written(PlanDocument.COLLECTION, plan.id());
    }

    /**
     * One conditional update per attempt: the new plan and its events are written only if the document still has
     * the version that was read ({@code $set} the plan, {@code $push} the events, {@code $inc} the version). The
     * state read is kept as a snapshot first (once per version; a repeat finds it there).
     */
    @Override
    public Optional<Plan.Changed> update(String planId, Function<Plan, Plan.Changed> change) {
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            PlanDocument stored = mongo.findById(planId, PlanDocument.class);
            if (stored == null) {
                return Optional.empty();
            }
            Plan.Changed changed = change.apply(stored.plan());
            if (changed.events().isEmpty() && changed.plan().equals(stored.plan())) {
                return Optional.of(changed);
            }
            keep(stored);
            Query unchanged = Query.query(where("_id").is(planId).and("version").is(stored.version()));
            Update update = new Update().set("plan", changed.plan()).inc("version", 1);
            if (!changed.events().isEmpty()) {
                update.push(OutboxEntry.FIELD).each(outbox.entriesFor(changed.events()).toArray());
            }
            if (mongo.updateFirst(unchanged, update, PlanDocument.class).getMatchedCount() == 1) {
                outbox.written(PlanDocument.COLLECTION, planId);
                return Optional.of(changed);
            }
        }
        throw new ConcurrentModificationException("plan " + planId + " kept changing; try again");
    }

    private void keep(PlanDocument stored) {
        PlanSnapshot snapshot = PlanSnapshot.of(stored.plan(), stored.version());
        Query same = Query.query(where("_id").is(snapshot.id()));
        Update insertOnly = new Update().setOnInsert("planId", snapshot.planId()).setOnInsert("version", snapshot.version())
                .setOnInsert("revision", snapshot.revision()).setOnInsert("at", snapshot.at())
                .setOnInsert("plan", snapshot.plan());
        mongo.upsert(same, insertOnly, PlanSnapshot.class);
    }

    @Override
    public Optional<Plan> find(String planId) {
        return Optional.ofNullable(mongo.findById(planId, PlanDocument.class)).map(PlanDocument::plan);
    }

    @Override
    public List<Plan> findAll(String municipality) {
        Query query = municipality == null ? new Query()
                : Query.query(new Criteria().orOperator(where("plan.municipality.code").is(municipality),
                        where("plan.municipality.name").is(municipality)));
        return mongo.find(query.with(Sort.by("plan.publishedAt")), PlanDocument.class).stream()
                .map(PlanDocument::plan)
                .toList();
    }

    /** The current state when it changed by then; otherwise the latest snapshot from then or before. */
    @Override
    public Optional<Plan> findAsOf(String planId, Instant instant) {
        Optional<Plan> current = find(planId);
        if (current.isEmpty() || !current.get().updatedAt().isAfter(instant)) {
            return current;
        }
        Query earlier = Query.query(where("planId").is(planId).and("at").lte(instant))
                .with(Sort.by(Sort.Order.desc("at"), Sort.Order.desc("version"))).limit(1);
        return Optional.ofNullable(mongo.findOne(earlier, PlanSnapshot.class)).map(PlanSnapshot::plan);
    }

    @Override
    public Optional<Plan> findAtRevision(String planId, int revision) {
        Query first = Query.query(where("planId").is(planId).and("revision").is(revision))
                .with(Sort.by("version")).limit(1);
        Optional<Plan> kept = Optional.ofNullable(mongo.findOne(first, PlanSnapshot.class)).map(PlanSnapshot::plan);
        return kept.isPresent() ? kept : find(planId).filter(plan -> plan.revision() == revision);
    }
}
