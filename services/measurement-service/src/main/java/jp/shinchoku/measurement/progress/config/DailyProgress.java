package jp.shinchoku.measurement.progress.config;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jp.shinchoku.measurement.kpis.KpiCatalog;
import jp.shinchoku.measurement.kpis.KpiDefinition;
import jp.shinchoku.measurement.progress.ProgressSchedule;
import jp.shinchoku.measurement.progress.ProgressService;
import jp.shinchoku.platform.schedule.ExclusiveRun;
import jp.shinchoku.platform.tracing.Traces;
import net.javacrumbs.shedlock.core.LockProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Progress follows the calendar: once a day, as soon as the service's clock has passed midnight (Asia/Tokyo by
 * default), the KPIs the new day can change are recomputed for it and {@code kpi.progress-changed} is published where
 * status, grade, value or achievement changed: a KPI left without reports drifts 順調 → 注意 → 遅れ and becomes 未達
 * the day after its deadline. Which KPIs a day can change comes from the {@link ProgressSchedule} that every
 * computation of progress keeps (so a day reads those KPIs only, by key, not all of them); the first run, before any
 * schedule was kept, and a run after more than a year without one recompute every KPI and plan each one. The service checks every few minutes ({@code shinchoku.progress.daily.check}, default 5 min) and
 * at start-up whether today's run is done, so a run missed while it was down is made up when it starts. With several
 * instances, one runs at a time under a ShedLock lock in MongoDB; the day of the last run is kept in
 * {@code progress_runs}.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
public class DailyProgress {

    static final String LOCK = "measurement-daily-progress";
    static final String RUNS = "progress_runs";
    static final int BATCH = 500;
    private static final Logger log = LoggerFactory.getLogger(DailyProgress.class);

    @Bean
    Run dailyProgressRun(LockProvider locks, MongoTemplate mongo, KpiCatalog kpis, ProgressService progress,
            ProgressSchedule schedule, Clock clock, MeterRegistry meters, Traces traces) {
        return new Run(new ExclusiveRun(locks, LOCK, Duration.ofMinutes(30), meters, "shinchoku.progress.daily",
                "Daily recomputation of the KPIs' progress", traces), mongo, kpis, progress, schedule, clock, meters);
    }

    /** The day of the last completed run; {@code scheduled}: every KPI has its next day planned since. */
    record LastRun(@Id String id, LocalDate day, Instant finishedAt, int kpis, int changed, Boolean scheduled) {
    }

    /** What one run did. */
    public record Outcome(LocalDate day, int kpis, int changed, Duration took) {
    }

    /** The daily run: recompute every KPI for today, once per day, under the lock. */
    public static class Run {

        private final ExclusiveRun exclusive;
        private final MongoTemplate mongo;
        private final KpiCatalog kpis;
        private final ProgressService progress;
        private final ProgressSchedule schedule;
        private final Clock clock;
        private final Counter changes;
        private final AtomicLong lastSuccess = new AtomicLong();

        Run(ExclusiveRun exclusive, MongoTemplate mongo, KpiCatalog kpis, ProgressService progress,
                ProgressSchedule schedule, Clock clock, MeterRegistry meters) {
            this.exclusive = exclusive;
            this.mongo = mongo;
            this.kpis = kpis;
            this.progress = progress;
            this.schedule = schedule;
            this.clock = clock;
            this.changes = Counter.builder("shinchoku.progress.daily.changes")
                    .description("Progress changes the passing of days made").register(meters);
            Gauge.builder("shinchoku.daily.run.last.success", lastSuccess, AtomicLong::doubleValue).tag("run", "progress")
                    .baseUnit("seconds")
                    .description("When this instance last saw the day's run done (epoch seconds, wall clock)")
                    .register(meters);
        }

        /** The day the last run was for, if any. */
        public LocalDate lastRunDay() {
            LastRun last = lastRun();
            return last == null ? null : last.day();
        }

        private LastRun lastRun() {
            return mongo.findById("daily", LastRun.class, RUNS);
        }

        /** Runs unless today's run is done (here or by another instance). @return what it did, or null */
        @Scheduled(fixedDelayString = "${shinchoku.progress.daily.check:PT5M}",
                initialDelayString = "${shinchoku.progress.daily.check:PT5M}")
        public Outcome runIfDue() {
            LocalDate today = LocalDate.now(clock);
            LocalDate last = lastRunDay();
            if (last != null && !last.isBefore(today)) {
                lastSuccess.set(System.currentTimeMillis() / 1000);
                return null;
            }
            return run();
        }

        @EventListener(ApplicationReadyEvent.class)
        void atStartUp() {
            runIfDue();
        }

        /** Recomputes every KPI for today under the lock. @return what it did, or null when another instance ran */
        public Outcome run() {
            Outcome outcome = exclusive.run(() -> {
                Outcome done = recomputeAll();
                log.info("daily progress run for {}: {} KPIs, {} changed, {} ms", done.day(), done.kpis(),
                        done.changed(), done.took().toMillis());
                return done;
            }).orElse(null);
            if (outcome == null) {
                log.info("daily progress run skipped: another instance holds the lock");
                return null;
            }
            lastSuccess.set(System.currentTimeMillis() / 1000);
            return outcome;
        }

        private Outcome recomputeAll() {
            long started = System.nanoTime();
            LocalDate today = LocalDate.now(clock);
            AtomicInteger seen = new AtomicInteger();
            AtomicInteger changed = new AtomicInteger();
            LastRun last = lastRun();
            if (last != null && Boolean.TRUE.equals(last.scheduled()) && last.day().isBefore(today)
                    && !last.day().plusYears(1).isBefore(today)) {
                List<String> due = new ArrayList<>(schedule.due(last.day(), today));
                for (int from = 0; from < due.size(); from += BATCH) {
                    List<KpiDefinition> batch = kpis.findAll(due.subList(from, Math.min(due.size(), from + BATCH)));
                    seen.addAndGet(batch.size());
                    changed.addAndGet(progress.advance(batch).size());
                }
                schedule.done(last.day(), today);
            } else {
                kpis.forEachBatch(BATCH, batch -> {
                    seen.addAndGet(batch.size());
                    changed.addAndGet(progress.advance(batch).size());
                });
            }
            changes.increment(changed.get());
            mongo.upsert(Query.query(where("_id").is("daily")), new org.springframework.data.mongodb.core.query.Update()
                    .set("day", today).set("finishedAt", clock.instant()).set("kpis", seen.get())
                    .set("changed", changed.get()).set("scheduled", true), RUNS);
            return new Outcome(today, seen.get(), changed.get(), Duration.ofNanos(System.nanoTime() - started));
        }
    }
}
