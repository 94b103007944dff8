package jp.shinchoku.notification.alerts;

import java.util.Locale;

import jp.shinchoku.calendar.Texts;

/**
 * The texts people read in alerts and notifications, from the message bundles beside this package's classes:
 * {@code alerts.properties} (English) and {@code alerts_ja.properties} (Japanese). Each text is a
 * {@code MessageFormat} pattern; its arguments are put in as they print ({@link String#valueOf(Object)}), so numbers
 * and dates read as they did when the texts were concatenated.
 */
public final class AlertTexts {

    private static final Texts TEXTS = new Texts("jp.shinchoku.notification.alerts.alerts");

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
        return Texts.keyOf(constant);
    }

    private static String format(Locale locale, String key, Object... args) {
        return TEXTS.in(locale, key, args);
    }
}
