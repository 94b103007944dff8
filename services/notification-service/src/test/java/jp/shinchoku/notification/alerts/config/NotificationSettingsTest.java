package jp.shinchoku.notification.alerts.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.MonthDay;
import java.time.Period;
import java.util.Map;

import jp.shinchoku.notification.alerts.AlertRule;
import jp.shinchoku.notification.alerts.Receiver;
import jp.shinchoku.notification.alerts.Route;
import jp.shinchoku.notification.alerts.RuleSettings;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

/** Settings and routes as a municipality writes them in configuration; what it leaves out is the default. */
class NotificationSettingsTest {

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(AlertConfiguration.NotificationProperties.class)
    static class Properties {
    }

    @Test
    void routesAndSettingsPerMunicipalityBind() {
        new ApplicationContextRunner().withUserConfiguration(Properties.class).withPropertyValues(
                "shinchoku.notification.routes[0].match[0]=rule=~MILESTONE_.*",
                "shinchoku.notification.routes[0].receivers[0]=department",
                "shinchoku.notification.routes[0].receivers[1]=promotion-hq",
                "shinchoku.notification.municipalities.152048.milestone-due-days=14,3",
                "shinchoku.notification.municipalities.152048.review-due=--05-31",
                "shinchoku.notification.municipalities.152048.routes[0].match[0]=rule=REPORT_MISSING",
                "shinchoku.notification.municipalities.152048.routes[0].receivers[0]=department",
                "shinchoku.notification.municipalities.152048.routes[0].receivers[1]=cio",
                "shinchoku.notification.municipalities.152048.routes[0].continue-matching=true")
                .run(context -> {
                    RuleSettings.Policy policy = context.getBean(AlertConfiguration.NotificationProperties.class).policy();
                    RuleSettings defaults = policy.defaults();
                    assertThat(defaults.deadlineHorizon()).isEqualTo(Period.ofMonths(6));
                    assertThat(defaults.milestoneDueDays()).containsExactly(1, 7, 30);
                    assertThat(defaults.acknowledgeWithinBusinessDays()).isEqualTo(3);
                    Map<String, String> dueSoon = Map.of("rule", "MILESTONE_DUE_SOON", "departmentCode", "somu");
                    assertThat(Route.receivers(defaults.routes(), AlertRule.MILESTONE_DUE_SOON, dueSoon))
                            .containsExactly(Receiver.department("somu"), Receiver.PROMOTION_HQ);

                    RuleSettings sanjo = policy.forMunicipality("152048");
                    assertThat(sanjo.milestoneDueDays()).containsExactly(3, 14);
                    assertThat(sanjo.reviewDue()).isEqualTo(MonthDay.of(5, 31));
                    assertThat(sanjo.reportGraceDays()).isEqualTo(14);
                    Map<String, String> missing = Map.of("rule", "REPORT_MISSING", "departmentCode", "somu");
                    assertThat(Route.receivers(sanjo.routes(), AlertRule.REPORT_MISSING, missing))
                            .containsExactly(Receiver.department("somu"), Receiver.CIO);
                    assertThat(Route.receivers(sanjo.routes(), AlertRule.MILESTONE_DUE_SOON, dueSoon))
                            .as("the municipality's own routes replace the defaults'")
                            .containsExactly(Receiver.department("somu"));
                    assertThat(policy.forMunicipality("462233")).isSameAs(defaults);
                });
    }

    @Test
    void aMalformedMatcherIsRefusedWithWhatIsWrong() {
        new ApplicationContextRunner().withUserConfiguration(Properties.class)
                .withPropertyValues("shinchoku.notification.routes[0].match[0]=rule ~ x",
                        "shinchoku.notification.routes[0].receivers[0]=cio")
                .run(context -> assertThatThrownBy(
                        () -> context.getBean(AlertConfiguration.NotificationProperties.class).policy())
                        .hasMessageContaining("not a label matcher"));
    }
}
