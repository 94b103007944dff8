package jp.shinchoku.notification.alerts;

import java.time.MonthDay;
import java.time.Period;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * How the rules judge and whom they tell, per municipality with defaults.
 *
 * @param deadlineHorizon           how far ahead a KPI's deadline counts as near (default six months)
 * @param reportGraceDays           calendar days after a period's report due date (翌月末) before a missing report
 *                                  is reminded (default 14)
 * @param escalateAfterBusinessDays business days after the reminder before the 推進本部 is told (default 5)
 * @param milestoneDueDays          how many days before a milestone's due date it is announced (default 30, 7, 1)
 * @param reviewDue                 the date in the following fiscal year by which a fiscal year's review (年度見直し)
 *                                  is due (default 6月30日, once the year's results are in)
 * @param reviewLeadDays            days before that date the 推進本部 is reminded (default 30)
 * @param acknowledgeWithinBusinessDays business days the 推進本部 has to acknowledge a warning or critical alert before
 *                                  it is escalated (default 3; 0 = never escalated)
 * @param escalateTo                who is told of an unacknowledged alert (default {@code cio})
 * @param routes                    the municipality's routes (empty: each rule's default receivers)
 * @param reportReminderDays        days before a period's report due date (翌月末) that the department is reminded
 *                                  of reports not yet made (default 7; 0 = no reminder before the due date)
 */
public record RuleSettings(Period deadlineHorizon, int reportGraceDays, int escalateAfterBusinessDays,
        List<Integer> milestoneDueDays, MonthDay reviewDue, int reviewLeadDays, int acknowledgeWithinBusinessDays,
        String escalateTo, List<Route> routes, int reportReminderDays) {

    public static final RuleSettings DEFAULTS = new RuleSettings(Period.ofMonths(6), 14, 5);

    public RuleSettings {
        Objects.requireNonNull(deadlineHorizon, "deadlineHorizon");
        Objects.requireNonNull(reviewDue, "reviewDue");
        Objects.requireNonNull(escalateTo, "escalateTo");
        if (reportGraceDays < 0 || escalateAfterBusinessDays < 0 || reviewLeadDays < 0
                || acknowledgeWithinBusinessDays < 0 || reportReminderDays < 0) {
            throw new IllegalArgumentException("days are 0 or more");
        }
        milestoneDueDays = milestoneDueDays.stream().sorted().toList();
        if (milestoneDueDays.stream().anyMatch(days -> days < 0)) {
            throw new IllegalArgumentException("milestone due days are 0 or more");
        }
        routes = List.copyOf(routes);
    }

    /** Settings with the default reminder before a report's due date (7 days). */
    public RuleSettings(Period deadlineHorizon, int reportGraceDays, int escalateAfterBusinessDays,
            List<Integer> milestoneDueDays, MonthDay reviewDue, int reviewLeadDays, int acknowledgeWithinBusinessDays,
            String escalateTo, List<Route> routes) {
        this(deadlineHorizon, reportGraceDays, escalateAfterBusinessDays, milestoneDueDays, reviewDue, reviewLeadDays,
                acknowledgeWithinBusinessDays, escalateTo, routes, 7);
    }

    /** The defaults, with a horizon, grace and escalation of one's own. */
    public RuleSettings(Period deadlineHorizon, int reportGraceDays, int escalateAfterBusinessDays) {
        this(deadlineHorizon, reportGraceDays, escalateAfterBusinessDays, List.of(30, 7, 1), MonthDay.of(6, 30), 30, 3,
                Receiver.CIO, List.of());
    }

    /** The settings of each municipality (by 地方公共団体コード), the defaults for the others. */
    public record Policy(RuleSettings defaults, Map<String, RuleSettings> municipalities) {

        public Policy {
            municipalities = municipalities == null ? Map.of() : Map.copyOf(municipalities);
        }

        public RuleSettings forMunicipality(String code) {
            return code == null ? defaults : municipalities.getOrDefault(code, defaults);
        }

        public static Policy of(RuleSettings defaults) {
            return new Policy(defaults, Map.of());
        }
    }
}
