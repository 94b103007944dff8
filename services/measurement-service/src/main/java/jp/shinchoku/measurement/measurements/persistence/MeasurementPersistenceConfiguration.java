package jp.shinchoku.measurement.measurements.persistence;

import jp.shinchoku.measurement.measurements.AfterRecording;
import jp.shinchoku.measurement.measurements.MeasurementRepository;
import jp.shinchoku.platform.outbox.OutboxCollection;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class MeasurementPersistenceConfiguration {

    /**
     * A measurement whose "recorded" event is still pending may have been kept by an instance that stopped before
     * progress followed: the sweep runs what follows a recording for it again before the event goes out.
     */
    @Bean
    OutboxCollection measurementOutbox(ObjectProvider<MeasurementRepository> measurements,
            ObjectProvider<AfterRecording> afterRecording) {
        // resolved when the sweep runs: the repository itself needs the relay that holds this declaration
        return new OutboxCollection(MeasurementDocument.COLLECTION, ids -> afterRecording
                .getIfAvailable(() -> AfterRecording.NOTHING)
                .recorded(measurements.getObject().findAll(ids.stream().map(String::valueOf).toList())));
    }

    @Bean
    OutboxCollection rejectedReportOutbox() {
        return new OutboxCollection(RejectedReportLog.COLLECTION);
    }
}
