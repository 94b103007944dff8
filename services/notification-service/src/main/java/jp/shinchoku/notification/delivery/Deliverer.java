package jp.shinchoku.notification.delivery;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Sends the pending deliveries whose attempt is due. A failed attempt is tried again after a backoff that doubles
 * each time ({@code initialBackoff}, 2×, 4×, …); after {@code maxAttempts} failures, or at once when trying again
 * cannot help (a host not on the allow-list), the delivery is dead-lettered: kept in the log with the reason, told
 * as {@code alert.delivered} with outcome {@code dead-lettered}, and sendable again by an operator.
 */
public class Deliverer {

    private final NotificationLog log;
    private final Map<String, Channel> channels;
    private final int maxAttempts;
    private final Duration initialBackoff;
    private final Clock clock;

    public Deliverer(NotificationLog log, List<Channel> channels, int maxAttempts, Duration initialBackoff, Clock clock) {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts is 1 or more");
        }
        this.log = log;
        this.channels = channels.stream().collect(Collectors.toMap(Channel::name, Function.identity()));
        this.maxAttempts = maxAttempts;
        this.initialBackoff = initialBackoff;
        this.clock = clock;
    }

    /** What a round of deliveries did; {@code attempts}: each delivery as the round left it. */
    public record Outcome(int delivered, int retrying, int deadLettered, List<Delivery> attempts) {
        public Outcome {
            attempts = List.copyOf(attempts);
        }

        @Override
        public String toString() {
            return "Outcome[delivered=" + delivered + ", retrying=" + retrying + ", deadLettered=" + deadLettered + "]";
        }
    }

    public Outcome deliverDue() {
        Instant now = clock.instant();
        int delivered = 0;
        int retrying = 0;
        int dead = 0;
        List<Delivery> attempts = new java.util.ArrayList<>();
        for (Delivery delivery : log.due(now)) {
            Delivery after = attempt(delivery, now);
            log.update(after);
            attempts.add(after);
            switch (after.status()) {
                case DELIVERED -> delivered++;
                case PENDING -> retrying++;
                case DEAD_LETTERED -> dead++;
            }
        }
        return new Outcome(delivered, retrying, dead, attempts);
    }

    private Delivery attempt(Delivery delivery, Instant now) {
        Channel channel = channels.get(delivery.channel());
        if (channel == null) {
            return delivery.deadLettered("no channel " + delivery.channel() + " is configured", now);
        }
        Notification notification = log.notification(delivery.notificationId()).orElse(null);
        if (notification == null) {
            return delivery.deadLettered("notification " + delivery.notificationId() + " is not in the log", now);
        }
        try {
            channel.send(notification, delivery.target());
            return delivery.delivered(now);
        } catch (Channel.DeliveryFailure failure) {
            if (failure.permanent() || delivery.attempts() + 1 >= maxAttempts) {
                return delivery.deadLettered(failure.getMessage(), now);
            }
            return delivery.failed(failure.getMessage(), initialBackoff.multipliedBy(1L << delivery.attempts()), now);
        }
    }

    /** Sends a dead letter again, from its first attempt. */
    public Delivery retry(Delivery deadLetter) {
        Delivery again = deadLetter.retried(clock.instant());
        log.update(again);
        return again;
    }
}
