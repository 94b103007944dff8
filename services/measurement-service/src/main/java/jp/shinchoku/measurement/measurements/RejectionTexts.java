package jp.shinchoku.measurement.measurements;

import jp.shinchoku.calendar.Texts;

/**
 * Why a report is refused, as people read it: the message bundles {@code rejections.properties} (English) and
 * {@code rejections_ja.properties} (Japanese) beside this package's classes. Each text is a {@code MessageFormat}
 * pattern; its arguments are put in as they print ({@link String#valueOf(Object)}), so numbers and dates read as they
 * did when the texts were concatenated. A rejection passes both languages the same arguments, and each text uses those
 * it needs (the KPI's name in Japanese, its id in English; 和暦 in Japanese, 西暦 in English).
 */
public final class RejectionTexts {

    /** The bundle's texts: {@code TEXTS.ja(key, args…)}, {@code TEXTS.en(key, args…)}. */
    public static final Texts TEXTS = new Texts("jp.shinchoku.measurement.measurements.rejections");

    private RejectionTexts() {
    }
}
