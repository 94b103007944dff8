package jp.shinchoku.plan.plans;

import java.util.Optional;

/** A milestone's status as its department reports it. */
public enum MilestoneStatus {
    NOT_STARTED,
    IN_PROGRESS,
    DONE,
    DELAYED,
    CANCELLED;

    /** 未着手, 実施中, 完了, 遅延, 中止 ({@code milestone-status.<status>} of {@link PlanTexts}). */
    public String label() {
        return PlanTexts.TEXTS.ja("milestone-status." + name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
    }

    /** Reads {@code in-progress} or {@code 実施中}. */
    public static Optional<MilestoneStatus> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String normalized = text.strip();
        for (MilestoneStatus status : values()) {
            if (status.label().equals(normalized) || status == WireNames.parse(MilestoneStatus.class, normalized)) {
                return Optional.of(status);
            }
        }
        return Optional.empty();
    }
}
