package jp.shinchoku.plan.plans.config;

import java.time.Clock;

import jp.shinchoku.plan.plans.PlanRepository;
import jp.shinchoku.plan.plans.PlanService;

import jp.shinchoku.plan.plans.persistence.PlanDocument;
import jp.shinchoku.platform.outbox.OutboxCollection;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class PlanConfiguration {

    @Bean
    PlanService planService(PlanRepository plans, Clock clock) {
        return new PlanService(plans, clock);
    }

    @Bean
    OutboxCollection planOutbox() {
        return new OutboxCollection(PlanDocument.COLLECTION);
    }
}
