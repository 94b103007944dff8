package jp.shinchoku.notification.alerts.persistence;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.util.List;
import java.util.Optional;

import jp.shinchoku.contracts.Events;
import jp.shinchoku.notification.alerts.Alert;
import jp.shinchoku.notification.alerts.AlertRepository;
import jp.shinchoku.notification.alerts.messaging.AlertContracts;
import jp.shinchoku.platform.outbox.Outbox;
import jp.shinchoku.platform.outbox.OutboxCollection;
import jp.shinchoku.platform.outbox.OutboxEntry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.annotation.Id;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

/** One document per alert (its id is the fingerprint of its labels), with its events until published. */
@Repository
class MongoAlertRepository implements AlertRepository {

    static final String COLLECTION = "alerts";
    private static final String FIRING = Alert.State.FIRING.name();

    record AlertDocument(@Id String id, Alert alert, List<OutboxEntry> outbox) {
    }

    private final MongoTemplate mongo;
    private final Outbox outbox;

    MongoAlertRepository(MongoTemplate mongo, Outbox outbox) {
        this.mongo = mongo;
        this.outbox = outbox;
    }

    @Override
    public Optional<Alert> find(String alertId) {
        return Optional.ofNullable(mongo.findById(alertId, AlertDocument.class, COLLECTION)).map(AlertDocument::alert);
    }

    /**
     * Fires the alert unless it already fires: the upsert only matches an alert that is not firing, so of two
     * concurrent raises one inserts and the other hits the unique _id and counts as seen again.
     */
    @Override
    public void raise(Alert alert) {
        Query notFiring = Query.query(where("_id").is(alert.id()).and("alert.state").ne(FIRING));
        Update fire = new Update().set("alert", alert)
                .push(OutboxEntry.FIELD, outbox.entry(Events.ALERT_RAISED, AlertContracts.raised(alert)));
        try {
            mongo.upsert(notFiring, fire, COLLECTION);
            outbox.written();
        } catch (DuplicateKeyException alreadyFiring) {
            seenAgain(alert);
        }
    }

    @Override
    public void seenAgain(Alert alert) {
        mongo.updateFirst(Query.query(where("_id").is(alert.id())), new Update()
                .set("alert.lastSeenAt", alert.lastSeenAt())
                .set("alert.summaryJa", alert.summaryJa())
                .set("alert.summaryEn", alert.summaryEn()), COLLECTION);
    }

    @Override
    public void resolve(Alert alert) {
        mongo.updateFirst(Query.query(where("_id").is(alert.id()).and("alert.state").is(FIRING)), new Update()
                .set("alert.state", Alert.State.RESOLVED)
                .set("alert.resolvedAt", alert.resolvedAt()), COLLECTION);
    }

    @Override
    public List<Alert> firingForKpi(String kpiId) {
        return alerts(Query.query(where("alert.labels.kpiId").is(kpiId).and("alert.state").is(FIRING)));
    }

    @Override
    public List<Alert> firing() {
        return alerts(Query.query(where("alert.state").is(FIRING)));
    }

    @Override
    public List<Alert> inbox(String receiver, Alert.State state) {
        Query query = Query.query(where("alert.receiver").is(receiver));
        if (state != null) {
            query.addCriteria(where("alert.state").is(state));
        }
        return alerts(query.with(Sort.by(Sort.Direction.DESC, "alert.lastSeenAt")));
    }

    private List<Alert> alerts(Query query) {
        return mongo.find(query, AlertDocument.class, COLLECTION).stream().map(AlertDocument::alert).toList();
    }

    @Configuration(proxyBeanMethods = false)
    static class AlertPersistenceConfiguration {

        @Bean
        OutboxCollection alertOutbox() {
            return new OutboxCollection(COLLECTION);
        }
    }
}
