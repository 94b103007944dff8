package jp.shinchoku.measurement.years;

import java.util.Optional;

/** Where frozen editions are kept, one record each, read by key. */
public interface EditionRepository {

    Optional<Edition> find(String editionId);

    /** Keeps an edition under its id (an edition frozen again under the same id, before its step was kept, replaces it). */
    void save(Edition edition);
}
