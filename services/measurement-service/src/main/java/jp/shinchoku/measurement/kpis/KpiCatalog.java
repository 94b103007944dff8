package jp.shinchoku.measurement.kpis;

import java.util.List;
import java.util.Optional;

/** The KPIs this service knows. */
public interface KpiCatalog {

    Optional<KpiDefinition> find(String kpiId);

    /** A plan's KPIs, retired ones included, in id order. */
    List<KpiDefinition> findByPlan(String planId);

    /** Keeps the definition unless a newer revision is already kept; returns whether it was kept. */
    boolean save(KpiDefinition definition);
}
