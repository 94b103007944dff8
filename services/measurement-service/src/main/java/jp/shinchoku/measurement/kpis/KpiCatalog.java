package jp.shinchoku.measurement.kpis;

import java.util.Optional;

/** The KPIs this service knows. */
public interface KpiCatalog {

    Optional<KpiDefinition> find(String kpiId);

    /** Keeps the definition unless a newer revision is already kept; returns whether it was kept. */
    boolean save(KpiDefinition definition);
}
