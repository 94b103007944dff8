package jp.shinchoku.plan.plans;

import java.util.Optional;

/** A milestone's status as its department reports it. */
public enum MilestoneStatus {
    NOT_STARTED("未着手"),
    IN_PROGRESS("実施中"),
    DONE("完了"),
    DELAYED("遅延"),
    CANCELLED("中止");

    private final String label;

    MilestoneStatus(String label) {
        this.label = label;
    }

    /** 未着手, 実施中, 完了, 遅延, 中止. */
    public String label() {
        return label;
    }

    /** Reads {@code in-progress} or {@code 実施中}. */
    public static Optional<MilestoneStatus> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String normalized = text.strip();
        for (MilestoneStatus status : values()) {
            if (status.label.equals(normalized) || status == WireNames.parse(MilestoneStatus.class, normalized)) {
                return Optional.of(status);
            }
        }
        return Optional.empty();
    }
}
