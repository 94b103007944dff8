package jp.shinchoku.notification.alerts.persistence;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.Optional;

import jp.shinchoku.notification.alerts.Alert;
import jp.shinchoku.notification.alerts.AlertRepository;
import jp.shinchoku.notification.alerts.AlertEvent;
import jp.shinchoku.platform.outbox.Outbox;
import jp.shinchoku.platform.store.KeyIndex;
import jp.shinchoku.platform.outbox.OutboxCollection;
import jp.shinchoku.platform.outbox.OutboxEntry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.annotation.Id;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

/**
 * One document per alert (its id is the fingerprint of its labels), with its events until published: raising,
 * resolving and acknowledging write the change and its event in one update.
 */
@Repository
class MongoAlertRepository implements AlertRepository {

    static final String COLLECTION = "alerts";
    private static final String FIRING = Alert.State.FIRING.name();
    private static final String KPI = "kpi:";
    private static final String PLAN = "plan:";

    record AlertDocument(@Id String id, Alert alert, List<OutboxEntry> outbox) {
    }

    private final MongoTemplate mongo;
    private final Outbox outbox;

    private final KeyIndex byKey;

    MongoAlertRepository(MongoTemplate mongo, Outbox outbox) {
        this.mongo = mongo;
        this.outbox = outbox;
        this.byKey = new KeyIndex(mongo, "alert_keys");
        if (mongo.getCollection("alert_keys").estimatedDocumentCount() == 0) {
            // alerts kept before the keys were: indexed once
            firing().forEach(alert -> byKey.addAll(keysOf(alert)));
        }
        mongo.indexOps(COLLECTION).createIndex(new Index().on("alert.state", Sort.Direction.ASC)
                .on("alert.receivers", Sort.Direction.ASC).named("state_receivers"));
    }

    @Override
    public Optional<Alert> find(String alertId) {
        return Optional.ofNullable(mongo.findById(alertId, AlertDocument.class, COLLECTION)).map(AlertDocument::alert);
    }

    @Override
    public List<Alert> findAll(Collection<String> alertIds) {
        return alerts(Query.query(where("_id").in(alertIds)));
    }

    /**
     * Fires the alert unless it already fires: the upsert only matches an alert that is not firing, so of two
     * concurrent raises one inserts and the other hits the unique _id and counts as seen again.
     */
    @Override
    public void raise(Alert alert) {
        byKey.addAll(keysOf(alert));
        Query notFiring = Query.query(where("_id").is(alert.id()).and("alert.state").ne(FIRING));
        Update fire = new Update().set("alert", alert)
                .push(OutboxEntry.FIELD, outbox.entryFor(new AlertEvent.Raised(alert)));
        try {
            mongo.upsert(notFiring, fire, COLLECTION);
            outbox.written(COLLECTION, alert.id());
        } catch (DuplicateKeyException alreadyFiring) {
            seenAgain(alert);
        }
    }

    @Override
    public void seenAgain(Alert alert) {
        mongo.updateFirst(Query.query(where("_id").is(alert.id())), new Update()
                .set("alert.lastSeenAt", alert.lastSeenAt())
                .set("alert.summaryJa", alert.summaryJa())
                .set("alert.summaryEn", alert.summaryEn())
                .set("alert.link", alert.link())
                .set("alert.receivers", alert.receivers()), COLLECTION);
    }

    @Override
    public void resolve(Alert alert) {
        var result = mongo.updateFirst(Query.query(where("_id").is(alert.id()).and("alert.state").is(FIRING)), new Update()
                .set("alert.state", Alert.State.RESOLVED)
                .set("alert.resolvedAt", alert.resolvedAt())
                .push(OutboxEntry.FIELD, outbox.entryFor(new AlertEvent.Resolved(alert))), COLLECTION);
        if (result.getModifiedCount() > 0) {
            outbox.written(COLLECTION, alert.id());
        }
        keysOf(alert).keySet().forEach(key -> byKey.remove(key, alert.id()));
    }

    @Override
    public boolean acknowledge(Alert alert) {
        var result = mongo.updateFirst(Query.query(where("_id").is(alert.id()).and("alert.state").is(FIRING)
                .and("alert.acknowledgement").isNull()), new Update()
                .set("alert.acknowledgement", alert.acknowledgement())
                .push(OutboxEntry.FIELD, outbox.entryFor(new AlertEvent.Acknowledged(alert))),
                COLLECTION);
        if (result.getModifiedCount() == 0) {
            return false;
        }
        outbox.written(COLLECTION, alert.id());
        return true;
    }

    @Override
    public void escalate(Alert alert) {
        mongo.updateFirst(Query.query(where("_id").is(alert.id()).and("alert.state").is(FIRING)), new Update()
                .set("alert.receivers", alert.receivers())
                .set("alert.escalatedAt", alert.escalatedAt()), COLLECTION);
    }

    @Override
    public List<Alert> firingForKpi(String kpiId) {
        return firingUnder(KPI + kpiId);
    }

    @Override
    public Map<String, List<Alert>> firingForKpis(Collection<String> kpiIds) {
        Set<String> ids = byKey.ids(kpiIds.stream().map(kpiId -> KPI + kpiId).toList());
        Map<String, List<Alert>> firing = new HashMap<>();
        if (!ids.isEmpty()) {
            findAll(ids).stream().filter(alert -> alert.state() == Alert.State.FIRING)
                    .filter(alert -> kpiIds.contains(alert.labels().get("kpiId")))
                    .forEach(alert -> firing.computeIfAbsent(alert.labels().get("kpiId"), k -> new ArrayList<>()).add(alert));
        }
        return firing;
    }

    @Override
    public List<Alert> firingForPlan(String planId) {
        return firingUnder(PLAN + planId);
    }

    @Override
    public List<Alert> firingForDepartment(String municipality, String departmentCode) {
        return firingUnder(department(municipality, departmentCode));
    }

    /** The firing alerts a key names: two reads by _id, whatever else is kept. */
    private List<Alert> firingUnder(String key) {
        Set<String> ids = byKey.ids(key);
        return ids.isEmpty() ? List.of()
                : findAll(ids).stream().filter(alert -> alert.state() == Alert.State.FIRING).toList();
    }

    /** The keys an alert is found by: its KPI, its plan, its department. */
    private static Map<String, List<String>> keysOf(Alert alert) {
        Map<String, List<String>> keys = new HashMap<>();
        Map<String, String> labels = alert.labels();
        if (labels.get("kpiId") != null) {
            keys.put(KPI + labels.get("kpiId"), List.of(alert.id()));
        }
        if (labels.get("planId") != null) {
            keys.put(PLAN + labels.get("planId"), List.of(alert.id()));
        }
        if (labels.get("departmentCode") != null) {
            keys.put(department(labels.get("municipality"), labels.get("departmentCode")), List.of(alert.id()));
        }
        return keys;
    }

    private static String department(String municipality, String departmentCode) {
        return "dept:" + (municipality == null ? "" : municipality) + "/" + departmentCode;
    }

    @Override
    public List<Alert> firing() {
        return alerts(Query.query(where("alert.state").is(FIRING)));
    }

    @Override
    public List<Alert> inbox(InboxQuery filter) {
        Query query = new Query();
        if (filter.receiver() != null) {
            query.addCriteria(where("alert.receivers").is(filter.receiver()));
        }
        if (filter.state() != null) {
            query.addCriteria(where("alert.state").is(filter.state()));
        }
        if (filter.rule() != null) {
            query.addCriteria(where("alert.rule").is(filter.rule()));
        }
        if (filter.municipality() != null) {
            query.addCriteria(where("alert.labels.municipality").is(filter.municipality()));
        }
        if (filter.planId() != null) {
            query.addCriteria(where("alert.labels.planId").is(filter.planId()));
        }
        if (filter.departmentCode() != null) {
            query.addCriteria(where("alert.labels.departmentCode").is(filter.departmentCode()));
        }
        if (filter.acknowledged() != null) {
            query.addCriteria(filter.acknowledged() ? where("alert.acknowledgement").ne(null)
                    : where("alert.acknowledgement").isNull());
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
