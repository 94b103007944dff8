package jp.shinchoku.platform.kafka;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.listener.MessageListenerContainer;

/**
 * How far each of the service's consumer groups is behind, per topic ({@code shinchoku.consumer.lag}, in records): the
 * partitions' end offsets less the group's committed offsets, asked of the broker every
 * {@code shinchoku.kafka.lag-refresh} (30 s) with two admin calls per group. A lag that keeps growing means a
 * consumer cannot keep up or is stuck.
 */
public class ConsumerLag implements SmartLifecycle, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(ConsumerLag.class);

    private final KafkaListenerEndpointRegistry listeners;
    private final KafkaAdmin kafka;
    private final Duration every;
    private final MultiGauge lag;
    private ScheduledExecutorService schedule;
    private Admin admin;

    public ConsumerLag(KafkaListenerEndpointRegistry listeners, KafkaAdmin kafka, MeterRegistry meters, Duration every) {
        this.listeners = listeners;
        this.kafka = kafka;
        this.every = every;
        this.lag = MultiGauge.builder("shinchoku.consumer.lag").baseUnit("records")
                .description("Records the consumer group has yet to handle, per topic").register(meters);
    }

    /** Asks the broker once and updates the gauges. */
    public void refresh() {
        Map<Tags, Long> lags = new HashMap<>();
        try {
            if (admin == null) {
                admin = Admin.create(kafka.getConfigurationProperties());
            }
            for (MessageListenerContainer container : listeners.getListenerContainers()) {
                String group = container.getGroupId();
                if (group == null) {
                    continue;
                }
                Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                        .partitionsToOffsetAndMetadata().get(10, TimeUnit.SECONDS);
                if (committed.isEmpty()) {
                    continue;
                }
                Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
                committed.keySet().forEach(partition -> latest.put(partition, OffsetSpec.latest()));
                Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends = admin.listOffsets(latest).all()
                        .get(10, TimeUnit.SECONDS);
                committed.forEach((partition, offset) -> {
                    long end = ends.containsKey(partition) ? ends.get(partition).offset() : 0;
                    long behind = offset == null ? 0 : Math.max(0, end - offset.offset());
                    lags.merge(Tags.of("group", group, "topic", partition.topic()), behind, Long::sum);
                });
            }
            List<MultiGauge.Row<?>> rows = new ArrayList<>();
            lags.forEach((tags, behind) -> rows.add(MultiGauge.Row.of(tags, behind)));
            lag.register(rows, true);
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            log.debug("consumer lag not measured this time: {}", e.toString());
        }
    }

    @Override
    public void start() {
        schedule = Executors.newSingleThreadScheduledExecutor(Thread.ofVirtual().name("shinchoku-consumer-lag").factory());
        schedule.scheduleWithFixedDelay(this::refresh, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void stop() {
        if (schedule != null) {
            schedule.shutdownNow();
            schedule = null;
        }
    }

    @Override
    public boolean isRunning() {
        return schedule != null;
    }

    @Override
    public void destroy() {
        stop();
        if (admin != null) {
            admin.close(Duration.ofSeconds(2));
        }
    }
}
