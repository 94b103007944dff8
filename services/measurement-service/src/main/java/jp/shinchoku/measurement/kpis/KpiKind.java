package jp.shinchoku.measurement.kpis;

import java.util.Locale;

/** The kinds of KPI, as the plan service defines them. */
public enum KpiKind {
    COUNT, PERCENTAGE, BOOLEAN, RECURRING, RELATIVE, UNDEFINED, QUALITATIVE;

    /** Reads the wire name ({@code percentage}); unknown kinds are treated as not measurable. */
    public static KpiKind fromWire(String name) {
        try {
            return valueOf(name.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException | NullPointerException e) {
            return QUALITATIVE;
        }
    }
}
