package jp.shinchoku.plan.plans;

import java.util.List;

/** A revision or review that cannot be made, with every problem found in it; the plan stays as it was. */
public class InvalidRevisionException extends RuntimeException {

    private final List<Violation> violations;

    public InvalidRevisionException(List<Violation> violations) {
        super(violations.size() + " problems in the revision, first: " + violations.getFirst().path() + ": "
                + violations.getFirst().messageEn());
        this.violations = List.copyOf(violations);
    }

    public List<Violation> violations() {
        return violations;
    }
}
