package jp.shinchoku.measurement.kpis;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/** The KPIs this service knows. */
public interface KpiCatalog {

    Optional<KpiDefinition> find(String kpiId);

    /** The KPIs with these ids, in one read by key; unknown ids are left out. */
    List<KpiDefinition> findAll(java.util.Collection<String> kpiIds);

    /** A plan's KPIs, retired ones included, in id order. */
    List<KpiDefinition> findByPlan(String planId);

    /** Every KPI kept, handed over in batches of at most {@code size}, read as one stream (no query per batch). */
    void forEachBatch(int size, Consumer<List<KpiDefinition>> action);

    /** Keeps the definition unless a newer revision is already kept; returns whether it was kept. */
    boolean save(KpiDefinition definition);

    /** Keeps each definition unless a newer revision of it is already kept (one read, one bulk write). */
    void saveAll(List<KpiDefinition> definitions);
}
