package jp.shinchoku.measurement.kpis;

import java.util.Locale;

public enum Direction {
    INCREASE, DECREASE, ACHIEVE;

    public static Direction fromWire(String name) {
        try {
            return valueOf(name.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException | NullPointerException e) {
            return INCREASE;
        }
    }
}
