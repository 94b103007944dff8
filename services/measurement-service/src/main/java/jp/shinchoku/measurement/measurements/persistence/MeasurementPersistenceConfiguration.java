package jp.shinchoku.measurement.measurements.persistence;

import jp.shinchoku.platform.outbox.OutboxCollection;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class MeasurementPersistenceConfiguration {

    @Bean
    OutboxCollection measurementOutbox() {
        return new OutboxCollection(MeasurementDocument.COLLECTION);
    }

    @Bean
    OutboxCollection rejectedReportOutbox() {
        return new OutboxCollection(RejectedReportLog.COLLECTION);
    }
}
