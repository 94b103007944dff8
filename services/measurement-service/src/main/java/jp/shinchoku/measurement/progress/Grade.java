package jp.shinchoku.measurement.progress;

/**
 * The simple grade municipalities already use in their reviews: S above the target, A above the baseline, B within
 * ±10% of the baseline, C below it, − where it cannot be measured (no target, no data, qualitative).
 */
public enum Grade {
    S("S"), A("A"), B("B"), C("C"), NONE("−");

    private final String label;

    Grade(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
