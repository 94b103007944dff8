package jp.shinchoku.benchmark;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a report's time goes, from each service's own timers (its {@code /actuator/prometheus}) read before and after
 * a phase: the Kafka listeners (the intake, each consumer), the store's commands by type and collection (the writes
 * and reads, as the driver times them, the store's answer included), the outbox relay's sends, the HTTP requests. What
 * moved in the phase is divided by the reports sent: calls per report and milliseconds per report (summed over
 * threads, so the figures are the service's work, not the report's wait; a listener's or a request's time holds the
 * store commands it made).
 */
final class ServiceCosts {

    /** {@code name{labels} value}, the text format's sample line. */
    private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{(.*)})?\\s+(\\S+)");
    private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"");
    /** Labels that name what was timed; the rest (application, outcome, exception, server address …) are left out. */
    private static final List<String> NAMING = List.of("command", "collection", "spring_kafka_listener_id",
            "spring_kafka_template_name", "messaging_destination_name", "method", "uri", "name", "topic", "channel");

    /** One timer's count and total seconds. */
    record Timer(double count, double seconds) {
    }

    /** A service's timers at one moment, by a readable name of each (the metric and the labels naming what it times). */
    record Snapshot(Map<String, Timer> timers) {
    }

    private ServiceCosts() {
    }

    static Snapshot read(ServiceProcess service) {
        try {
            var response = service.getAuthorized("/actuator/prometheus");
            return response.statusCode() == 200 ? parse(response.body()) : new Snapshot(Map.of());
        } catch (Exception e) {
            return new Snapshot(Map.of());
        }
    }

    static Snapshot parse(String text) {
        Map<String, double[]> timers = new TreeMap<>();
        for (String line : text.split("\n")) {
            if (line.startsWith("#")) {
                continue;
            }
            Matcher sample = SAMPLE.matcher(line);
            if (!sample.find()) {
                continue;
            }
            String metric = sample.group(1);
            int field;
            if (metric.endsWith("_seconds_count")) {
                field = 0;
            } else if (metric.endsWith("_seconds_sum")) {
                field = 1;
            } else {
                continue;
            }
            String base = metric.substring(0, metric.lastIndexOf("_seconds_"));
            Map<String, String> labels = new LinkedHashMap<>();
            if (sample.group(3) != null) {
                Matcher label = LABEL.matcher(sample.group(3));
                while (label.find()) {
                    labels.put(label.group(1), label.group(2));
                }
            }
            if (labels.getOrDefault("uri", "").startsWith("/actuator")) {
                continue; // the benchmark's own samples of heap and timers
            }
            String name = name(base, labels);
            double value;
            try {
                value = Double.parseDouble(sample.group(4));
            } catch (NumberFormatException e) {
                continue;
            }
            timers.computeIfAbsent(name, n -> new double[2])[field] += value;
        }
        Map<String, Timer> result = new LinkedHashMap<>();
        timers.forEach((name, values) -> result.put(name, new Timer(values[0], values[1])));
        return new Snapshot(result);
    }

    private static String name(String metric, Map<String, String> labels) {
        String readable = switch (metric) {
            case "mongodb_driver_commands" -> "store";
            case "spring_kafka_listener" -> "listener";
            case "spring_kafka_template" -> "send";
            case "http_server_requests" -> "http";
            case "http_client_requests" -> "http client";
            // not work but waits, each from its start to its end: shown as a mean per call
            case "shinchoku_outbox_delay" -> "wait: outbox (written → published)";
            case "shinchoku_report_to_progress" -> "wait: report → progress event";
            case "shinchoku_report_to_alert" -> "wait: report → alert";
            default -> metric.replace('_', '.');
        };
        StringBuilder name = new StringBuilder(readable);
        for (String label : NAMING) {
            String value = labels.get(label);
            if (value != null && !value.isBlank()) {
                name.append(' ').append(value);
            }
        }
        return name.toString();
    }

    /**
     * Lines saying what moved in a service between the two snapshots, per report: the store's commands by type (find,
     * insert, update, delete, getMore …), the mean waits, then the {@code top} timers that took the most time.
     */
    static List<String> perReport(String service, Snapshot before, Snapshot after, int reports, int top) {
        record Moved(String name, double calls, double seconds) {
        }
        List<Moved> moved = new ArrayList<>();
        Map<String, Double> commands = new TreeMap<>();
        after.timers().forEach((name, timer) -> {
            Timer was = before.timers().getOrDefault(name, new Timer(0, 0));
            double calls = timer.count() - was.count();
            if (calls > 0) {
                moved.add(new Moved(name, calls, timer.seconds() - was.seconds()));
                if (name.startsWith("store ")) {
                    commands.merge(name.split(" ")[1], calls, Double::sum);
                }
            }
        });
        List<String> lines = new ArrayList<>();
        if (moved.isEmpty() || reports == 0) {
            return lines;
        }
        StringBuilder store = new StringBuilder();
        commands.forEach((command, calls) -> store.append(String.format(" %s %.2f", command, calls / reports)));
        lines.add(String.format("  %-21s store commands per report:%s", service, store.isEmpty() ? " none" : store));
        StringBuilder waits = new StringBuilder();
        moved.stream().filter(m -> m.name().startsWith("wait: ")).forEach(m -> waits.append(String.format("; %s %,.0f ms",
                m.name().substring("wait: ".length()), m.seconds() * 1000 / m.calls())));
        if (!waits.isEmpty()) {
            lines.add(String.format("  %-21s mean waits: %s", service, waits.substring(2)));
        }
        moved.stream().filter(m -> !m.name().startsWith("wait: "))
                .sorted(Comparator.comparingDouble(Moved::seconds).reversed()).limit(top).forEach(m -> lines.add(
                String.format("  %-21s   %8.2f ms %8.3f calls  %s", "", m.seconds() * 1000 / reports,
                        m.calls() / reports, m.name())));
        return lines;
    }
}
