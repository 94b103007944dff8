package jp.shinchoku.plan.plans;

/**
 * One problem in a plan document, at its path in the document ({@code pillars[2].measures[0].kpis[1].target.due}),
 * in Japanese and English.
 */
public record Violation(String path, String messageJa, String messageEn) {
}
