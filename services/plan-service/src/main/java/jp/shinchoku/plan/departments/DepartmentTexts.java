package jp.shinchoku.plan.departments;

import java.util.Locale;

import jp.shinchoku.calendar.Texts;

/**
 * What people read of the department registry (problems in an entry): the message bundles
 * {@code department-texts.properties} (English) and {@code department-texts_ja.properties} (Japanese) beside this
 * package's classes. Each text is a {@code MessageFormat} pattern; its arguments are put in as they print
 * ({@link String#valueOf(Object)}).
 */
public final class DepartmentTexts {

    private static final Texts TEXTS = new Texts("jp.shinchoku.plan.departments.department-texts");

    private DepartmentTexts() {
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
