package jp.shinchoku.platform.time;

import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.chrono.JapaneseDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/** The one {@link Clock} every service reads time from; tests replace it. */
@AutoConfiguration
@EnableConfigurationProperties(ClockProperties.class)
public class ShinchokuClockAutoConfiguration {

    private static final Logger log = LoggerFactory.getLogger(ShinchokuClockAutoConfiguration.class);

    @Bean
    @ConditionalOnMissingBean
    Clock clock(ClockProperties properties) {
        Clock system = Clock.system(properties.zone());
        if (properties.startDate() == null) {
            return system;
        }
        // Anchored at the JVM's start, so services started together in one JVM agree to the millisecond.
        Instant realStart = Instant.ofEpochMilli(ManagementFactory.getRuntimeMXBean().getStartTime());
        Instant simulatedStart = properties.startDate().atTime(LocalTime.of(9, 0)).atZone(properties.zone()).toInstant();
        Clock simulated = Clock.offset(system, Duration.between(realStart, simulatedStart));
        log.info("Simulated clock: the system starts on {} ({})", properties.startDate(),
                JapaneseDate.from(properties.startDate())
                        .format(DateTimeFormatter.ofPattern("GGGGy年M月d日", Locale.JAPAN)));
        return simulated;
    }
}
