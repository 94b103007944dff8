package jp.shinchoku.notification.alerts.config;

import java.time.Duration;
import java.time.Instant;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jp.shinchoku.notification.alerts.AlertService;
import jp.shinchoku.notification.kpis.KpiWatchRepository;
import jp.shinchoku.notification.plans.PlanWatchRepository;
import net.javacrumbs.shedlock.core.DefaultLockingTaskExecutor;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.core.LockingTaskExecutor;
import net.javacrumbs.shedlock.provider.mongo.MongoLockProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.data.mongodb.core.MongoTemplate;
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
    LockProvider evaluationLockProvider(MongoTemplate mongo) {
        return new MongoLockProvider(mongo.getDb());
    }

    @Bean
    Evaluation evaluation(LockProvider locks, AlertService alerts, KpiWatchRepository kpis, PlanWatchRepository plans,
            MeterRegistry meters) {
        return new Evaluation(new DefaultLockingTaskExecutor(locks), alerts, kpis, plans, meters);
    }

    /** Runs the whole evaluation under the lock. */
    public static class Evaluation {

        private final LockingTaskExecutor executor;
        private final AlertService alerts;
        private final KpiWatchRepository kpis;
        private final PlanWatchRepository plans;
        private final Timer timer;

        Evaluation(LockingTaskExecutor executor, AlertService alerts, KpiWatchRepository kpis, PlanWatchRepository plans,
                MeterRegistry meters) {
            this.executor = executor;
            this.alerts = alerts;
            this.kpis = kpis;
            this.plans = plans;
            this.timer = Timer.builder("shinchoku.alerts.evaluation")
                    .description("Evaluations of every alert rule (daily and at start-up)").register(meters);
        }

        /** @return whether this instance evaluated (false when another held the lock) */
        public boolean run() {
            LockingTaskExecutor.TaskResult<AlertService.Outcome> result;
            try {
                result = executor.executeWithLock(() -> timer.record(() -> alerts.evaluateAll(kpis.findAll(), plans.findAll())),
                        new LockConfiguration(Instant.now(), LOCK, Duration.ofMinutes(30), Duration.ZERO));
            } catch (Throwable e) {
                throw new IllegalStateException("alert evaluation failed", e);
            }
            if (result.wasExecuted()) {
                log.info("alert evaluation: {}", result.getResult());
            } else {
                log.info("alert evaluation skipped: another instance holds the lock");
            }
            return result.wasExecuted();
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
