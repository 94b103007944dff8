package jp.shinchoku.measurement.years;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * 公表 of one plan: the editions its 推進本部 published, oldest first. The public reads the latest one only; an
 * edition is published once.
 *
 * @param version how many publications came before; writes are conditional on it
 */
public record PlanPublications(String planId, long version, List<Publication> history) {

    public PlanPublications {
        Objects.requireNonNull(planId, "planId");
        history = history == null ? List.of() : List.copyOf(history);
    }

    /** An edition made public: which, of which year, by whom and when. */
    public record Publication(String editionId, int fiscalYear, String by, Instant at) {
    }

    public static PlanPublications none(String planId) {
        return new PlanPublications(planId, 0, List.of());
    }

    /** What the public reads now. */
    public Optional<Publication> current() {
        return history.isEmpty() ? Optional.empty() : Optional.of(history.getLast());
    }

    public Optional<Publication> of(String editionId) {
        return history.stream().filter(publication -> publication.editionId().equals(editionId)).findFirst();
    }

    PlanPublications with(Publication publication) {
        List<Publication> all = new ArrayList<>(history);
        all.add(publication);
        return new PlanPublications(planId, version + 1, all);
    }
}
