package jp.shinchoku.measurement.years;

import java.util.List;
import java.util.Optional;

/** Where each plan's publications are kept, one record per plan, read by key. */
public interface PublicationRepository {

    Optional<PlanPublications> find(String planId);

    /** Every plan with an edition published (the public list of plans: one record per plan). */
    List<PlanPublications> findPublished();

    /** Keeps the next state over the version it was made from; false when another write came in between. */
    boolean replace(PlanPublications next);
}
