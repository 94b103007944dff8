package jp.shinchoku.measurement.progress;

/** Where a KPI stands against its target and trajectory. */
public enum ProgressStatus {
    ACHIEVED("達成", "achieved"),
    ON_TRACK("順調", "on track"),
    AT_RISK("注意", "at risk"),
    BEHIND("遅れ", "behind"),
    /** The deadline passed unachieved. */
    MISSED("未達", "missed"),
    NO_DATA("未報告", "no data"),
    TARGET_UNDEFINED("目標未設定", "target undefined"),
    /** Qualitative: no measurable target. */
    NOT_MEASURABLE("定性", "not measurable");

    private final String label;
    private final String labelEn;

    ProgressStatus(String label, String labelEn) {
        this.label = label;
        this.labelEn = labelEn;
    }

    /** 達成, 順調, 注意, 遅れ, 未達, 未報告, 目標未設定, 定性. */
    public String label() {
        return label;
    }

    public String labelEn() {
        return labelEn;
    }
}
