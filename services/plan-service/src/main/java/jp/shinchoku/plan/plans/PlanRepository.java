package jp.shinchoku.plan.plans;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/** Where plans are kept. Storing a plan and the events it raised is one atomic write. */
public interface PlanRepository {

    void insert(Plan plan, List<PlanEvent> events);

    Optional<Plan> find(String planId);

    /**
     * Applies a change to the stored plan and stores the result with the change's events in one atomic write,
     * retrying from a fresh read when another change came in between.
     *
     * @return the change, or empty when there is no such plan
     */
    Optional<Plan.Changed> update(String planId, Function<Plan, Plan.Changed> change);

    List<Plan> findAll();
}
