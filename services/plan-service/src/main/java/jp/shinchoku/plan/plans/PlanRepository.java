package jp.shinchoku.plan.plans;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Where plans are kept, with every earlier state. Storing a plan and the events it raised is one atomic write.
 */
public interface PlanRepository {

    void insert(Plan plan, List<PlanEvent> events);

    Optional<Plan> find(String planId);

    /**
     * Applies a change to the stored plan and stores the result with the change's events in one atomic write,
     * retrying from a fresh read when another change came in between. The state it replaces is kept.
     *
     * @return the change, or empty when there is no such plan
     */
    Optional<Plan.Changed> update(String planId, Function<Plan, Plan.Changed> change);

    /** The plans of a municipality (by its 地方公共団体コード or name), or all plans when it is null, oldest first. */
    List<Plan> findAll(String municipality);

    /** The plan as it stood at {@code instant}: its last state changed at or before then; empty before it existed. */
    Optional<Plan> findAsOf(String planId, Instant instant);

    /** The plan as revision {@code revision} made it (before any later milestone report); empty when there is none. */
    Optional<Plan> findAtRevision(String planId, int revision);
}
