package jp.shinchoku.measurement.years.persistence;

import java.util.Optional;

import jp.shinchoku.measurement.years.Edition;
import jp.shinchoku.measurement.years.EditionRepository;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Repository;

/** One document per edition ({@code _id} its id), read by key. */
@Repository
class MongoEditionRepository implements EditionRepository {

    static final String COLLECTION = "editions";

    record EditionDocument(@Id String id, Edition edition) {
    }

    private final MongoTemplate mongo;

    MongoEditionRepository(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public Optional<Edition> find(String editionId) {
        return Optional.ofNullable(mongo.findById(editionId, EditionDocument.class, COLLECTION))
                .map(EditionDocument::edition);
    }

    @Override
    public void save(Edition edition) {
        mongo.save(new EditionDocument(edition.id(), edition), COLLECTION);
    }
}
