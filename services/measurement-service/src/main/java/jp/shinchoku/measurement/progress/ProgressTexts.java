package jp.shinchoku.measurement.progress;

import jp.shinchoku.calendar.Texts;

/**
 * The words of progress as people read them (statuses, the roll-up's method, the trajectory, reports due, the open
 * data's columns): the message bundles {@code progress.properties} (English) and {@code progress_ja.properties}
 * (Japanese) beside this package's classes. Each text is a {@code MessageFormat} pattern; its arguments are put in as
 * they print ({@link String#valueOf(Object)}).
 */
public final class ProgressTexts {

    /** The bundle's texts: {@code TEXTS.ja(key, args…)}, {@code TEXTS.en(key, args…)}. */
    public static final Texts TEXTS = new Texts("jp.shinchoku.measurement.progress.progress");

    private ProgressTexts() {
    }
}
