package jp.shinchoku.measurement.progress;

import java.util.Optional;

/** Where each KPI's current progress is kept; a change is stored with its event in one atomic write. */
public interface ProgressRepository {

    Optional<Progress> find(String kpiId);

    /**
     * Stores {@code next} in place of {@code previous} (null when there was none) with the change event.
     *
     * @throws ConcurrentProgressUpdateException when another update came in between; retry
     */
    void replace(Progress previous, Progress next, ProgressChange change);
}
