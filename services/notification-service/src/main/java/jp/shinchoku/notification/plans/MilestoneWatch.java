package jp.shinchoku.notification.plans;

import java.time.LocalDate;
import java.util.Set;

/**
 * A plan's milestone (スケジュール) as this service follows it.
 *
 * @param status          {@code not-started}, {@code in-progress}, {@code done}, {@code delayed} or {@code cancelled}
 * @param decidesTargetOf the KPI whose 未設定 target this milestone decides, if any
 * @param retired         its measure was ended by a revision
 */
public record MilestoneWatch(String milestoneId, String measureCode, String departmentCode, String text,
        LocalDate due, String decidesTargetOf, String status, boolean retired) {

    private static final Set<String> CLOSED = Set.of("done", "cancelled");

    /** Still to be done: not done, not cancelled, not retired. */
    public boolean isOpen() {
        return !retired && !CLOSED.contains(status);
    }

    public MilestoneWatch withStatus(String newStatus, LocalDate newDue) {
        return new MilestoneWatch(milestoneId, measureCode, departmentCode, text, newDue == null ? due : newDue,
                decidesTargetOf, newStatus, retired);
    }
}
