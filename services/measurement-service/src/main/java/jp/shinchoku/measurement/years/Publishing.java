package jp.shinchoku.measurement.years;

import java.time.Clock;
import java.util.Optional;

/**
 * 公表: the 推進本部 publishes a frozen edition of a plan's year (after previewing it); from then on the public reads
 * that edition's 公開 KPIs, never live values, until another edition is published. An edition is published once.
 */
public final class Publishing {

    private static final int ATTEMPTS = 3;

    private final PublicationRepository publications;
    private final EditionRepository editions;
    private final Clock clock;

    public Publishing(PublicationRepository publications, EditionRepository editions, Clock clock) {
        this.publications = publications;
        this.editions = editions;
        this.clock = clock;
    }

    /** What publishing did. */
    public sealed interface Outcome {
        record Done(PlanPublications publications, PlanPublications.Publication published) implements Outcome {
        }

        record NoEdition() implements Outcome {
        }

        record AlreadyPublished(PlanPublications.Publication earlier) implements Outcome {
        }
    }

    /** The plan's edition, if it is one of its own. */
    public Optional<Edition> edition(String planId, String editionId) {
        return editions.find(editionId).filter(edition -> edition.planId().equals(planId));
    }

    public Outcome publish(String planId, String editionId, String by) {
        Optional<Edition> edition = edition(planId, editionId);
        if (edition.isEmpty()) {
            return new Outcome.NoEdition();
        }
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            PlanPublications current = publications.find(planId).orElse(PlanPublications.none(planId));
            Optional<PlanPublications.Publication> earlier = current.of(editionId);
            if (earlier.isPresent()) {
                return new Outcome.AlreadyPublished(earlier.get());
            }
            PlanPublications.Publication published = new PlanPublications.Publication(editionId,
                    edition.get().fiscalYear(), by, clock.instant());
            PlanPublications next = current.with(published);
            if (publications.replace(next)) {
                return new Outcome.Done(next, published);
            }
        }
        throw new java.util.ConcurrentModificationException("the publications of plan " + planId
                + " kept changing while an edition was published");
    }

    /** The edition the public reads now, if the plan has published one. */
    public Optional<Published> current(String planId) {
        return publications.find(planId).flatMap(PlanPublications::current)
                .flatMap(publication -> editions.find(publication.editionId())
                        .map(edition -> new Published(edition, publication)));
    }

    /** A published edition with its publication. */
    public record Published(Edition edition, PlanPublications.Publication publication) {
    }
}
