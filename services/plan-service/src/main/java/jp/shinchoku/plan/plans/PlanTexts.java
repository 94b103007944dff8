package jp.shinchoku.plan.plans;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * What people read of plans (problems in a plan document, a revision or a review; milestone statuses; the first
 * revision's reason): the message bundles {@code plan-texts.properties} (English) and {@code plan-texts_ja.properties}
 * (Japanese) beside this package's classes. Each text is a {@link MessageFormat} pattern; its arguments are put in as
 * they print ({@link String#valueOf(Object)}), so numbers read as they did when the texts were concatenated.
 */
public final class PlanTexts {

    private static final String BUNDLE = "jp.shinchoku.plan.plans.plan-texts";

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
        ResourceBundle bundle = ResourceBundle.getBundle(BUNDLE, locale,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        Object[] printed = new Object[args.length];
        for (int i = 0; i < args.length; i++) {
            printed[i] = String.valueOf(args[i]);
        }
        return new MessageFormat(bundle.getString(key), locale).format(printed);
    }
}
