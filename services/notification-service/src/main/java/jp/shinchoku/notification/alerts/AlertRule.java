package jp.shinchoku.notification.alerts;

import java.util.List;
import jp.shinchoku.calendar.Texts;

/**
 * The conditions that raise alerts, with how serious each is and who is told by default (a municipality's routes
 * may say otherwise). {@link Receiver#DEPARTMENT} stands for the department the alert concerns.
 */
public enum AlertRule {
    /** 期限接近・遅れ: a KPI behind its trajectory (注意 or 遅れ) whose deadline is within the horizon. */
    KPI_BEHIND_NEAR_DEADLINE(Severity.WARNING, Receiver.PROMOTION_HQ, Receiver.DEPARTMENT),
    /** 未達: a KPI's deadline passed unachieved. */
    KPI_MISSED(Severity.CRITICAL, Receiver.PROMOTION_HQ, Receiver.DEPARTMENT),
    /** 達成: a KPI reached its target (for information). */
    KPI_ACHIEVED(Severity.INFO, Receiver.PROMOTION_HQ),
    /** 悪化: a KPI's status worsened (順調 → 注意 → 遅れ). */
    KPI_STATUS_WORSENED(Severity.WARNING, Receiver.PROMOTION_HQ),
    /** 報告期限接近: a department's reports for the period just ended are due within days and not yet made (one digest). */
    REPORT_DUE_SOON(Severity.INFO, Receiver.DEPARTMENT),
    /** 未報告: a department's reports for a period are missing after the due date and grace period (one digest). */
    REPORT_MISSING(Severity.WARNING, Receiver.DEPARTMENT),
    /** 未報告の上申: still missing some business days after the reminder; the 推進本部 is told. */
    REPORT_ESCALATED(Severity.CRITICAL, Receiver.PROMOTION_HQ),
    /** スケジュール期限接近: a milestone due within 30, 7 or 1 days and not done. */
    MILESTONE_DUE_SOON(Severity.WARNING, Receiver.DEPARTMENT),
    /** スケジュール期限超過: a milestone past its due date and not done. */
    MILESTONE_OVERDUE(Severity.CRITICAL, Receiver.DEPARTMENT, Receiver.PROMOTION_HQ),
    /** 目標値未設定: a 未設定 target still undecided after the date it was to be decided by. */
    TARGET_UNDECIDED(Severity.WARNING, Receiver.DEPARTMENT, Receiver.PROMOTION_HQ),
    /** 年度見直し: the review of the fiscal year just ended is coming due (or overdue). */
    PLAN_REVIEW_DUE(Severity.WARNING, Receiver.PROMOTION_HQ),
    /** 差戻し: the 推進本部 returned a report; its department is to correct it. */
    REPORT_RETURNED(Severity.WARNING, Receiver.DEPARTMENT),
    /** 承認待ち: a plan's reports have awaited the 推進本部's approval longer than its business days (one digest). */
    APPROVAL_WAITING(Severity.WARNING, Receiver.PROMOTION_HQ),
    /** 施策評価の期限接近: a department's 自己評価 of the year just ended are due within two weeks (one digest). */
    EVALUATION_DUE(Severity.INFO, Receiver.DEPARTMENT),
    /** 施策評価の未提出: past their due date; the 推進本部 is told too (one digest per department). */
    EVALUATION_OVERDUE(Severity.WARNING, Receiver.DEPARTMENT, Receiver.PROMOTION_HQ),
    /** 評価待ち: submitted 自己評価 the 推進本部 has not evaluated yet (one digest per plan). */
    EVALUATION_WAITING(Severity.INFO, Receiver.PROMOTION_HQ);

    /** How urgent an alert of a rule is. */
    public enum Severity {
        INFO, WARNING, CRITICAL
    }

    private final Severity severity;
    private final List<String> defaultReceivers;

    AlertRule(Severity severity, String... defaultReceivers) {
        this.severity = severity;
        this.defaultReceivers = List.of(defaultReceivers);
    }

    /** The rule's name in Japanese ({@code <rule>.label} of {@link AlertTexts}). */
    public String label() {
        return AlertTexts.TEXTS.ja(Texts.keyOf(name()) + ".label");
    }

    public Severity severity() {
        return severity;
    }

    /** Who is told where no route of the municipality matches. */
    public List<String> defaultReceivers() {
        return defaultReceivers;
    }
}
