package jp.shinchoku.notification.alerts;

/** Who an alert is for. */
public final class Receiver {

    /** 推進本部 (情報化推進会議): the body that manages the plan's progress. */
    public static final String PROMOTION_HQ = "promotion-hq";

    private Receiver() {
    }
}
