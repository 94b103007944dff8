package jp.shinchoku.measurement.progress;

/** Where a KPI stands against its target and trajectory. */
public enum ProgressStatus {
    /** 達成. */
    ACHIEVED,
    /** 順調. */
    ON_TRACK,
    /** 注意. */
    AT_RISK,
    /** 遅れ. */
    BEHIND,
    /** 未達: the deadline passed unachieved. */
    MISSED,
    /** 未報告. */
    NO_DATA,
    /** 目標未設定. */
    TARGET_UNDEFINED,
    /** 定性: no measurable target. */
    NOT_MEASURABLE
}
