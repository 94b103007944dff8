package jp.shinchoku.notification.alerts.config;

import java.time.Duration;
import java.util.Optional;

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
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Evaluates every rule over everything watched: daily (by default at 09:00 Asia/Tokyo,
 * {@code shinchoku.notification.evaluation.cron}) and at start-up. With several instances running, one evaluation
 * runs at a time: ShedLock's Mongo provider holds the lock in the {@code shedLock} collection; an instance that finds
 * it held skips its turn.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
public class ScheduledEvaluation {

    static final String LOCK = "notification-evaluation";
    private static final Logger log = LoggerFactory.getLogger(ScheduledEvaluation.class);

    @Bean
    Evaluation evaluation(LockProvider locks, AlertService alerts, KpiWatchRepository kpis, PlanWatchRepository plans,
            MeterRegistry meters, Traces traces) {
        return new Evaluation(new ExclusiveRun(locks, LOCK, Duration.ofMinutes(30), meters, "shinchoku.alerts.evaluation",
                "Evaluations of every alert rule (daily and at start-up)", traces), alerts, kpis, plans, meters);
    }

    /** Runs the whole evaluation under the lock. */
    public static class Evaluation {

        private final ExclusiveRun exclusive;
        private final AlertService alerts;
        private final KpiWatchRepository kpis;
        private final PlanWatchRepository plans;

        private final java.util.concurrent.atomic.AtomicLong lastSuccess = new java.util.concurrent.atomic.AtomicLong();

        Evaluation(ExclusiveRun exclusive, AlertService alerts, KpiWatchRepository kpis, PlanWatchRepository plans,
                MeterRegistry meters) {
            io.micrometer.core.instrument.Gauge.builder("shinchoku.daily.run.last.success", lastSuccess,
                            java.util.concurrent.atomic.AtomicLong::doubleValue).tag("run", "alerts").baseUnit("seconds")
                    .description("When this instance last finished the full alert evaluation (epoch seconds, wall clock)")
                    .register(meters);
            this.exclusive = exclusive;
            this.alerts = alerts;
            this.kpis = kpis;
            this.plans = plans;
        }

        /** @return whether this instance evaluated (false when another held the lock) */
        public boolean run() {
            Optional<AlertService.Outcome> outcome = exclusive.run(() -> {
                AlertService.Outcome done = alerts.evaluateAll(kpis::findAll, plans::findAll);
                log.info("alert evaluation: {}", done);
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
