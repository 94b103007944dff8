package jp.shinchoku.measurement.years.persistence;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import jp.shinchoku.measurement.years.PlanYears;
import jp.shinchoku.measurement.years.PlanYearsRepository;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.annotation.Id;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Repository;

/** One document per plan ({@code _id} the plan id); every write is conditional on the version read. */
@Repository
class MongoPlanYearsRepository implements PlanYearsRepository {

    static final String COLLECTION = "plan_years";

    record PlanYearsDocument(@Id String id, long version, java.util.Set<Integer> closed, java.util.List<PlanYears.Step> history) {

        static PlanYearsDocument of(PlanYears years) {
            return new PlanYearsDocument(years.planId(), years.version(), years.closed(), years.history());
        }

        PlanYears years() {
            return new PlanYears(id, version, closed, history);
        }
    }

    private final MongoTemplate mongo;

    MongoPlanYearsRepository(MongoTemplate mongo) {
        this.mongo = mongo;
        mongo.indexOps(COLLECTION).createIndex(new Index().on("_id", Sort.Direction.ASC).on("version", Sort.Direction.ASC)
                .unique().named("plan_years_version"));
    }

    @Override
    public Optional<PlanYears> find(String planId) {
        return Optional.ofNullable(mongo.findById(planId, PlanYearsDocument.class, COLLECTION)).map(PlanYearsDocument::years);
    }

    @Override
    public Map<String, PlanYears> findAll(Collection<String> planIds) {
        if (planIds.isEmpty()) {
            return Map.of();
        }
        return mongo.find(Query.query(where("_id").in(planIds)), PlanYearsDocument.class, COLLECTION).stream()
                .map(PlanYearsDocument::years).collect(Collectors.toMap(PlanYears::planId, Function.identity()));
    }

    @Override
    public boolean replace(PlanYears next) {
        if (next.version() == 1) {
            try {
                mongo.insert(PlanYearsDocument.of(next), COLLECTION);
                return true;
            } catch (DuplicateKeyException another) {
                return false;
            }
        }
        Query unchanged = Query.query(where("_id").is(next.planId()).and("version").is(next.version() - 1));
        return mongo.findAndReplace(unchanged, PlanYearsDocument.of(next), COLLECTION) != null;
    }
}
