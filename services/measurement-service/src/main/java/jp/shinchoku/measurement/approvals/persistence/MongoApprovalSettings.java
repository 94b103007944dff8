package jp.shinchoku.measurement.approvals.persistence;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Instant;
import java.util.Collection;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import jp.shinchoku.measurement.approvals.ApprovalSettings;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Repository;

/** One document per municipality that chose ({@code _id} its code); read by key. */
@Repository
class MongoApprovalSettings implements ApprovalSettings {

    static final String COLLECTION = "approval_settings";

    record SettingDocument(@Id String id, boolean required, String by, Instant at) {
    }

    private final MongoTemplate mongo;

    MongoApprovalSettings(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public Optional<Setting> find(String municipality) {
        return Optional.ofNullable(mongo.findById(municipality, SettingDocument.class, COLLECTION))
                .map(d -> new Setting(d.id(), d.required(), d.by(), d.at()));
    }

    @Override
    public Set<String> chosen(Collection<String> municipalities, boolean required) {
        if (municipalities.isEmpty()) {
            return Set.of();
        }
        return mongo.find(Query.query(where("_id").in(municipalities)), SettingDocument.class, COLLECTION).stream()
                .filter(d -> d.required() == required).map(SettingDocument::id).collect(Collectors.toSet());
    }

    @Override
    public void save(Setting setting) {
        mongo.save(new SettingDocument(setting.municipality(), setting.required(), setting.by(), setting.at()), COLLECTION);
    }
}
