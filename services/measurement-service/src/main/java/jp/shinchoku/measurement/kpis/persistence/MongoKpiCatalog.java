package jp.shinchoku.measurement.kpis.persistence;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;

import jp.shinchoku.measurement.kpis.KpiCatalog;
import jp.shinchoku.measurement.kpis.KpiDefinition;
import jp.shinchoku.platform.store.KeyIndex;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.BulkOperationException;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.FindAndReplaceOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Repository;

/**
 * One document per KPI, by id. A plan's KPIs are found through {@link KeyIndex} ({@code kpis_by_plan}, written before
 * the definitions), so closing a year or reading a plan's progress reads by {@code _id} on any store, never a query
 * on {@code planId} (which a store that ignores secondary indexes answers by reading every KPI kept).
 */
@Repository
class MongoKpiCatalog implements KpiCatalog {

    static final String COLLECTION = "kpis";
    static final String BY_PLAN = "kpis_by_plan";

    private final MongoTemplate mongo;
    private final KeyIndex byPlan;

    MongoKpiCatalog(MongoTemplate mongo) {
        this.mongo = mongo;
        this.byPlan = new KeyIndex(mongo, BY_PLAN);
        mongo.indexOps(COLLECTION).createIndex(new Index("planId", Sort.Direction.ASC).named("plan"));
        mongo.indexOps(COLLECTION).createIndex(new Index().on("_id", Sort.Direction.ASC).on("revision", Sort.Direction.ASC)
                .unique().named("revision"));
        if (mongo.getCollection(BY_PLAN).estimatedDocumentCount() == 0
                && mongo.getCollection(COLLECTION).estimatedDocumentCount() > 0) {
            // KPIs kept before the index existed: indexed once, in batches
            forEachBatch(1_000, this::index);
        }
    }

    @Override
    public List<KpiDefinition> findByPlan(String planId) {
        List<String> ids = List.copyOf(byPlan.ids(planId));
        return findAll(ids).stream().filter(kpi -> planId.equals(kpi.planId()))
                .sorted(Comparator.comparing(KpiDefinition::id)).toList();
    }

    private void index(List<KpiDefinition> definitions) {
        Map<String, List<String>> ids = new HashMap<>();
        definitions.stream().filter(kpi -> kpi.planId() != null)
                .forEach(kpi -> ids.computeIfAbsent(kpi.planId(), plan -> new ArrayList<>()).add(kpi.id()));
        byPlan.addAll(ids);
    }

    @Override
    public List<KpiDefinition> findAll(java.util.Collection<String> kpiIds) {
        return kpiIds.isEmpty() ? List.of()
                : mongo.find(Query.query(where("_id").in(kpiIds)), KpiDefinition.class, COLLECTION);
    }

    @Override
    public Optional<KpiDefinition> find(String kpiId) {
        return Optional.ofNullable(mongo.findById(kpiId, KpiDefinition.class, COLLECTION));
    }

    @Override
    public void forEachBatch(int size, Consumer<List<KpiDefinition>> action) {
        List<KpiDefinition> batch = new ArrayList<>(size);
        try (Stream<KpiDefinition> all = mongo.stream(new Query(), KpiDefinition.class, COLLECTION)) {
            all.forEach(kpi -> {
                batch.add(kpi);
                if (batch.size() == size) {
                    action.accept(List.copyOf(batch));
                    batch.clear();
                }
            });
        }
        if (!batch.isEmpty()) {
            action.accept(List.copyOf(batch));
        }
    }

    /**
     * One read of the kept definitions by key and one bulk write: a new KPI inserted, a newer revision in place of the
     * one read (conditional on exactly the {@code _id} and revision read); what another write raced is saved one by one.
     */
    @Override
    public void saveAll(List<KpiDefinition> definitions) {
        Map<String, KpiDefinition> latest = new LinkedHashMap<>();
        definitions.forEach(definition -> latest.merge(definition.id(), definition,
                (a, b) -> b.revision() >= a.revision() ? b : a));
        if (latest.isEmpty()) {
            return;
        }
        index(List.copyOf(latest.values()));
        Map<String, KpiDefinition> stored = new HashMap<>();
        findAll(latest.keySet()).forEach(kpi -> stored.put(kpi.id(), kpi));
        BulkOperations bulk = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, COLLECTION);
        int replacements = 0;
        int writes = 0;
        for (KpiDefinition definition : latest.values()) {
            KpiDefinition kept = stored.get(definition.id());
            if (kept == null) {
                bulk.insert(definition);
                writes++;
            } else if (kept.revision() <= definition.revision()) {
                bulk.replaceOne(Query.query(where("_id").is(definition.id()).and("revision").is(kept.revision())),
                        definition);
                replacements++;
                writes++;
            }
        }
        if (writes == 0) {
            return;
        }
        try {
            if (bulk.execute().getMatchedCount() == replacements) {
                return;
            }
        } catch (BulkOperationException raced) {
            // another instance inserted some KPI in between: below
        }
        latest.values().forEach(this::save);
    }

    /**
     * Keeps the definition unless a newer revision is kept: a read by key, then a write conditional on exactly the
     * {@code _id} and revision read (an index names both), retried if another write came in between.
     */
    @Override
    public boolean save(KpiDefinition definition) {
        index(List.of(definition));
        for (int attempt = 0; attempt < 5; attempt++) {
            KpiDefinition stored = mongo.findById(definition.id(), KpiDefinition.class, COLLECTION);
            if (stored == null) {
                try {
                    mongo.insert(definition, COLLECTION);
                    return true;
                } catch (DuplicateKeyException another) {
                    continue;
                }
            }
            if (stored.revision() > definition.revision()) {
                return false;
            }
            Query unchanged = Query.query(where("_id").is(definition.id()).and("revision").is(stored.revision()));
            if (mongo.findAndReplace(unchanged, definition, FindAndReplaceOptions.options().returnNew(),
                    KpiDefinition.class, COLLECTION) != null) {
                return true;
            }
        }
        throw new IllegalStateException("KPI " + definition.id() + " kept changing while it was saved");
    }
}
