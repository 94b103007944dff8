package jp.shinchoku.plan.plans;

public class MilestoneNotFoundException extends RuntimeException {

    private final String milestoneId;

    public MilestoneNotFoundException(String planId, String milestoneId) {
        super("plan " + planId + " has no milestone " + milestoneId);
        this.milestoneId = milestoneId;
    }

    public String milestoneId() {
        return milestoneId;
    }
}
