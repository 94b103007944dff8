package jp.shinchoku.plan.plans;

import java.util.List;
import java.util.Optional;

/** Where plans are kept. Storing a plan and the events it raised is one atomic write. */
public interface PlanRepository {

    void insert(Plan plan, List<PlanEvent> events);

    Optional<Plan> find(String planId);

    List<Plan> findAll();
}
