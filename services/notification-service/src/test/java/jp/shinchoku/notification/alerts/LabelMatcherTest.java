package jp.shinchoku.notification.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** Matchers as Alertmanager writes them, and none that can stall the dispatcher. */
class LabelMatcherTest {

    @Test
    void matchersReadAsAlertmanagerWritesThem() {
        Map<String, String> labels = Map.of("rule", "MILESTONE_OVERDUE", "departmentCode", "somu");
        assertThat(LabelMatcher.parse("rule=MILESTONE_OVERDUE").matches(labels)).isTrue();
        assertThat(LabelMatcher.parse("departmentCode!=somu").matches(labels)).isFalse();
        assertThat(LabelMatcher.parse("rule=~MILESTONE_.*").matches(labels)).isTrue();
        assertThat(LabelMatcher.parse("rule!~MILESTONE_.*").matches(labels)).isFalse();
        assertThat(LabelMatcher.parse("planId=").matches(labels)).as("an absent label reads as empty").isTrue();
    }

    @Test
    void aBacktrackingPatternIsCutShortAndCountsAsNotMet() {
        String value = "a".repeat(40) + "!";
        Map<String, String> labels = Map.of("kpiId", value);
        LabelMatcher catastrophic = LabelMatcher.parse("kpiId=~((a+)+)+b");
        LabelMatcher negated = LabelMatcher.parse("kpiId!~((a+)+)+b");

        // ((a+)+)+b against 40 a's would take longer than the age of the universe without the budget
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
            assertThat(catastrophic.matches(labels)).isFalse();
            assertThat(negated.matches(labels)).as("not met either: a silence built on it holds nothing back").isFalse();
        });
        assertThat(LabelMatcher.parse("kpiId=~a+!").matches(labels)).as("an ordinary pattern still matches").isTrue();
    }

    @Test
    void aMatcherValueIsBounded() {
        assertThatThrownBy(() -> LabelMatcher.parse("kpiId=~" + "a".repeat(LabelMatcher.MAX_VALUE + 1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(String.valueOf(LabelMatcher.MAX_VALUE));
        assertThatThrownBy(() -> LabelMatcher.parse("kpiId=~(unclosed")).isInstanceOf(IllegalArgumentException.class);
    }
}
