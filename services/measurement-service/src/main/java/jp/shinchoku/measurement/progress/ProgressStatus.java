package jp.shinchoku.measurement.progress;

import jp.shinchoku.calendar.Texts;

/** Where a KPI stands against its target and trajectory. */
public enum ProgressStatus {
    ACHIEVED,
    ON_TRACK,
    AT_RISK,
    BEHIND,
    /** The deadline passed unachieved. */
    MISSED,
    NO_DATA,
    TARGET_UNDEFINED,
    /** Qualitative: no measurable target. */
    NOT_MEASURABLE;

    /** 達成, 順調, 注意, 遅れ, 未達, 未報告, 目標未設定, 定性 ({@code status.<status>} of {@link ProgressTexts}). */
    public String label() {
        return ProgressTexts.TEXTS.ja("status." + Texts.keyOf(name()));
    }

    /** achieved, on track, at risk, behind, missed, no data, target undefined, not measurable. */
    public String labelEn() {
        return ProgressTexts.TEXTS.en("status." + Texts.keyOf(name()));
    }
}
