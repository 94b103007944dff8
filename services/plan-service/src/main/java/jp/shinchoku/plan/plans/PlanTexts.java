package jp.shinchoku.plan.plans;

import java.util.Locale;

import jp.shinchoku.calendar.Texts;

/**
 * What people read of plans (problems in a plan document, a revision or a review; milestone statuses; the first
 * revision's reason): the message bundles {@code plan-texts.properties} (English) and {@code plan-texts_ja.properties}
 * (Japanese) beside this package's classes. Each text is a {@code MessageFormat} pattern; its arguments are put in as
 * they print ({@link String#valueOf(Object)}), so numbers read as they did when the texts were concatenated.
 */
public final class PlanTexts {

    private static final Texts TEXTS = new Texts("jp.shinchoku.plan.plans.plan-texts");

    private PlanTexts() {
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
