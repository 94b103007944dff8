package jp.shinchoku.plan.messaging;

import jp.shinchoku.contracts.Events;
import jp.shinchoku.plan.departments.RegisteredDepartment;
import jp.shinchoku.plan.departments.messaging.DepartmentContracts;
import jp.shinchoku.plan.plans.PlanEvent;
import jp.shinchoku.plan.plans.messaging.PlanContracts;
import jp.shinchoku.platform.outbox.EventContracts;
import jp.shinchoku.platform.outbox.Outbox.OutboxEvent;
import org.springframework.stereotype.Component;

/** The events this service publishes, from what its domain raises. */
@Component
class PlanEventContracts implements EventContracts {

    @Override
    public OutboxEvent<?> contractOf(Object event) {
        return switch (event) {
            case PlanEvent planEvent -> PlanContracts.toContract(planEvent);
            case RegisteredDepartment department -> new OutboxEvent<>(Events.DEPARTMENT_CHANGED,
                    DepartmentContracts.departmentChanged(department));
            default -> throw new IllegalArgumentException("the plan service publishes no " + event.getClass());
        };
    }
}
