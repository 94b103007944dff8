package jp.shinchoku.contracts.plan;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/**
 * {@code milestone.status-changed.v1}: a department reported a milestone's (スケジュール) status.
 *
 * @param status         {@code not-started} 未着手, {@code in-progress} 実施中, {@code done} 完了, {@code delayed} 遅延,
 *                       {@code cancelled} 中止
 * @param decidesTargetOf the KPI whose 未設定 target this milestone decides, if any
 */
public record MilestoneStatusChangedV1(
        String planId,
        String milestoneId,
        String measureCode,
        String departmentCode,
        String text,
        LocalDate due,
        String decidesTargetOf,
        String previousStatus,
        String status,
        String comment,
        String reportedBy,
        Instant reportedAt) {

    public MilestoneStatusChangedV1 {
        Objects.requireNonNull(planId, "planId");
        Objects.requireNonNull(milestoneId, "milestoneId");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(reportedAt, "reportedAt");
    }
}
