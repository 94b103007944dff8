package jp.shinchoku.notification.delivery;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * How a receiver's alerts are grouped into messages, as in Alertmanager.
 *
 * @param groupBy        the labels whose values make a group (default: the municipality), per receiver
 * @param groupWait      how long a new group waits before its first message, so that alerts raised together are
 *                       told together (default 5 minutes)
 * @param groupInterval  the least time between two messages of a group whose alerts changed (default 1 hour)
 * @param repeatInterval how soon an unchanged group with unacknowledged firing alerts is told again (default 7 days)
 * @param inhibitRules   which firing alerts mute which others
 */
public record GroupSettings(List<String> groupBy, Duration groupWait, Duration groupInterval, Duration repeatInterval,
        List<InhibitRule> inhibitRules) {

    public static final GroupSettings DEFAULTS = new GroupSettings(List.of("municipality"), Duration.ofMinutes(5),
            Duration.ofHours(1), Duration.ofDays(7), InhibitRule.DEFAULTS);

    public GroupSettings {
        groupBy = List.copyOf(groupBy);
        Objects.requireNonNull(groupWait, "groupWait");
        Objects.requireNonNull(groupInterval, "groupInterval");
        Objects.requireNonNull(repeatInterval, "repeatInterval");
        inhibitRules = List.copyOf(inhibitRules);
    }

    /** Each municipality's settings (by 地方公共団体コード), the defaults for the others. */
    public record Policy(GroupSettings defaults, Map<String, GroupSettings> municipalities) {

        public Policy {
            municipalities = municipalities == null ? Map.of() : Map.copyOf(municipalities);
        }

        public GroupSettings forMunicipality(String code) {
            return code == null ? defaults : municipalities.getOrDefault(code, defaults);
        }
    }
}
