package jp.shinchoku.testsupport;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A clock that stands still until a test moves it: to a day (at 09:00 in its zone, when offices open) or forward by
 * a duration. Thread-safe, so a service's listeners and the test agree on the time.
 */
public final class MovableClock extends Clock {

    public static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");

    private final AtomicReference<Instant> now;
    private final ZoneId zone;

    private MovableClock(Instant start, ZoneId zone) {
        this.now = new AtomicReference<>(start);
        this.zone = zone;
    }

    /** A clock in Asia/Tokyo standing at 09:00 of {@code day}. */
    public static MovableClock at(LocalDate day) {
        return new MovableClock(nineOClock(day, TOKYO), TOKYO);
    }

    /** Moves to 09:00 of {@code day}; time never moves back. */
    public void moveTo(LocalDate day) {
        Instant target = nineOClock(day, zone);
        now.updateAndGet(current -> {
            if (target.isBefore(current)) {
                throw new IllegalArgumentException("the clock does not go back: " + day);
            }
            return target;
        });
    }

    public void advance(Duration duration) {
        now.updateAndGet(current -> current.plus(duration));
    }

    public LocalDate today() {
        return LocalDate.ofInstant(instant(), zone);
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId other) {
        return new MovableClock(instant(), other);
    }

    @Override
    public Instant instant() {
        return now.get();
    }

    private static Instant nineOClock(LocalDate day, ZoneId zone) {
        return day.atTime(LocalTime.of(9, 0)).atZone(zone).toInstant();
    }
}
