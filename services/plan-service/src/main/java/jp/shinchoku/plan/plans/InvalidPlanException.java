package jp.shinchoku.plan.plans;

import java.util.List;

/** A plan that cannot be accepted, with every problem found in it. */
public class InvalidPlanException extends RuntimeException {

    private final List<Violation> violations;

    public InvalidPlanException(List<Violation> violations) {
        super(violations.size() + " problems in the plan, first: " + violations.getFirst().path() + ": "
                + violations.getFirst().messageEn());
        this.violations = List.copyOf(violations);
    }

    public List<Violation> violations() {
        return violations;
    }
}
