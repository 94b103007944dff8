package jp.shinchoku.measurement.measurements;

import java.util.Locale;

import jp.shinchoku.calendar.Texts;

/**
 * Why a report is refused, as people read it: the message bundles {@code rejections.properties} (English) and
 * {@code rejections_ja.properties} (Japanese) beside this package's classes. Each text is a {@code MessageFormat}
 * pattern; its arguments are put in as they print ({@link String#valueOf(Object)}), so numbers and dates read as they
 * did when the texts were concatenated. A rejection passes both languages the same arguments, and each text uses those
 * it needs (the KPI's name in Japanese, its id in English; 和暦 in Japanese, 西暦 in English).
 */
public final class RejectionTexts {

    private static final Texts TEXTS = new Texts("jp.shinchoku.measurement.measurements.rejections");

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
        return TEXTS.in(locale, key, args);
    }
}
