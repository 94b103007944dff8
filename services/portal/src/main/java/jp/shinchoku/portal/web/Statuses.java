package jp.shinchoku.portal.web;

import java.util.Map;

/**
 * The services' progress statuses, as the open-data export names them (Japanese labels), and the key each has in
 * the portal's message bundles ({@code status.ACHIEVED}, …) and style sheet ({@code status-achieved}).
 */
final class Statuses {

    private static final Map<String, String> BY_LABEL = Map.of(
            "達成", "ACHIEVED", "順調", "ON_TRACK", "注意", "AT_RISK", "遅れ", "BEHIND", "未達", "MISSED",
            "未報告", "NO_DATA", "目標未設定", "TARGET_UNDEFINED", "定性", "NOT_MEASURABLE");

    private Statuses() {
    }

    /** The status code of a label or a code; {@code UNKNOWN} for anything else. */
    static String code(String labelOrCode) {
        if (labelOrCode == null) {
            return "UNKNOWN";
        }
        if (BY_LABEL.containsValue(labelOrCode)) {
            return labelOrCode;
        }
        return BY_LABEL.getOrDefault(labelOrCode, "UNKNOWN");
    }
}
