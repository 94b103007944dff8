package jp.shinchoku.notification.alerts;

/** The conditions that raise alerts, with how serious each is. */
public enum AlertRule {
    /** 期限接近・遅れ: a KPI behind its trajectory (注意 or 遅れ) whose deadline is within the horizon. */
    KPI_BEHIND_NEAR_DEADLINE("期限接近・遅れ", Severity.WARNING),
    /** 未達: a KPI's deadline passed unachieved. */
    KPI_MISSED("目標未達", Severity.CRITICAL),
    /** 達成: a KPI reached its target (for information). */
    KPI_ACHIEVED("目標達成", Severity.INFO),
    /** 悪化: a KPI's status worsened (順調 → 注意 → 遅れ). */
    KPI_STATUS_WORSENED("進捗の悪化", Severity.WARNING),
    /** 未報告: a department's reports for a period are missing after the due date and grace period (one digest). */
    REPORT_MISSING("実績報告の未提出", Severity.WARNING),
    /** 未報告の上申: still missing some business days after the reminder; the 推進本部 is told. */
    REPORT_ESCALATED("実績報告の未提出（督促後）", Severity.CRITICAL);

    /** How urgent an alert of a rule is. */
    public enum Severity {
        INFO, WARNING, CRITICAL
    }

    private final String label;
    private final Severity severity;

    AlertRule(String label, Severity severity) {
        this.label = label;
        this.severity = severity;
    }

    public String label() {
        return label;
    }

    public Severity severity() {
        return severity;
    }
}
