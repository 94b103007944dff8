package jp.shinchoku.plan.plans;

/**
 * One problem in a plan document, at its path in the document ({@code pillars[2].measures[0].kpis[1].target.due}),
 * in Japanese and English.
 */
public record Violation(String path, String messageJa, String messageEn) {

    /**
     * A problem whose texts are the key's in {@link PlanTexts}, both languages given the same arguments (each text
     * uses those it needs).
     */
    static Violation of(String path, String key, Object... args) {
        return new Violation(path, PlanTexts.TEXTS.ja(key, args), PlanTexts.TEXTS.en(key, args));
    }
}
