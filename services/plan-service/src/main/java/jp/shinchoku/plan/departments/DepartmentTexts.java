package jp.shinchoku.plan.departments;

import jp.shinchoku.calendar.Texts;

/**
 * What people read of the department registry (problems in an entry): the message bundles
 * {@code department-texts.properties} (English) and {@code department-texts_ja.properties} (Japanese) beside this
 * package's classes. Each text is a {@code MessageFormat} pattern; its arguments are put in as they print
 * ({@link String#valueOf(Object)}).
 */
public final class DepartmentTexts {

    /** The bundle's texts: {@code TEXTS.ja(key, args…)}, {@code TEXTS.en(key, args…)}. */
    public static final Texts TEXTS = new Texts("jp.shinchoku.plan.departments.department-texts");

    private DepartmentTexts() {
    }
}
