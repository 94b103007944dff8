package jp.shinchoku.notification.alerts;

/** Who an alert is for: the 推進本部, or a department ({@code department:<code>}). */
public final class Receiver {

    /** 推進本部 (情報化推進会議): the body that manages the plan's progress. */
    public static final String PROMOTION_HQ = "promotion-hq";

    private static final String DEPARTMENT = "department:";

    private Receiver() {
    }

    /** A department's inbox: {@code department:shimin}. */
    public static String department(String departmentCode) {
        return DEPARTMENT + departmentCode;
    }
}
