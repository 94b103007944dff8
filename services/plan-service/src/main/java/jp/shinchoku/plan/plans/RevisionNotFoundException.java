package jp.shinchoku.plan.plans;

/** The plan has no revision with that number, or did not exist yet on the day asked for. */
public class RevisionNotFoundException extends RuntimeException {

    private final String planId;
    private final String revision;

    public RevisionNotFoundException(String planId, String revision) {
        super("plan " + planId + " has no revision " + revision);
        this.planId = planId;
        this.revision = revision;
    }

    public String planId() {
        return planId;
    }

    public String revision() {
        return revision;
    }
}
