package jp.shinchoku.plan.plans.persistence;

import java.util.List;

import jp.shinchoku.plan.plans.Plan;
import jp.shinchoku.platform.outbox.OutboxEntry;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;

/** A plan as stored: the plan, and the events it raised that are not yet published. */
@Document(PlanDocument.COLLECTION)
public record PlanDocument(@Id String id, Plan plan, List<OutboxEntry> outbox, @Version Long version) {

    public static final String COLLECTION = "plans";
}
