package jp.shinchoku.plan.plans;

import jp.shinchoku.calendar.Texts;

/**
 * What people read of plans (problems in a plan document, a revision or a review; milestone statuses; the first
 * revision's reason): the message bundles {@code plan-texts.properties} (English) and {@code plan-texts_ja.properties}
 * (Japanese) beside this package's classes. Each text is a {@code MessageFormat} pattern; its arguments are put in as
 * they print ({@link String#valueOf(Object)}), so numbers read as they did when the texts were concatenated.
 */
public final class PlanTexts {

    /** The bundle's texts: {@code TEXTS.ja(key, args…)}, {@code TEXTS.en(key, args…)}. */
    public static final Texts TEXTS = new Texts("jp.shinchoku.plan.plans.plan-texts");

    private PlanTexts() {
    }
}
