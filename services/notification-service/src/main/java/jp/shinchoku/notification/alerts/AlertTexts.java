package jp.shinchoku.notification.alerts;

import jp.shinchoku.calendar.Texts;

/**
 * The texts people read in alerts and notifications, from the message bundles beside this package's classes:
 * {@code alerts.properties} (English) and {@code alerts_ja.properties} (Japanese). Each text is a
 * {@code MessageFormat} pattern; its arguments are put in as they print ({@link String#valueOf(Object)}), so numbers
 * and dates read as they did when the texts were concatenated.
 */
public final class AlertTexts {

    /** The bundle's texts: {@code TEXTS.ja(key, args…)}, {@code TEXTS.en(key, args…)}. */
    public static final Texts TEXTS = new Texts("jp.shinchoku.notification.alerts.alerts");

    private AlertTexts() {
    }
}
