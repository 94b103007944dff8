package jp.shinchoku.measurement.progress;

import java.util.Locale;

import jp.shinchoku.calendar.Texts;

/**
 * The words of progress as people read them (statuses, the roll-up's method, the trajectory, reports due, the open
 * data's columns): the message bundles {@code progress.properties} (English) and {@code progress_ja.properties}
 * (Japanese) beside this package's classes. Each text is a {@code MessageFormat} pattern; its arguments are put in as
 * they print ({@link String#valueOf(Object)}).
 */
public final class ProgressTexts {

    private static final Texts TEXTS = new Texts("jp.shinchoku.measurement.progress.progress");

    private ProgressTexts() {
    }

    /** The text of the key in Japanese. */
    public static String ja(String key, Object... args) {
        return format(Locale.JAPANESE, key, args);
    }

    /** The text of the key in English. */
    public static String en(String key, Object... args) {
        return format(Locale.ENGLISH, key, args);
    }

    /** A key's part for an enum constant: {@code NO_DATA} is {@code no-data}. */
    static String keyOf(String constant) {
        return Texts.keyOf(constant);
    }

    private static String format(Locale locale, String key, Object... args) {
        return TEXTS.in(locale, key, args);
    }
}
