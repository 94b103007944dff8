package jp.shinchoku.plan.plans;

/** The kinds of KPI (評価指標) that real plans use. */
public enum KpiKind {
    /** 件数など: a count. */
    COUNT,
    /** 率: a percentage (0-100). */
    PERCENTAGE,
    /** 実現: realized or not. */
    BOOLEAN,
    /** 年1回以上: a frequency per fiscal year or month. */
    RECURRING,
    /** 前年度比1.1倍: a factor over the previous fiscal year. */
    RELATIVE,
    /** 未設定: the target is to be decided by a date. */
    UNDEFINED,
    /** 定性: no measurable target. */
    QUALITATIVE;

    /**
     * Whether a target of this kind needs a deadline: recurring and relative targets hold every fiscal year,
     * an undefined one is not set yet, a qualitative one has none.
     */
    public boolean needsDeadline() {
        return this == COUNT || this == PERCENTAGE || this == BOOLEAN;
    }

    /** Whether the KPI must say which way it should move; not while its target is undefined or qualitative. */
    public boolean needsDirection() {
        return this != UNDEFINED && this != QUALITATIVE;
    }
}
