package jp.shinchoku.measurement.years;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * 年度締め of one plan: the fiscal years its 推進本部 has closed, and every close and reopening with who, when and why.
 * A closed year takes no report and no correction on any channel until it is reopened.
 *
 * @param version how many closes and reopenings came before (0 for a plan none has closed); writes are conditional on
 *                it
 * @param closed  the closed fiscal years (their starting calendar year: 2023 is 令和5年度)
 */
public record PlanYears(String planId, long version, Set<Integer> closed, List<Step> history) {

    public PlanYears {
        Objects.requireNonNull(planId, "planId");
        closed = closed == null ? Set.of() : java.util.Collections.unmodifiableSet(new TreeSet<>(closed));
        history = history == null ? List.of() : List.copyOf(history);
    }

    /** A plan whose years are all open. */
    public static PlanYears open(String planId) {
        return new PlanYears(planId, 0, Set.of(), List.of());
    }

    /**
     * One close, reopening or review of a fiscal year.
     *
     * @param reason    why (a close with reports missing, a reopening); a review's note
     * @param edition   the edition the step froze (a close, a review); null for a reopening
     * @param reference what the step answers: a review's id in the plan service
     */
    public record Step(int fiscalYear, Action action, String by, Instant at, String reason, String edition,
            String reference) {
    }

    public enum Action {
        /** 年度締め: freezes an edition */
        CLOSED,
        /** 締め解除 */
        REOPENED,
        /** 年度見直し recorded in the plan service: freezes an edition, the year stays as it is */
        REVIEWED
    }

    /** Whether a step already answers this reference (a review handled once, however often it is delivered). */
    public boolean answered(String reference) {
        return reference != null && history.stream().anyMatch(step -> reference.equals(step.reference()));
    }

    /** The editions frozen, oldest first. */
    public List<Step> editions() {
        return history.stream().filter(step -> step.edition() != null).toList();
    }

    public boolean isClosed(int fiscalYear) {
        return closed.contains(fiscalYear);
    }

    PlanYears with(Step step) {
        Set<Integer> years = new TreeSet<>(closed);
        if (step.action() == Action.CLOSED) {
            years.add(step.fiscalYear());
        } else if (step.action() == Action.REOPENED) {
            years.remove(step.fiscalYear());
        }
        List<Step> steps = new ArrayList<>(history);
        steps.add(step);
        return new PlanYears(planId, version + 1, years, steps);
    }
}
