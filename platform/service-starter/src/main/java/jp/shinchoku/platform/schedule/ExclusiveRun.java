package jp.shinchoku.platform.schedule;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jp.shinchoku.platform.tracing.Traces;
import net.javacrumbs.shedlock.core.DefaultLockingTaskExecutor;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.core.LockingTaskExecutor;

/**
 * A task that runs on one instance at a time (a ShedLock lock in MongoDB; an instance that finds it held skips its
 * turn), timed by a Micrometer timer and traced as a trace of its own (the events it raises continue it): the daily
 * progress run, the daily alert evaluation, the dispatcher's rounds.
 */
public final class ExclusiveRun {

    private final LockingTaskExecutor executor;
    private final String name;
    private final Duration atMostFor;
    private final Timer timer;
    private final Traces traces;

    /**
     * @param name      the lock's name (one per task)
     * @param atMostFor how long a lock is held at the most (should the instance holding it die)
     * @param meter     the timer's name; {@code description} says what it times
     */
    public ExclusiveRun(LockProvider locks, String name, Duration atMostFor, MeterRegistry meters, String meter,
            String description, Traces traces) {
        this.traces = traces;
        this.executor = new DefaultLockingTaskExecutor(locks);
        this.name = name;
        this.atMostFor = atMostFor;
        this.timer = Timer.builder(meter).description(description).register(meters);
    }

    /** @return the task's result, or empty when another instance held the lock */
    public <T> Optional<T> run(Supplier<T> task) {
        LockingTaskExecutor.TaskResult<T> result;
        try {
            result = executor.executeWithLock(() -> traces.run(name, () -> timer.record(task)),
                    new LockConfiguration(Instant.now(), name, atMostFor, Duration.ZERO));
        } catch (Throwable e) {
            throw new IllegalStateException(name + " failed", e);
        }
        return result.wasExecuted() ? Optional.ofNullable(result.getResult()) : Optional.empty();
    }
}
