package jp.shinchoku.measurement.years;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;

/** Where each plan's closed fiscal years are kept: one record per plan, read by key. */
public interface PlanYearsRepository {

    Optional<PlanYears> find(String planId);

    /** The records of several plans in one read; plans none has closed are absent. */
    Map<String, PlanYears> findAll(Collection<String> planIds);

    /**
     * Stores {@code next} in place of the record of version {@code next.version() - 1}.
     *
     * @return false when another close or reopening came in between (read again)
     */
    boolean replace(PlanYears next);
}
