package jp.shinchoku.measurement.progress.config;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;
import java.time.Clock;

import jp.shinchoku.measurement.kpis.KpiCatalog;
import jp.shinchoku.measurement.measurements.AfterRecording;
import jp.shinchoku.measurement.measurements.MeasurementRepository;
import jp.shinchoku.measurement.progress.ProgressCalculator;
import jp.shinchoku.measurement.progress.ProgressRepository;
import jp.shinchoku.measurement.progress.ProgressSchedule;
import jp.shinchoku.measurement.progress.ProgressService;
import jp.shinchoku.measurement.progress.ProgressPolicy;
import jp.shinchoku.measurement.progress.ProgressQueries;
import jp.shinchoku.measurement.progress.ProgressThresholds;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ProgressConfiguration.ProgressProperties.class)
class ProgressConfiguration {

    /**
     * Thresholds for 注意 (AT_RISK) and 遅れ (BEHIND), as shares of the achievement expected by now; a municipality
     * may set its own ({@code shinchoku.progress.municipalities.<地方公共団体コード>.behind-below}), what it leaves out
     * is the default.
     */
    @ConfigurationProperties("shinchoku.progress")
    record ProgressProperties(@DefaultValue("0.9") BigDecimal atRiskBelow, @DefaultValue("0.7") BigDecimal behindBelow,
            Map<String, MunicipalThresholds> municipalities) {

        record MunicipalThresholds(BigDecimal atRiskBelow, BigDecimal behindBelow) {
        }

        ProgressPolicy policy() {
            ProgressThresholds defaults = new ProgressThresholds(atRiskBelow, behindBelow);
            Map<String, ProgressThresholds> own = new HashMap<>();
            if (municipalities != null) {
                municipalities.forEach((code, set) -> own.put(code, new ProgressThresholds(
                        set.atRiskBelow() == null ? atRiskBelow : set.atRiskBelow(),
                        set.behindBelow() == null ? behindBelow : set.behindBelow())));
            }
            return new ProgressPolicy(defaults, own);
        }
    }

    @Bean
    ProgressCalculator progressCalculator(ProgressProperties properties) {
        return new ProgressCalculator(properties.policy());
    }

    @Bean
    ProgressQueries progressQueries(KpiCatalog kpis, MeasurementRepository measurements, ProgressCalculator calculator,
            Clock clock) {
        return new ProgressQueries(kpis, measurements, calculator, clock);
    }

    /** Progress follows each recording on its path (and again for one whose instance stopped in between). */
    @Bean
    AfterRecording progressFollowsRecording(ProgressService progress) {
        return progress::recordAll;
    }

    @Bean
    ProgressService progressService(KpiCatalog kpis, MeasurementRepository measurements, ProgressRepository progress,
            ProgressSchedule schedule, ProgressCalculator calculator, Clock clock) {
        return new ProgressService(kpis, measurements, progress, schedule, calculator, clock);
    }
}
