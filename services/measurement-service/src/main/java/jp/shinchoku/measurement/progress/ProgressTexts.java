package jp.shinchoku.measurement.progress;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * The words of progress as people read them (statuses, the roll-up's method, the trajectory, reports due, the open
 * data's columns): the message bundles {@code progress.properties} (English) and {@code progress_ja.properties}
 * (Japanese) beside this package's classes. Each text is a {@link MessageFormat} pattern; its arguments are put in as
 * they print ({@link String#valueOf(Object)}).
 */
public final class ProgressTexts {

    private static final String BUNDLE = "jp.shinchoku.measurement.progress.progress";

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
        return constant.toLowerCase(Locale.ROOT).replace('_', '-');
    }

    private static String format(Locale locale, String key, Object... args) {
        ResourceBundle bundle = ResourceBundle.getBundle(BUNDLE, locale,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        Object[] printed = new Object[args.length];
        for (int i = 0; i < args.length; i++) {
            printed[i] = String.valueOf(args[i]);
        }
        return new MessageFormat(bundle.getString(key), locale).format(printed);
    }
}
