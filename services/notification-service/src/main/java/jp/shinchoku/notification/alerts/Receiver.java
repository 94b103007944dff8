package jp.shinchoku.notification.alerts;

import java.util.Map;

/** Who an alert is for: the 推進本部, a department ({@code department:<code>}), or whom a route names. */
public final class Receiver {

    /** 推進本部 (情報化推進会議): the body that manages the plan's progress. */
    public static final String PROMOTION_HQ = "promotion-hq";

    /** 最高情報統括責任者 (CIO): told of the 推進本部's alerts left unacknowledged. */
    public static final String CIO = "cio";

    /** In a route: the department the alert concerns (its {@code departmentCode} label). */
    public static final String DEPARTMENT = "department";

    private static final String DEPARTMENT_PREFIX = "department:";

    private Receiver() {
    }

    /** A department's inbox: {@code department:shimin}. */
    public static String department(String departmentCode) {
        return DEPARTMENT_PREFIX + departmentCode;
    }

    /** The department code of a department's receiver name, or null. */
    public static String departmentCode(String receiver) {
        return receiver.startsWith(DEPARTMENT_PREFIX) ? receiver.substring(DEPARTMENT_PREFIX.length()) : null;
    }

    /** A route's receiver for an alert's labels: {@code department} becomes the department's; null when none. */
    static String resolve(String receiver, Map<String, String> labels) {
        if (!DEPARTMENT.equals(receiver)) {
            return receiver;
        }
        String code = labels.get("departmentCode");
        return code == null ? null : department(code);
    }

    /** The receiver's name in Japanese. */
    public static String nameJa(String receiver) {
        return switch (receiver) {
            case PROMOTION_HQ -> AlertTexts.TEXTS.ja("receiver.promotion-hq");
            case CIO -> AlertTexts.TEXTS.ja("receiver.cio");
            default -> departmentCode(receiver) == null ? receiver
                    : AlertTexts.TEXTS.ja("receiver.department", departmentCode(receiver));
        };
    }
}
