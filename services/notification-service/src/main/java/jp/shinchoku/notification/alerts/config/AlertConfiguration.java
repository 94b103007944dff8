package jp.shinchoku.notification.alerts.config;

import java.time.Clock;
import java.time.Period;
import java.util.HashMap;
import java.util.Map;

import jp.shinchoku.notification.alerts.AlertRepository;
import jp.shinchoku.notification.alerts.AlertService;
import jp.shinchoku.notification.alerts.DeadlineRule;
import jp.shinchoku.notification.alerts.MissingReportRule;
import jp.shinchoku.notification.alerts.RuleSettings;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AlertConfiguration.NotificationProperties.class)
class AlertConfiguration {

    /**
     * @param deadlineHorizon           how far ahead a deadline counts as near (ISO-8601 period, default six months)
     * @param reportGraceDays           days after a report's due date (翌月末) before the department is reminded
     * @param escalateAfterBusinessDays business days after the reminder before the 推進本部 is told
     * @param municipalities            a municipality's own settings by its 地方公共団体コード; what it leaves out is
     *                                  the default
     */
    @ConfigurationProperties("shinchoku.notification")
    record NotificationProperties(@DefaultValue("P6M") Period deadlineHorizon, @DefaultValue("14") int reportGraceDays,
            @DefaultValue("5") int escalateAfterBusinessDays, Map<String, MunicipalSettings> municipalities) {

        record MunicipalSettings(Period deadlineHorizon, Integer reportGraceDays, Integer escalateAfterBusinessDays) {
        }

        RuleSettings.Policy policy() {
            RuleSettings defaults = new RuleSettings(deadlineHorizon, reportGraceDays, escalateAfterBusinessDays);
            Map<String, RuleSettings> own = new HashMap<>();
            if (municipalities != null) {
                municipalities.forEach((code, set) -> own.put(code, new RuleSettings(
                        set.deadlineHorizon() == null ? deadlineHorizon : set.deadlineHorizon(),
                        set.reportGraceDays() == null ? reportGraceDays : set.reportGraceDays(),
                        set.escalateAfterBusinessDays() == null ? escalateAfterBusinessDays : set.escalateAfterBusinessDays())));
            }
            return new RuleSettings.Policy(defaults, own);
        }
    }

    @Bean
    AlertService alertService(AlertRepository alerts, NotificationProperties properties, Clock clock) {
        return new AlertService(alerts, new DeadlineRule(properties.deadlineHorizon()),
                new MissingReportRule(properties.policy()), clock);
    }
}
