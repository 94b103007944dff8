package jp.shinchoku.plan.plans;

/**
 * One difference between two states of a plan, at its path ({@code measures[1-2].kpis[pln-1.1-2.1].target.value}),
 * with the values before and after written as text. An added or removed element is one difference carrying its
 * name, not one per field.
 */
public record Difference(String path, Change change, String before, String after) {

    public enum Change {
        ADDED, REMOVED, CHANGED
    }
}
