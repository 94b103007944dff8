package jp.shinchoku.calendar;

import java.util.Locale;
import java.util.Optional;

/** How often departments report progress (報告頻度): how many reporting periods a fiscal year has. */
public enum ReportingCadence {
    MONTHLY(12, "毎月"), QUARTERLY(4, "四半期ごと"), SEMIANNUAL(2, "半期ごと"), ANNUAL(1, "毎年度");

    private final int periodsPerYear;
    private final String labelJa;

    ReportingCadence(int periodsPerYear, String labelJa) {
        this.periodsPerYear = periodsPerYear;
        this.labelJa = labelJa;
    }

    public int periodsPerYear() {
        return periodsPerYear;
    }

    /** How many months one period spans. */
    public int months() {
        return 12 / periodsPerYear;
    }

    public String labelJa() {
        return labelJa;
    }

    /** {@code monthly}, {@code quarterly}, {@code semiannual}, {@code annual}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Reads a wire name; empty for anything else. */
    public static Optional<ReportingCadence> fromWire(String text) {
        if (text == null) {
            return Optional.empty();
        }
        for (ReportingCadence cadence : values()) {
            if (cadence.wireName().equals(text.strip().toLowerCase(Locale.ROOT))) {
                return Optional.of(cadence);
            }
        }
        return Optional.empty();
    }
}
