package jp.shinchoku.measurement.measurements.web;

import java.time.Duration;
import java.util.List;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jp.shinchoku.measurement.measurements.MeasurementService;
import org.springframework.stereotype.Component;

/**
 * Reports as ops count them: received per channel ({@code rest}, {@code csv}, {@code kafka}, {@code portal}) and outcome
 * ({@code accepted}, {@code replayed}, {@code rejected}), and the time from a report's arrival to its progress change
 * being written (its event follows through the outbox), with buckets at the service levels the pipeline aims for.
 */
@Component
public class ReportMeters {

    /** The header the portal sends its calls with, so that its reports count as its own channel. */
    public static final String CHANNEL_HEADER = "X-Shinchoku-Channel";

    private final MeterRegistry meters;
    private final Timer toProgress;

    public ReportMeters(MeterRegistry meters) {
        this.meters = meters;
        this.toProgress = Timer.builder("shinchoku.report.to.progress")
                .description("From a report's arrival to its progress change written")
                .serviceLevelObjectives(Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(250),
                        Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofMillis(2500), Duration.ofSeconds(5),
                        Duration.ofSeconds(10), Duration.ofSeconds(30), Duration.ofSeconds(60), Duration.ofSeconds(120))
                .register(meters);
        // every series from the start, so that a rate is there before the first report of a kind
        for (String channel : List.of("rest", "csv", "kafka", "portal")) {
            for (String outcome : List.of("accepted", "replayed", "rejected")) {
                counter(channel, outcome);
            }
        }
    }

    /** The channel of a REST call: the portal's when it says so, else {@code rest} (or {@code csv} for a file). */
    public static String channel(String header, String otherwise) {
        return "portal".equalsIgnoreCase(header) ? "portal" : otherwise;
    }

    /**
     * Counts a batch's outcomes, and for each report kept the time since it arrived.
     *
     * @param arrivedAt each outcome's arrival (wall clock, epoch milliseconds), in the outcomes' order
     */
    public void recorded(String channel, List<MeasurementService.Outcome> outcomes, List<Long> arrivedAt) {
        long now = System.currentTimeMillis();
        for (int i = 0; i < outcomes.size(); i++) {
            switch (outcomes.get(i)) {
                case MeasurementService.Recorded recorded -> {
                    count(channel, recorded.replayed() ? "replayed" : "accepted", 1);
                    if (!recorded.replayed()) {
                        toProgress.record(Duration.ofMillis(Math.max(0, now - arrivedAt.get(i))));
                    }
                }
                case MeasurementService.Rejected ignored -> count(channel, "rejected", 1);
            }
        }
    }

    /** Reports refused before they reached the service (a row of a file that could not be read, a bad token). */
    public void rejected(String channel, int reports) {
        count(channel, "rejected", reports);
    }

    private void count(String channel, String outcome, int reports) {
        if (reports > 0) {
            counter(channel, outcome).increment(reports);
        }
    }

    private Counter counter(String channel, String outcome) {
        return Counter.builder("shinchoku.reports").description("Reports received, by channel and outcome")
                .tag("channel", channel).tag("outcome", outcome).register(meters);
    }
}
