package jp.shinchoku.measurement.kpis;

import java.util.Locale;

/** What a KPI tells, as the plan service types it: 進捗指標 (what was done) or 効果指標 (what it changed). */
public enum IndicatorType {
    OUTPUT, OUTCOME;

    /** Reads the wire name ({@code output}, {@code outcome}); null where the plan does not say or the name is unknown. */
    public static IndicatorType fromWire(String name) {
        if (name == null) {
            return null;
        }
        try {
            return valueOf(name.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
