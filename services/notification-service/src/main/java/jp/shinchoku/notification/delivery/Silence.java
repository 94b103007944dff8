package jp.shinchoku.notification.delivery;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import jp.shinchoku.notification.alerts.LabelMatcher;

/**
 * A silence: alerts whose labels match every matcher are not told between {@code startsAt} and {@code endsAt} —
 * for instance an approved extension of a milestone. Who made it and why are kept; it may be expired early.
 */
public record Silence(String id, List<LabelMatcher> matchers, Instant startsAt, Instant endsAt, String createdBy,
        String comment, Instant createdAt, Instant expiredAt, String expiredBy) {

    public Silence {
        matchers = List.copyOf(matchers);
    }

    public boolean isActive(Instant now) {
        return !now.isBefore(startsAt) && now.isBefore(endsAt) && (expiredAt == null || now.isBefore(expiredAt));
    }

    public boolean isExpired(Instant now) {
        return !now.isBefore(endsAt) || (expiredAt != null && !now.isBefore(expiredAt));
    }

    public boolean mutes(Map<String, String> labels, Instant now) {
        return isActive(now) && LabelMatcher.all(matchers, labels);
    }

    public Silence expire(String by, Instant now) {
        return new Silence(id, matchers, startsAt, endsAt, createdBy, comment, createdAt, now, by);
    }

    /** {@code pending} (starts later), {@code active} or {@code expired}. */
    public String state(Instant now) {
        return isExpired(now) ? "expired" : isActive(now) ? "active" : "pending";
    }
}
