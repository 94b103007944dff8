package jp.shinchoku.measurement.measurements.config;

import java.time.Clock;

import jp.shinchoku.measurement.kpis.KpiCatalog;
import jp.shinchoku.measurement.measurements.AfterRecording;
import jp.shinchoku.measurement.measurements.ApprovalPolicy;
import jp.shinchoku.measurement.measurements.ClosedYears;
import jp.shinchoku.measurement.measurements.MeasurementRepository;
import jp.shinchoku.measurement.measurements.MeasurementService;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class MeasurementConfiguration {

    @Bean
    MeasurementService measurementService(KpiCatalog kpis, MeasurementRepository measurements, Clock clock,
            ObjectProvider<AfterRecording> afterRecording, ObjectProvider<ClosedYears> closedYears,
            ObjectProvider<ApprovalPolicy> approval) {
        return new MeasurementService(kpis, measurements, clock, afterRecording.getIfAvailable(() -> AfterRecording.NOTHING),
                closedYears.getIfAvailable(() -> ClosedYears.NONE), approval.getIfAvailable(() -> ApprovalPolicy.NONE));
    }
}
