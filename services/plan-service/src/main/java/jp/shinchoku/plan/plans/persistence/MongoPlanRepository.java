package jp.shinchoku.plan.plans.persistence;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.util.ConcurrentModificationException;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import jp.shinchoku.plan.plans.Plan;
import jp.shinchoku.plan.plans.PlanEvent;
import jp.shinchoku.plan.plans.PlanRepository;
import jp.shinchoku.plan.plans.messaging.PlanContracts;
import jp.shinchoku.platform.outbox.Outbox;
import jp.shinchoku.platform.outbox.OutboxEntry;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

@Repository
class MongoPlanRepository implements PlanRepository {

    private static final int MAX_ATTEMPTS = 5;

    private final MongoTemplate mongo;
    private final Outbox outbox;

    MongoPlanRepository(MongoTemplate mongo, Outbox outbox) {
        this.mongo = mongo;
        this.outbox = outbox;
    }

    @Override
    public void insert(Plan plan, List<PlanEvent> events) {
        mongo.insert(new PlanDocument(plan.id(), plan, outbox.entries(PlanContracts.toContracts(events)), null));
        outbox.written();
    }

    /**
     * One conditional update per attempt: the new plan and its events are written only if the document still has
     * the version that was read ({@code $set} the plan, {@code $push} the events, {@code $inc} the version).
     */
    @Override
    public Optional<Plan.Changed> update(String planId, Function<Plan, Plan.Changed> change) {
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            PlanDocument stored = mongo.findById(planId, PlanDocument.class);
            if (stored == null) {
                return Optional.empty();
            }
            Plan.Changed changed = change.apply(stored.plan());
            if (changed.events().isEmpty()) {
                return Optional.of(changed);
            }
            Query unchanged = Query.query(where("_id").is(planId).and("version").is(stored.version()));
            Update update = new Update().set("plan", changed.plan()).inc("version", 1)
                    .push(OutboxEntry.FIELD).each(outbox.entries(PlanContracts.toContracts(changed.events())).toArray());
            if (mongo.updateFirst(unchanged, update, PlanDocument.class).getMatchedCount() == 1) {
                outbox.written();
                return Optional.of(changed);
            }
        }
        throw new ConcurrentModificationException("plan " + planId + " kept changing; try again");
    }

    @Override
    public Optional<Plan> find(String planId) {
        return Optional.ofNullable(mongo.findById(planId, PlanDocument.class)).map(PlanDocument::plan);
    }

    @Override
    public List<Plan> findAll() {
        return mongo.find(new Query().with(Sort.by("plan.publishedAt")), PlanDocument.class).stream()
                .map(PlanDocument::plan)
                .toList();
    }
}
