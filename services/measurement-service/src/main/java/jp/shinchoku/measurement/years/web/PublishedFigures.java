package jp.shinchoku.measurement.years.web;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import jp.shinchoku.measurement.years.PlanPublications;
import jp.shinchoku.measurement.years.PublicationRepository;
import jp.shinchoku.measurement.years.Publishing;
import org.springframework.stereotype.Component;

/**
 * The public figures of each plan's publications, kept briefly: an edition never changes, so its figures are made
 * once; which editions are published is read again after {@link #FRESH} (another instance may have published), and
 * at once on this instance when it publishes ({@link #forget}). At most {@link #PLANS} plans are kept.
 */
@Component
class PublishedFigures {

    static final Duration FRESH = Duration.ofSeconds(2);
    private static final int PLANS = 512;

    /**
     * A plan's publications as the public reads them: the current one, and the latest of each fiscal year.
     *
     * @param readAt when they were read ({@link System#nanoTime()}: freshness, not the calendar)
     */
    private record Kept(PublicFigures.Figures current, List<PublicFigures.Figures> years, long readAt) {
    }

    private final Publishing publishing;
    private final PublicationRepository publications;
    private final Map<String, Kept> byPlan = lru();
    private final Map<String, PublicFigures.Figures> byPublication = lru();

    PublishedFigures(Publishing publishing, PublicationRepository publications) {
        this.publishing = publishing;
        this.publications = publications;
    }

    /** The plan's published figures, if it has published any. */
    Optional<PublicFigures.Figures> of(String planId) {
        return kept(planId).map(Kept::current);
    }

    /** The latest published edition of each fiscal year, oldest first: the series the public's charts draw. */
    List<PublicFigures.Figures> years(String planId) {
        return kept(planId).map(Kept::years).orElse(List.of());
    }

    /** This instance published for the plan: read it again now. */
    void forget(String planId) {
        byPlan.remove(planId);
    }

    private Optional<Kept> kept(String planId) {
        long now = System.nanoTime();
        Kept kept = byPlan.get(planId);
        if (kept != null && now - kept.readAt() < FRESH.toNanos()) {
            return Optional.of(kept);
        }
        PlanPublications plan = publications.find(planId).orElse(PlanPublications.none(planId));
        Map<Integer, PlanPublications.Publication> latestOfYear = new TreeMap<>();
        plan.history().forEach(publication -> latestOfYear.put(publication.fiscalYear(), publication));
        List<PublicFigures.Figures> years = new ArrayList<>();
        for (PlanPublications.Publication publication : latestOfYear.values()) {
            figures(planId, publication).ifPresent(years::add);
        }
        Optional<PublicFigures.Figures> current = plan.current().flatMap(publication -> figures(planId, publication));
        if (current.isEmpty()) {
            byPlan.remove(planId);
            return Optional.empty();
        }
        Kept fresh = new Kept(current.get(), List.copyOf(years), now);
        byPlan.put(planId, fresh);
        return Optional.of(fresh);
    }

    /** A publication's figures, made once (an edition published again later is another publication). */
    private Optional<PublicFigures.Figures> figures(String planId, PlanPublications.Publication publication) {
        String key = publication.editionId() + "@" + publication.at();
        PublicFigures.Figures figures = byPublication.get(key);
        if (figures == null) {
            Optional<PublicFigures.Figures> made = publishing.edition(planId, publication.editionId())
                    .map(edition -> PublicFigures.of(edition, publication.at()));
            made.ifPresent(found -> byPublication.put(key, found));
            return made;
        }
        return Optional.of(figures);
    }

    private static <V> Map<String, V> lru() {
        return Collections.synchronizedMap(new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, V> eldest) {
                return size() > PLANS;
            }
        });
    }
}
