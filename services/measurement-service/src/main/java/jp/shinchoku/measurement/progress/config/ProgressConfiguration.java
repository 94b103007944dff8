package jp.shinchoku.measurement.progress.config;

import java.math.BigDecimal;
import java.time.Clock;

import jp.shinchoku.measurement.kpis.KpiCatalog;
import jp.shinchoku.measurement.measurements.MeasurementRepository;
import jp.shinchoku.measurement.progress.ProgressCalculator;
import jp.shinchoku.measurement.progress.ProgressRepository;
import jp.shinchoku.measurement.progress.ProgressService;
import jp.shinchoku.measurement.progress.ProgressThresholds;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ProgressConfiguration.ProgressProperties.class)
class ProgressConfiguration {

    /** Thresholds for 注意 (AT_RISK) and 遅れ (BEHIND), as shares of the achievement expected by now. */
    @ConfigurationProperties("shinchoku.progress")
    record ProgressProperties(@DefaultValue("0.9") BigDecimal atRiskBelow, @DefaultValue("0.7") BigDecimal behindBelow) {
    }

    @Bean
    ProgressService progressService(KpiCatalog kpis, MeasurementRepository measurements, ProgressRepository progress,
            ProgressProperties properties, Clock clock) {
        return new ProgressService(kpis, measurements, progress,
                new ProgressCalculator(new ProgressThresholds(properties.atRiskBelow(), properties.behindBelow())), clock);
    }
}
