package jp.shinchoku.plan.plans;

/** How often departments report progress to the promotion body. */
public enum ReportingCadence {
    MONTHLY, QUARTERLY, SEMIANNUAL, ANNUAL
}
