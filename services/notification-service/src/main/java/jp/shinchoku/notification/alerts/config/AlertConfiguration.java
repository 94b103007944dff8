package jp.shinchoku.notification.alerts.config;

import java.time.Clock;
import java.time.MonthDay;
import java.time.Period;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jp.shinchoku.notification.alerts.AlertRepository;
import jp.shinchoku.notification.alerts.AlertService;
import jp.shinchoku.notification.alerts.LabelMatcher;
import jp.shinchoku.notification.alerts.Route;
import jp.shinchoku.notification.alerts.RuleSettings;
import jp.shinchoku.notification.plans.PlanWatchRepository;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AlertConfiguration.NotificationProperties.class)
class AlertConfiguration {

    /**
     * The rules' settings; each municipality (by its 地方公共団体コード) may set its own, what it leaves out is the
     * default.
     *
     * @param deadlineHorizon           how far ahead a deadline counts as near (ISO-8601 period, default six months)
     * @param reportGraceDays           days after a report's due date (翌月末) before the department is reminded
     * @param escalateAfterBusinessDays business days after the reminder before the 推進本部 is told
     * @param milestoneDueDays          days before a milestone's due date it is announced
     * @param reviewDue                 when a fiscal year's review (年度見直し) is due in the following year
     *                                  ({@code --06-30})
     * @param reviewLeadDays            days before that the 推進本部 is reminded
     * @param acknowledgeWithinBusinessDays business days to acknowledge an alert before it is escalated (0 = never)
     * @param escalateTo                who unacknowledged alerts are escalated to
     * @param reportReminderDays        days before a report's due date (翌月末) the department is reminded (0 = never)
     * @param routes                    which receivers get which alerts, by label matchers (first match wins unless
     *                                  {@code continue-matching})
     */
    @ConfigurationProperties("shinchoku.notification")
    record NotificationProperties(@DefaultValue("P6M") Period deadlineHorizon, @DefaultValue("14") int reportGraceDays,
            @DefaultValue("5") int escalateAfterBusinessDays, @DefaultValue({"30", "7", "1"}) List<Integer> milestoneDueDays,
            @DefaultValue("--06-30") MonthDay reviewDue, @DefaultValue("30") int reviewLeadDays,
            @DefaultValue("3") int acknowledgeWithinBusinessDays, @DefaultValue("cio") String escalateTo,
            List<RouteProperties> routes, Map<String, MunicipalSettings> municipalities,
            @DefaultValue("7") int reportReminderDays) {

        /** A route: {@code match} are label matchers such as {@code rule=~MILESTONE_.*}. */
        record RouteProperties(List<String> match, List<String> receivers, boolean continueMatching) {
            Route route() {
                return new Route(match == null ? List.of() : match.stream().map(LabelMatcher::parse).toList(),
                        receivers == null ? List.of() : receivers, continueMatching);
            }
        }

        record MunicipalSettings(Period deadlineHorizon, Integer reportGraceDays, Integer escalateAfterBusinessDays,
                List<Integer> milestoneDueDays, MonthDay reviewDue, Integer reviewLeadDays,
                Integer acknowledgeWithinBusinessDays, String escalateTo, List<RouteProperties> routes,
                Integer reportReminderDays) {
        }

        RuleSettings.Policy policy() {
            RuleSettings defaults = new RuleSettings(deadlineHorizon, reportGraceDays, escalateAfterBusinessDays,
                    milestoneDueDays, reviewDue, reviewLeadDays, acknowledgeWithinBusinessDays, escalateTo,
                    routes(routes), reportReminderDays);
            Map<String, RuleSettings> own = new HashMap<>();
            if (municipalities != null) {
                municipalities.forEach((code, set) -> own.put(code, new RuleSettings(
                        or(set.deadlineHorizon(), defaults.deadlineHorizon()),
                        or(set.reportGraceDays(), defaults.reportGraceDays()),
                        or(set.escalateAfterBusinessDays(), defaults.escalateAfterBusinessDays()),
                        or(set.milestoneDueDays(), defaults.milestoneDueDays()),
                        or(set.reviewDue(), defaults.reviewDue()),
                        or(set.reviewLeadDays(), defaults.reviewLeadDays()),
                        or(set.acknowledgeWithinBusinessDays(), defaults.acknowledgeWithinBusinessDays()),
                        or(set.escalateTo(), defaults.escalateTo()),
                        set.routes() == null ? defaults.routes() : routes(set.routes()),
                        or(set.reportReminderDays(), defaults.reportReminderDays()))));
            }
            return new RuleSettings.Policy(defaults, own);
        }

        private static List<Route> routes(List<RouteProperties> routes) {
            return routes == null ? List.of() : routes.stream().map(RouteProperties::route).toList();
        }

        private static <T> T or(T own, T fallback) {
            return own == null ? fallback : own;
        }
    }

    @Bean
    AlertService alertService(AlertRepository alerts, PlanWatchRepository plans, NotificationProperties properties,
            Clock clock, jp.shinchoku.notification.alerts.EvaluationSchedule schedule) {
        return new AlertService(alerts, plans, properties.policy(), clock, schedule);
    }
}
