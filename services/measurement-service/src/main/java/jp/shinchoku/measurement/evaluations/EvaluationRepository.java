package jp.shinchoku.measurement.evaluations;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** The evaluations of measures, by id. */
public interface EvaluationRepository {

    Optional<Evaluation> find(String id);

    /** The evaluations with these ids, in one read by key; those never written are left out. */
    List<Evaluation> findAll(Collection<String> ids);

    /**
     * Keeps the evaluation with the events its change raised, in one write, only over the version it was made from.
     *
     * @return false when another change was kept in between
     */
    boolean save(Evaluation evaluation, List<Object> events);
}
