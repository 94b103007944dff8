package jp.shinchoku.plan.plans.persistence;

import java.util.List;
import java.util.Optional;

import jp.shinchoku.plan.plans.Plan;
import jp.shinchoku.plan.plans.PlanEvent;
import jp.shinchoku.plan.plans.PlanRepository;
import jp.shinchoku.plan.plans.messaging.PlanContracts;
import jp.shinchoku.platform.outbox.Outbox;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Repository;

@Repository
class MongoPlanRepository implements PlanRepository {

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
