package jp.shinchoku.notification.alerts;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * The texts people read in alerts and notifications, from the message bundles beside this package's classes:
 * {@code alerts.properties} (English) and {@code alerts_ja.properties} (Japanese). Each text is a
 * {@link MessageFormat} pattern; its arguments are put in as they print ({@link String#valueOf(Object)}), so numbers
 * and dates read as they did when the texts were concatenated.
 */
public final class AlertTexts {

    private static final String BUNDLE = "jp.shinchoku.notification.alerts.alerts";

    private AlertTexts() {
    }

    /** The text of the key in Japanese. */
    public static String ja(String key, Object... args) {
        return format(Locale.JAPANESE, key, args);
    }

    /** The text of the key in English. */
    public static String en(String key, Object... args) {
        return format(Locale.ENGLISH, key, args);
    }

    /** The text of the key in Japanese or in English. */
    public static String text(boolean japanese, String key, Object... args) {
        return japanese ? ja(key, args) : en(key, args);
    }

    /** A key's part for an enum constant: {@code KPI_MISSED} is {@code kpi-missed}. */
    public static String keyOf(String constant) {
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
