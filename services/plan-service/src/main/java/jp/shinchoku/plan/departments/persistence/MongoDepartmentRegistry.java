package jp.shinchoku.plan.departments.persistence;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.util.List;
import java.util.Optional;

import jp.shinchoku.plan.departments.DepartmentRegistry;
import jp.shinchoku.plan.departments.RegisteredDepartment;
import jp.shinchoku.platform.outbox.Outbox;
import jp.shinchoku.platform.outbox.OutboxEntry;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

@Repository
class MongoDepartmentRegistry implements DepartmentRegistry {

    private final MongoTemplate mongo;
    private final Outbox outbox;

    MongoDepartmentRegistry(MongoTemplate mongo, Outbox outbox) {
        this.mongo = mongo;
        this.outbox = outbox;
        mongo.indexOps(DepartmentDocument.COLLECTION)
                .createIndex(new Index("municipality", Sort.Direction.ASC).named("municipality"));
    }

    @Override
    public Optional<RegisteredDepartment> find(String municipality, String code) {
        return Optional.ofNullable(mongo.findById(DepartmentDocument.idOf(municipality, code), DepartmentDocument.class))
                .map(DepartmentDocument::department);
    }

    @Override
    public List<RegisteredDepartment> list(String municipality) {
        return mongo.find(Query.query(where("municipality").is(municipality)).with(Sort.by("department.code")),
                DepartmentDocument.class).stream().map(DepartmentDocument::department).toList();
    }

    /** A new department is inserted (a duplicate key means another registration won); a change is conditional. */
    @Override
    public boolean save(RegisteredDepartment department, int expectedVersion) {
        String id = DepartmentDocument.idOf(department.municipality(), department.code());
        OutboxEntry event = outbox.entryFor(department);
        boolean saved;
        if (expectedVersion == 0) {
            try {
                mongo.insert(new DepartmentDocument(id, department.municipality(), department, List.of(event)));
                saved = true;
            } catch (DuplicateKeyException e) {
                saved = false;
            }
        } else {
            Query unchanged = Query.query(where("_id").is(id).and("department.version").is(expectedVersion));
            Update update = new Update().set("department", department).push(OutboxEntry.FIELD, event);
            saved = mongo.updateFirst(unchanged, update, DepartmentDocument.class).getMatchedCount() == 1;
        }
        if (saved) {
            outbox.written(DepartmentDocument.COLLECTION, id);
        }
        return saved;
    }
}
