package jp.shinchoku.plan.plans.persistence;

import java.time.Instant;

import jp.shinchoku.plan.plans.Plan;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A state of a plan that a later change replaced, as it was stored at {@code version} ({@code _id} is
 * {@code planId@version}). Written before the change that replaces it, so every replaced state is kept even when a
 * writer stops half way.
 */
@Document(PlanSnapshot.COLLECTION)
record PlanSnapshot(@Id String id, String planId, long version, int revision, Instant at, Plan plan) {

    static final String COLLECTION = "plan_snapshots";

    static PlanSnapshot of(Plan plan, long version) {
        return new PlanSnapshot(plan.id() + "@" + version, plan.id(), version, plan.revision(), plan.updatedAt(), plan);
    }
}
