package jp.shinchoku.notification.alerts;

/** The conditions that raise alerts. */
public enum AlertRule {
    /** 期限接近・遅れ: a KPI behind its trajectory (注意 or 遅れ) whose deadline is within the horizon. */
    KPI_BEHIND_NEAR_DEADLINE
}
