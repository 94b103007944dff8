package jp.shinchoku.plan.plans.config;

import java.time.Clock;

import jp.shinchoku.plan.departments.DepartmentService;
import jp.shinchoku.plan.plans.PlanRepository;
import jp.shinchoku.plan.plans.PlanService;

import jp.shinchoku.plan.plans.persistence.PlanDocument;
import jp.shinchoku.platform.outbox.OutboxCollection;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class PlanConfiguration {

    @Bean
    PlanService planService(PlanRepository plans, DepartmentService departments, Clock clock) {
        return new PlanService(plans, departments, clock);
    }

    @Bean
    OutboxCollection planOutbox() {
        return new OutboxCollection(PlanDocument.COLLECTION);
    }
}
