package jp.shinchoku.plan.plans;

/** A milestone's status as its department reports it. */
public enum MilestoneStatus {
    /** 未着手. */
    NOT_STARTED,
    /** 実施中. */
    IN_PROGRESS,
    /** 完了. */
    DONE,
    /** 遅延. */
    DELAYED,
    /** 中止. */
    CANCELLED
}
