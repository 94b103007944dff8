package jp.shinchoku.measurement.years.persistence;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.util.List;
import java.util.Optional;

import jp.shinchoku.measurement.years.PlanPublications;
import jp.shinchoku.measurement.years.PublicationRepository;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.annotation.Id;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Repository;

/** One document per plan ({@code _id} the plan id); every write is conditional on the version read. */
@Repository
class MongoPublicationRepository implements PublicationRepository {

    static final String COLLECTION = "publications";

    record PublicationsDocument(@Id String id, long version, List<PlanPublications.Publication> history) {
    }

    private final MongoTemplate mongo;

    MongoPublicationRepository(MongoTemplate mongo) {
        this.mongo = mongo;
        mongo.indexOps(COLLECTION).createIndex(new Index().on("_id", Sort.Direction.ASC).on("version", Sort.Direction.ASC)
                .unique().named("publications_version"));
    }

    @Override
    public Optional<PlanPublications> find(String planId) {
        return Optional.ofNullable(mongo.findById(planId, PublicationsDocument.class, COLLECTION)).map(this::of);
    }

    @Override
    public List<PlanPublications> findPublished() {
        return mongo.find(new Query().cursorBatchSize(500), PublicationsDocument.class, COLLECTION).stream()
                .map(this::of).toList();
    }

    @Override
    public boolean replace(PlanPublications next) {
        PublicationsDocument document = new PublicationsDocument(next.planId(), next.version(), next.history());
        if (next.version() == 1) {
            try {
                mongo.insert(document, COLLECTION);
                return true;
            } catch (DuplicateKeyException another) {
                return false;
            }
        }
        Query unchanged = Query.query(where("_id").is(next.planId()).and("version").is(next.version() - 1));
        return mongo.findAndReplace(unchanged, document, COLLECTION) != null;
    }

    private PlanPublications of(PublicationsDocument document) {
        return new PlanPublications(document.id(), document.version(), document.history());
    }
}
