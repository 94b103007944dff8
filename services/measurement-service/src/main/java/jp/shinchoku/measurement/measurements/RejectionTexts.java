package jp.shinchoku.measurement.measurements;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * Why a report is refused, as people read it: the message bundles {@code rejections.properties} (English) and
 * {@code rejections_ja.properties} (Japanese) beside this package's classes. Each text is a {@link MessageFormat}
 * pattern; its arguments are put in as they print ({@link String#valueOf(Object)}), so numbers and dates read as they
 * did when the texts were concatenated. A rejection passes both languages the same arguments, and each text uses those
 * it needs (the KPI's name in Japanese, its id in English; 和暦 in Japanese, 西暦 in English).
 */
public final class RejectionTexts {

    private static final String BUNDLE = "jp.shinchoku.measurement.measurements.rejections";

    private RejectionTexts() {
    }

    /** The text of the key in Japanese. */
    public static String ja(String key, Object... args) {
        return format(Locale.JAPANESE, key, args);
    }

    /** The text of the key in English. */
    public static String en(String key, Object... args) {
        return format(Locale.ENGLISH, key, args);
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
