package jp.shinchoku.notification.alerts.config;

import java.time.Clock;
import java.time.Period;

import jp.shinchoku.notification.alerts.AlertRepository;
import jp.shinchoku.notification.alerts.AlertService;
import jp.shinchoku.notification.alerts.DeadlineRule;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AlertConfiguration.NotificationProperties.class)
class AlertConfiguration {

    /** @param deadlineHorizon how far ahead a deadline counts as near (ISO-8601 period, default six months) */
    @ConfigurationProperties("shinchoku.notification")
    record NotificationProperties(@DefaultValue("P6M") Period deadlineHorizon) {
    }

    @Bean
    AlertService alertService(AlertRepository alerts, NotificationProperties properties, Clock clock) {
        return new AlertService(alerts, new DeadlineRule(properties.deadlineHorizon()), clock);
    }
}
