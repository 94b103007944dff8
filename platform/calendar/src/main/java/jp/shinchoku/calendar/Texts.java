package jp.shinchoku.calendar;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * The texts people read, from a message bundle in Japanese ({@code <bundle>_ja.properties}) and English
 * ({@code <bundle>.properties}), for plain-Java code that must not depend on a framework (the services' domains). Each
 * text is a {@link MessageFormat} pattern whose arguments are put in as they print ({@link String#valueOf(Object)}), so
 * that numbers and dates read as written, never re-formatted by the locale.
 */
public final class Texts {

    private final String bundle;

    /** @param bundle the bundle's base name, {@code jp.shinchoku.notification.alerts.alerts} */
    public Texts(String bundle) {
        this.bundle = bundle;
    }

    /** The text of the key in Japanese. */
    public String ja(String key, Object... args) {
        return in(Locale.JAPANESE, key, args);
    }

    /** The text of the key in English. */
    public String en(String key, Object... args) {
        return in(Locale.ENGLISH, key, args);
    }

    /** The text of the key in Japanese or in English. */
    public String in(boolean japanese, String key, Object... args) {
        return japanese ? ja(key, args) : en(key, args);
    }

    /** The text of the key in the language ({@code ja} or English). */
    public String in(Locale locale, String key, Object... args) {
        ResourceBundle texts = ResourceBundle.getBundle(bundle, locale,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        Object[] printed = new Object[args.length];
        for (int i = 0; i < args.length; i++) {
            printed[i] = String.valueOf(args[i]);
        }
        return new MessageFormat(texts.getString(key), locale).format(printed);
    }

    /** A key's part for an enum constant: {@code KPI_MISSED} is {@code kpi-missed}. */
    public static String keyOf(String constant) {
        return constant.toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
