package jp.shinchoku.plan.departments.config;

import java.time.Clock;

import jp.shinchoku.plan.departments.DepartmentRegistry;
import jp.shinchoku.plan.departments.DepartmentService;
import jp.shinchoku.plan.departments.persistence.DepartmentDocument;
import jp.shinchoku.platform.outbox.OutboxCollection;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class DepartmentConfiguration {

    @Bean
    DepartmentService departmentService(DepartmentRegistry registry, Clock clock) {
        return new DepartmentService(registry, clock);
    }

    @Bean
    OutboxCollection departmentOutbox() {
        return new OutboxCollection(DepartmentDocument.COLLECTION);
    }
}
