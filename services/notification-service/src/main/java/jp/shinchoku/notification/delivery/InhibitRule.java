package jp.shinchoku.notification.delivery;

import java.util.List;
import java.util.Map;
import java.util.Objects;

import jp.shinchoku.notification.alerts.LabelMatcher;

/**
 * Inhibition, as in Alertmanager: while an alert matching {@code source} fires, alerts matching {@code target} with
 * the same values of the {@code equal} labels are muted (not told; still listed in the inbox as inhibited). The
 * default: an overdue milestone mutes its own due-soon alert.
 */
public record InhibitRule(List<LabelMatcher> source, List<LabelMatcher> target, List<String> equal) {

    public static final List<InhibitRule> DEFAULTS = List.of(new InhibitRule(
            List.of(LabelMatcher.parse("rule=MILESTONE_OVERDUE")),
            List.of(LabelMatcher.parse("rule=MILESTONE_DUE_SOON")),
            List.of("milestoneId")));

    public InhibitRule {
        source = List.copyOf(source);
        target = List.copyOf(target);
        equal = List.copyOf(equal);
    }

    /** Whether the firing {@code sourceLabels} mute the alert with {@code targetLabels}. */
    public boolean inhibits(Map<String, String> sourceLabels, Map<String, String> targetLabels) {
        if (sourceLabels.equals(targetLabels) || !LabelMatcher.all(source, sourceLabels)
                || !LabelMatcher.all(target, targetLabels)) {
            return false;
        }
        return equal.stream().allMatch(name -> Objects.equals(sourceLabels.get(name), targetLabels.get(name)));
    }
}
