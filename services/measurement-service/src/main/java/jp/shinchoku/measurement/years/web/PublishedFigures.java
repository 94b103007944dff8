package jp.shinchoku.measurement.years.web;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import jp.shinchoku.measurement.years.PlanPublications;
import jp.shinchoku.measurement.years.PublicationRepository;
import jp.shinchoku.measurement.years.Publishing;
import org.springframework.stereotype.Component;

/**
 * The public figures of each plan's current publication, kept briefly: an edition never changes, so its figures are
 * made once; which edition is current is read again after {@link #FRESH} (another instance may have published), and at
 * once on this instance when it publishes ({@link #forget}). At most {@link #PLANS} plans are kept.
 */
@Component
class PublishedFigures {

    static final Duration FRESH = Duration.ofSeconds(2);
    private static final int PLANS = 512;

    /** @param readAt when the current edition was read ({@link System#nanoTime()}: freshness, not the calendar) */
    private record Kept(PublicFigures.Figures figures, long readAt) {
    }

    private final Publishing publishing;
    private final PublicationRepository publications;
    private final Map<String, Kept> byPlan = Collections.synchronizedMap(new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Kept> eldest) {
            return size() > PLANS;
        }
    });
    private final Map<String, PublicFigures.Figures> byEdition = Collections.synchronizedMap(
            new LinkedHashMap<>(16, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, PublicFigures.Figures> eldest) {
                    return size() > PLANS;
                }
            });

    PublishedFigures(Publishing publishing, PublicationRepository publications) {
        this.publishing = publishing;
        this.publications = publications;
    }

    /** The plan's published figures, if it has published any. */
    Optional<PublicFigures.Figures> of(String planId) {
        long now = System.nanoTime();
        Kept kept = byPlan.get(planId);
        if (kept != null && now - kept.readAt() < FRESH.toNanos()) {
            return Optional.of(kept.figures());
        }
        Optional<PlanPublications.Publication> current = publications.find(planId).flatMap(PlanPublications::current);
        if (current.isEmpty()) {
            byPlan.remove(planId);
            return Optional.empty();
        }
        PublicFigures.Figures figures = byEdition.get(current.get().editionId());
        if (figures == null || !figures.publishedAt().equals(current.get().at())) {
            Optional<Publishing.Published> published = publishing.current(planId);
            if (published.isEmpty()) {
                return Optional.empty();
            }
            figures = PublicFigures.of(published.get().edition(), published.get().publication().at());
            byEdition.put(figures.editionId(), figures);
        }
        byPlan.put(planId, new Kept(figures, now));
        return Optional.of(figures);
    }

    /** This instance published for the plan: read it again now. */
    void forget(String planId) {
        byPlan.remove(planId);
    }
}
