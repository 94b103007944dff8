package jp.shinchoku.notification.alerts;

import java.time.LocalDate;
import java.util.Optional;

/**
 * The first day after today among days on which a rule's condition may change with the calendar alone: each rule
 * offers its candidate days, those not after today are passed over, and the earliest is kept. An earlier day than need
 * be only costs a read; a day missed would leave an alert as it was.
 */
final class NextDay {

    private final LocalDate today;
    private LocalDate earliest;

    NextDay(LocalDate today) {
        this.today = today;
    }

    NextDay offer(LocalDate day) {
        if (day != null && day.isAfter(today) && (earliest == null || day.isBefore(earliest))) {
            earliest = day;
        }
        return this;
    }

    NextDay offer(Optional<LocalDate> day) {
        return offer(day.orElse(null));
    }

    Optional<LocalDate> day() {
        return Optional.ofNullable(earliest);
    }

    /** The earlier of two days. */
    static LocalDate earlier(LocalDate one, LocalDate other) {
        return one.isBefore(other) ? one : other;
    }

    /** The earlier of two optional days. */
    static Optional<LocalDate> min(Optional<LocalDate> one, Optional<LocalDate> other) {
        if (one.isEmpty()) {
            return other;
        }
        if (other.isEmpty()) {
            return one;
        }
        return one.get().isBefore(other.get()) ? one : other;
    }
}
