package jp.shinchoku.plan.plans;

public class PlanNotFoundException extends RuntimeException {

    private final String planId;

    public PlanNotFoundException(String planId) {
        super("no plan " + planId);
        this.planId = planId;
    }

    public String planId() {
        return planId;
    }
}
