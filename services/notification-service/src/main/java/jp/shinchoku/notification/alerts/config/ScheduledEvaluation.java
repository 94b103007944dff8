package jp.shinchoku.notification.alerts.config;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jp.shinchoku.notification.alerts.AlertService;
import jp.shinchoku.notification.kpis.KpiWatchRepository;
import jp.shinchoku.notification.plans.PlanWatchRepository;
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
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Evaluates the alert rules as the days pass: daily (by default at 09:00 Asia/Tokyo,
 * {@code shinchoku.notification.evaluation.cron}) and at start-up. Every evaluation plans the next day on which the
 * calendar alone may change what it judged ({@link jp.shinchoku.notification.alerts.EvaluationSchedule}), so a day
 * reads only the KPIs, plans and departments planned for the days since the last run (that day's list again, for what
 * was planned after it ran) up to today, by key, and the alerts whose escalation day has come. The first run (no
 * {@code scheduled} run kept in {@code evaluation_runs}), a run after the clock went back or after more than a year
 * without one, the first after the rules' settings changed (the days were planned by the settings before), and
 * {@link Evaluation#runFull()} evaluate every rule over everything and plan it all. With several
 * instances running, one evaluation runs at a time: ShedLock's Mongo provider holds the lock in the {@code shedLock}
 * collection; an instance that finds it held skips its turn.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
public class ScheduledEvaluation {

    static final String LOCK = "notification-evaluation";
    static final String RUNS = "evaluation_runs";
    private static final Logger log = LoggerFactory.getLogger(ScheduledEvaluation.class);

    @Bean
    Evaluation evaluation(LockProvider locks, AlertService alerts, KpiWatchRepository kpis, PlanWatchRepository plans,
            MongoTemplate mongo, Clock clock, MeterRegistry meters, Traces traces) {
        return new Evaluation(new ExclusiveRun(locks, LOCK, Duration.ofMinutes(30), meters, "shinchoku.alerts.evaluation",
                "Evaluations of the alert rules (daily and at start-up)", traces), alerts, kpis, plans, mongo, clock,
                meters);
    }

    /**
     * The day of the last run; {@code scheduled}: everything has its next day planned since, by the rules' settings
     * whose digest is {@code settings}.
     */
    record LastRun(@Id String id, LocalDate day, Instant finishedAt, Boolean scheduled, Boolean full, String settings) {
    }

    /** A digest of the rules' settings (records all the way down: their text is their value). */
    static String digest(Object settings) {
        try {
            byte[] hash = java.security.MessageDigest.getInstance("SHA-256")
                    .digest(String.valueOf(settings).getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(hash, 0, 16);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Runs the evaluation under the lock. */
    public static class Evaluation {

        private final ExclusiveRun exclusive;
        private final AlertService alerts;
        private final KpiWatchRepository kpis;
        private final PlanWatchRepository plans;
        private final MongoTemplate mongo;
        private final Clock clock;
        private final AtomicLong lastSuccess = new AtomicLong();

        Evaluation(ExclusiveRun exclusive, AlertService alerts, KpiWatchRepository kpis, PlanWatchRepository plans,
                MongoTemplate mongo, Clock clock, MeterRegistry meters) {
            Gauge.builder("shinchoku.daily.run.last.success", lastSuccess, AtomicLong::doubleValue).tag("run", "alerts")
                    .baseUnit("seconds")
                    .description("When this instance last finished the alert evaluation (epoch seconds, wall clock)")
                    .register(meters);
            this.exclusive = exclusive;
            this.alerts = alerts;
            this.kpis = kpis;
            this.plans = plans;
            this.mongo = mongo;
            this.clock = clock;
        }

        /** The day's evaluation: by schedule, or in full where nothing is planned yet. @return whether it ran here */
        public boolean run() {
            return evaluate(false);
        }

        /** Every rule over everything, whatever is planned (and everything planned again). @return whether it ran here */
        public boolean runFull() {
            return evaluate(true);
        }

        private boolean evaluate(boolean full) {
            Optional<AlertService.Outcome> outcome = exclusive.run(() -> {
                LocalDate today = LocalDate.now(clock);
                LastRun last = mongo.findById("daily", LastRun.class, RUNS);
                String settings = digest(alerts.policy());
                boolean scheduled = !full && last != null && Boolean.TRUE.equals(last.scheduled())
                        && settings.equals(last.settings()) && !last.day().isAfter(today)
                        && !last.day().plusYears(1).isBefore(today);
                AlertService.Outcome done = scheduled ? alerts.evaluateScheduled(last.day(), today, kpis)
                        : alerts.evaluateAll(kpis::findAll, plans::findAll);
                mongo.upsert(Query.query(where("_id").is("daily")), new Update().set("day", today)
                        .set("finishedAt", clock.instant()).set("scheduled", true).set("full", !scheduled).set("settings", settings), RUNS);
                log.info("alert evaluation for {} ({}): {}", today, scheduled ? "by schedule" : "full", done);
                return done;
            });
            outcome.ifPresentOrElse(o -> lastSuccess.set(System.currentTimeMillis() / 1000),
                    () -> log.info("alert evaluation skipped: another instance holds the lock"));
            return outcome.isPresent();
        }

        @Scheduled(cron = "${shinchoku.notification.evaluation.cron:0 0 9 * * *}",
                zone = "${shinchoku.notification.evaluation.zone:Asia/Tokyo}")
        void daily() {
            run();
        }

        @EventListener(ApplicationReadyEvent.class)
        void atStartUp() {
            run();
        }
    }
}
