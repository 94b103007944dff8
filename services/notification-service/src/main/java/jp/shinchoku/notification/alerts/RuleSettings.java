package jp.shinchoku.notification.alerts;

import java.time.Period;
import java.util.Map;
import java.util.Objects;

/**
 * How the rules judge, per municipality with defaults.
 *
 * @param deadlineHorizon           how far ahead a KPI's deadline counts as near (default six months)
 * @param reportGraceDays           calendar days after a period's report due date (翌月末) before a missing report
 *                                  is reminded (default 14)
 * @param escalateAfterBusinessDays business days after the reminder before the 推進本部 is told (default 5)
 */
public record RuleSettings(Period deadlineHorizon, int reportGraceDays, int escalateAfterBusinessDays) {

    public static final RuleSettings DEFAULTS = new RuleSettings(Period.ofMonths(6), 14, 5);

    public RuleSettings {
        Objects.requireNonNull(deadlineHorizon, "deadlineHorizon");
        if (reportGraceDays < 0 || escalateAfterBusinessDays < 0) {
            throw new IllegalArgumentException("grace and escalation days are 0 or more");
        }
    }

    /** The settings of each municipality (by 地方公共団体コード), the defaults for the others. */
    public record Policy(RuleSettings defaults, Map<String, RuleSettings> municipalities) {

        public Policy {
            municipalities = municipalities == null ? Map.of() : Map.copyOf(municipalities);
        }

        public RuleSettings forMunicipality(String code) {
            return code == null ? defaults : municipalities.getOrDefault(code, defaults);
        }
    }
}
