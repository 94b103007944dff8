package jp.shinchoku.notification.alerts.persistence;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.mongodb.ErrorCategory;
import com.mongodb.bulk.BulkWriteError;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jp.shinchoku.notification.alerts.Alert;
import jp.shinchoku.notification.alerts.AlertEvent;
import jp.shinchoku.notification.alerts.AlertRepository;
import jp.shinchoku.platform.outbox.Outbox;
import jp.shinchoku.platform.outbox.OutboxCollection;
import jp.shinchoku.platform.outbox.OutboxEntry;
import jp.shinchoku.platform.store.KeyIndex;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.annotation.Id;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.BulkOperationException;
import org.springframework.data.mongodb.core.BulkOperations;
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
    private static final String RESOLVED = Alert.State.RESOLVED.name();
    /** Documents per batch of a large read (a store's reply has a size limit). */
    private static final int BATCH = 2_000;
    private static final String KPI = "kpi:";
    private static final String PLAN = "plan:";

    record AlertDocument(@Id String id, Alert alert, List<OutboxEntry> outbox) {
    }

    private final MongoTemplate mongo;
    private final Outbox outbox;

    private final KeyIndex byKey;

    private final MeterRegistry meters;

    MongoAlertRepository(MongoTemplate mongo, Outbox outbox, MeterRegistry meters) {
        this.meters = meters;
        this.mongo = mongo;
        this.outbox = outbox;
        this.byKey = new KeyIndex(mongo, "alert_keys");
        if (mongo.getCollection("alert_keys").estimatedDocumentCount() == 0) {
            // alerts kept before the keys were: indexed once
            byKey.addAll(keysOf(firing()));
        }
        mongo.indexOps(COLLECTION).createIndex(new Index().on("_id", Sort.Direction.ASC)
                .on("alert.state", Sort.Direction.ASC).unique().named("id_state"));
        mongo.indexOps(COLLECTION).createIndex(new Index().on("alert.state", Sort.Direction.ASC)
                .on("alert.receivers", Sort.Direction.ASC).named("state_receivers"));
    }

    /**
     * An alert in a state, by equality on both keys: the unique (_id, state) index serves it on every store (one that
     * uses only indexes matching a filter's keys exactly would otherwise read the whole collection per write).
     */
    private static Query inState(String alertId, String state) {
        return Query.query(where("_id").is(alertId).and("alert.state").is(state));
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
     * Fires the alerts unless they already fire: each upsert matches only a resolved alert (or inserts a new one), so of
     * two concurrent raises one writes and the other hits the unique _id and counts as seen again.
     */
    @Override
    public void raiseAll(List<Alert> raised) {
        if (raised.isEmpty()) {
            return;
        }
        byKey.addAll(keysOf(raised));
        BulkOperations bulk = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, COLLECTION);
        raised.forEach(alert -> bulk.upsert(inState(alert.id(), RESOLVED),
                new Update().set("alert", alert).push(OutboxEntry.FIELD, outbox.entryFor(new AlertEvent.Raised(alert)))));
        List<Alert> alreadyFiring = new ArrayList<>();
        try {
            bulk.execute();
        } catch (BulkOperationException partly) {
            for (BulkWriteError error : partly.getErrors()) {
                if (ErrorCategory.fromErrorCode(error.getCode()) != ErrorCategory.DUPLICATE_KEY) {
                    throw partly;
                }
                alreadyFiring.add(raised.get(error.getIndex()));
            }
        }
        outbox.written(COLLECTION, raised.stream().filter(alert -> !alreadyFiring.contains(alert)).map(Alert::id).toList());
        seenAgainAll(alreadyFiring);
    }

    @Override
    public void seenAgainAll(List<Alert> seen) {
        if (seen.isEmpty()) {
            return;
        }
        // the keys first: an alert moved to another department is found there (its old key is read and checked)
        byKey.addAll(keysOf(seen));
        BulkOperations bulk = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, COLLECTION);
        seen.forEach(alert -> bulk.updateOne(Query.query(where("_id").is(alert.id())), new Update()
                .set("alert.labels", alert.labels())
                .set("alert.lastSeenAt", alert.lastSeenAt())
                .set("alert.summaryJa", alert.summaryJa())
                .set("alert.summaryEn", alert.summaryEn())
                .set("alert.link", alert.link())
                .set("alert.receivers", alert.receivers())));
        bulk.execute();
    }

    /**
     * Resolves what still fires, each with its event; the relay is named every alert, and finds nothing to send for
     * one that another instance resolved first.
     */
    @Override
    public void resolveAll(List<Alert> resolved) {
        if (resolved.isEmpty()) {
            return;
        }
        BulkOperations bulk = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, COLLECTION);
        resolved.forEach(alert -> bulk.updateOne(inState(alert.id(), FIRING),
                new Update().set("alert.state", Alert.State.RESOLVED)
                        .set("alert.resolvedAt", alert.resolvedAt())
                        .push(OutboxEntry.FIELD, outbox.entryFor(new AlertEvent.Resolved(alert)))));
        bulk.execute();
        outbox.written(COLLECTION, resolved.stream().map(Alert::id).toList());
        byKey.removeAll(keysOf(resolved));
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
    public void escalateAll(List<Alert> escalated) {
        if (escalated.isEmpty()) {
            return;
        }
        BulkOperations bulk = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, COLLECTION);
        escalated.forEach(alert -> bulk.updateOne(inState(alert.id(), FIRING),
                new Update().set("alert.receivers", alert.receivers()).set("alert.escalatedAt", alert.escalatedAt())));
        bulk.execute();
        escalated.forEach(alert -> Counter.builder("shinchoku.alert.events")
                .description("Alerts raised, resolved, acknowledged and escalated").tag("event", "escalated")
                .tag("rule", alert.rule().name()).tag("severity", alert.severity().name()).register(meters).increment());
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
        return ids.isEmpty() ? List.of() : findAll(ids).stream().filter(alert -> alert.state() == Alert.State.FIRING)
                .filter(alert -> keysOf(List.of(alert)).containsKey(key)).toList();
    }

    /** The keys alerts are found by: each one's KPI, plan and department. */
    private static Map<String, List<String>> keysOf(Collection<Alert> alerts) {
        Map<String, List<String>> keys = new HashMap<>();
        for (Alert alert : alerts) {
            Map<String, String> labels = alert.labels();
            if (labels.get("kpiId") != null) {
                keys.computeIfAbsent(KPI + labels.get("kpiId"), k -> new ArrayList<>()).add(alert.id());
            }
            if (labels.get("planId") != null) {
                keys.computeIfAbsent(PLAN + labels.get("planId"), k -> new ArrayList<>()).add(alert.id());
            }
            if (labels.get("departmentCode") != null) {
                keys.computeIfAbsent(department(labels.get("municipality"), labels.get("departmentCode")),
                        k -> new ArrayList<>()).add(alert.id());
            }
        }
        return keys;
    }

    private static String department(String municipality, String departmentCode) {
        return "dept:" + (municipality == null ? "" : municipality) + "/" + departmentCode;
    }

    @Override
    public List<Alert> firing() {
        return alerts(Query.query(where("alert.state").is(FIRING)).cursorBatchSize(BATCH));
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

    /** Alerts without their pending events (the relay's part), so that a read of many stays small. */
    private List<Alert> alerts(Query query) {
        query.fields().exclude(OutboxEntry.FIELD);
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
