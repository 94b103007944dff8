package jp.shinchoku.plan.plans;

import java.util.Locale;

/**
 * How the plan's enumerations are written in plan documents, the API and events: lower case with dashes
 * ({@code fiscal-year}, {@code not-started}).
 */
public final class WireNames {

    private WireNames() {
    }

    public static String of(Enum<?> value) {
        return value == null ? null : value.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** Reads {@code fiscal-year} as {@code FISCAL_YEAR}; null for an unknown or missing name. */
    public static <E extends Enum<E>> E parse(Class<E> type, String text) {
        if (text == null) {
            return null;
        }
        String name = text.strip().replace('-', '_').toUpperCase(Locale.ROOT);
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equals(name)) {
                return constant;
            }
        }
        return null;
    }
}
