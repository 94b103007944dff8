package jp.shinchoku.notification.alerts.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Period;
import java.util.List;
import java.util.Map;

import jp.shinchoku.notification.alerts.LabelMatcher;
import jp.shinchoku.notification.alerts.Route;
import jp.shinchoku.notification.alerts.RuleSettings;
import org.junit.jupiter.api.Test;

/** The daily run goes by schedule only while the rules' settings are those the days were planned by. */
class SettingsDigestTest {

    static RuleSettings.Policy policy(int acknowledgeWithin) {
        RuleSettings own = new RuleSettings(Period.ofMonths(6), 30, 5, List.of(14, 3), RuleSettings.DEFAULTS.reviewDue(),
                30, acknowledgeWithin, "cio", List.of(new Route(List.of(LabelMatcher.parse("rule=~MILESTONE_.*")),
                        List.of("department", "promotion-hq"), false)));
        return new RuleSettings.Policy(RuleSettings.DEFAULTS, Map.of("462233", own));
    }

    @Test
    void theSameSettingsHaveTheSameDigestAndAChangedOneAnother() {
        assertThat(ScheduledEvaluation.digest(policy(3))).isEqualTo(ScheduledEvaluation.digest(policy(3)))
                .isNotEqualTo(ScheduledEvaluation.digest(policy(5)));
    }
}
