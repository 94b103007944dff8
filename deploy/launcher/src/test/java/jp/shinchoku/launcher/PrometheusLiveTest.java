package jp.shinchoku.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import jp.shinchoku.embedded.InProcessKafka;
import jp.shinchoku.launcher.LocalSystem.Service;
import jp.shinchoku.testsupport.HttpJson;
import jp.shinchoku.testsupport.SharedInfrastructure;
import jp.shinchoku.testsupport.TestTokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A real Prometheus (Debian's {@code prometheus}) scrapes the running services, as ops would: every expression of every
 * alert rule and dashboard panel in {@code deploy/observability} is valid, and every metric it names has series; after
 * many municipalities' plans are loaded, no label carries an id (KPI, plan, alert, measurement) and the number of series
 * grows with the municipalities only. Skipped with a message where Prometheus is not installed.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PrometheusLiveTest {

    private static final Path PROMETHEUS = Path.of(System.getProperty("shinchoku.prometheus", "/usr/bin/prometheus"));
    private static final Path OBSERVABILITY = Path.of("..", "observability");
    private static final Pattern METRIC = Pattern.compile("\\b((?:shinchoku|http|mongodb|jvm|process)_[a-z_]+)");
    private static final Pattern ID_VALUE = Pattern.compile("(pln|alr|msr|aud|sil|ntf)-[0-9a-z-]{6,}.*");
    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** Municipalities loaded before the services start being scraped, and as many again in the series test. */
    private static final int MUNICIPALITIES = 24;

    private InProcessKafka kafka;
    private LocalSystem system;
    private Process prometheus;
    private Path work;
    private String api;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    void startTheSystemAndPrometheus() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(PROMETHEUS),
                "Prometheus tests skipped: no " + PROMETHEUS + " (apt-get install prometheus; .ci/run does)");
        // a broker of its own: the many plans it loads would otherwise reach every other test's services
        kafka = InProcessKafka.startTemporary();
        system = LocalSystem.start(new LocalSystem.Settings(kafka.bootstrapServers(),
                SharedInfrastructure.get().mongoUri(), "prom-" + UUID.randomUUID().toString().substring(0, 8) + "-",
                null, LocalDate.parse("2023-10-02"))
                .with(TestTokens.PUBLIC_KEY_PROPERTY, TestTokens.publicKeyLocation())
                .with("shinchoku.progress.metrics.first", "PT2S").with("shinchoku.progress.metrics.refresh", "PT5S")
                .with("shinchoku.notification.metrics.first", "PT2S").with("shinchoku.notification.metrics.refresh", "PT5S")
                .with("shinchoku.kafka.lag-refresh", "PT2S"));
        loadPlans(0, MUNICIPALITIES);
        report();

        work = Files.createTempDirectory("shinchoku-prometheus");
        Path token = work.resolve("ops.jwt");
        Files.writeString(token, TestTokens.ops());
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        api = "http://127.0.0.1:" + port;
        StringBuilder config = new StringBuilder("""
                global: {scrape_interval: 2s, evaluation_interval: 2s}
                rule_files: [%s]
                scrape_configs:
                """.formatted(ruleFiles().stream().map(f -> "'" + f.toAbsolutePath() + "'").reduce((a, b) -> a + ", " + b)
                .orElse("")));
        for (Service service : Service.values()) {
            config.append("""
                      - job_name: %s
                        metrics_path: /actuator/prometheus
                        authorization: {credentials_file: '%s'}
                        static_configs: [{targets: ['127.0.0.1:%d']}]
                    """.formatted(service.serviceName(), token.toAbsolutePath(), system.port(service)));
        }
        Files.writeString(work.resolve("prometheus.yml"), config);
        prometheus = new ProcessBuilder(PROMETHEUS.toString(), "--config.file=" + work.resolve("prometheus.yml"),
                "--storage.tsdb.path=" + work.resolve("data"), "--web.listen-address=127.0.0.1:" + port)
                .redirectErrorStream(true).redirectOutput(work.resolve("prometheus.log").toFile()).start();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() ->
                assertThat(query("sum(up)")).as("all three services scraped (targets: %s)", scrapeErrors()).isNotEmpty()
                        .allSatisfy(sample -> assertThat(sample.at("/value/1").asString()).isEqualTo("3")));
    }

    /** Municipalities' plans (the three seed plans under other names, numbered {@code from} to {@code to} - 1). */
    private void loadPlans(int from, int to) throws IOException {
        HttpJson plans = HttpJson.onPort(system.port(Service.PLAN));
        List<String> seeds = List.of("setouchi", "kashihara", "sanjo");
        for (int i = from; i < to; i++) {
            String seed = seeds.get(i % seeds.size());
            // the municipality's name is the first "  name:" of the file (the municipality block comes first)
            String yaml = resource("/demo-plans/" + seed + ".yaml").replaceFirst("(?m)^  name: (.*)$", "  name: $1" + i);
            assertThat(plans.postBytes("/api/plans", yaml.getBytes(StandardCharsets.UTF_8), "application/yaml").status())
                    .as(seed + " " + i).isEqualTo(201);
        }
    }

    /** Reports on every channel. */
    private void report() {
        HttpJson plans = HttpJson.onPort(system.port(Service.PLAN));
        HttpJson measurements = HttpJson.onPort(system.port(Service.MEASUREMENT));
        JsonNode kpis = plans.get("/api/kpi-definitions?size=20").json().get("items");
        await().atMost(Duration.ofSeconds(60)).until(() -> measurements.get("/api/kpis/"
                + kpis.get(0).at("/kpi/id").asString() + "/progress").status() == 200);
        for (JsonNode kpi : kpis) {
            measurements.post("/api/kpis/" + kpi.at("/kpi/id").asString() + "/measurements",
                    "{\"value\": 1, \"measuredOn\": \"2023-09-30\"}");
        }
        measurements.postBytes("/api/measurements/csv", ("kpiId,value,measuredOn\n" + kpis.get(0).at("/kpi/id").asString()
                + ",2,2023-09-30\nno-such-kpi,1,2023-09-30\n").getBytes(StandardCharsets.UTF_8), "text/csv");
    }

    @AfterAll
    void stop() {
        if (prometheus != null) {
            prometheus.destroy();
        }
        if (system != null) {
            system.close();
        }
        if (kafka != null) {
            kafka.close();
        }
    }

    @Test
    void everyRuleAndPanelExpressionIsValidAndEveryMetricItNamesHasSeries() throws Exception {
        List<String> expressions = expressions();
        assertThat(expressions).as("rules and panels found").hasSizeGreaterThan(10);
        Set<String> metrics = new TreeSet<>();
        for (String expression : expressions) {
            JsonNode answer = raw(expression);
            assertThat(answer.path("status").asString()).as("valid: " + expression + " → " + answer).isEqualTo("success");
            Matcher names = METRIC.matcher(expression);
            while (names.find()) {
                metrics.add(names.group(1));
            }
        }
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(2)).untilAsserted(() -> {
            List<String> missing = new ArrayList<>();
            for (String metric : metrics) {
                if (query("count({__name__=\"" + metric + "\"})").isEmpty()) {
                    missing.add(metric);
                }
            }
            assertThat(missing).as("metrics named by rules or panels without any series").isEmpty();
        });
    }

    @Test
    void noLabelCarriesAnIdAndSeriesGrowWithMunicipalitiesOnly() throws Exception {
        HttpJson plans = HttpJson.onPort(system.port(Service.PLAN));
        await().atMost(Duration.ofSeconds(60)).until(() -> municipalitiesCounted() == MUNICIPALITIES);
        int kpisBefore = plans.get("/api/kpi-definitions?size=1").json().path("totalItems").asInt();
        int seriesBefore = shinchokuSeries().size();

        // as many municipalities again: the series grow by what a municipality adds, not by its KPIs
        loadPlans(MUNICIPALITIES, 2 * MUNICIPALITIES);
        await().atMost(Duration.ofSeconds(90)).until(() -> municipalitiesCounted() == 2 * MUNICIPALITIES);
        int kpisAfter = plans.get("/api/kpi-definitions?size=1").json().path("totalItems").asInt();
        JsonNode series = shinchokuSeries();
        System.out.printf("series check: %d municipalities, %d KPIs: %d shinchoku series; %d municipalities, %d KPIs: %d%n",
                MUNICIPALITIES, kpisBefore, seriesBefore, 2 * MUNICIPALITIES, kpisAfter, series.size());

        List<String> offending = new ArrayList<>();
        for (JsonNode one : series) {
            one.properties().forEach(label -> {
                if (ID_VALUE.matcher(label.getValue().asString()).matches()) {
                    offending.add(one.toString());
                }
            });
        }
        assertThat(offending).as("series with an id in a label").isEmpty();
        int added = series.size() - seriesBefore;
        // a municipality adds its statuses by pillar (≤ 10 pillars × 8 statuses), grades (6) and overdue reports (1)
        assertThat(added).as("series added by %d municipalities with %d KPIs", MUNICIPALITIES, kpisAfter - kpisBefore)
                .isPositive().isLessThanOrEqualTo(MUNICIPALITIES * (10 * 8 + 6 + 1))
                .isLessThan(kpisAfter - kpisBefore);
        int kpiSeries = Integer.parseInt(query("count(shinchoku_kpis)").get(0).at("/value/1").asString());
        assertThat(kpiSeries).isLessThanOrEqualTo(2 * MUNICIPALITIES * 10 * 8);
    }

    /** The municipalities the KPI gauges count, as Prometheus last scraped them. */
    private int municipalitiesCounted() throws Exception {
        List<JsonNode> counted = query("count(count by (municipality) (shinchoku_kpis))");
        return counted.isEmpty() ? 0 : Integer.parseInt(counted.get(0).at("/value/1").asString());
    }

    /** Every shinchoku series Prometheus holds (its head: what it scraped in this test). */
    private JsonNode shinchokuSeries() throws Exception {
        return JSON.readTree(get("/api/v1/series?match[]=" + encode("{__name__=~\"shinchoku_.*\"}"))).get("data");
    }

    private List<Path> ruleFiles() throws IOException {
        try (Stream<Path> files = Files.walk(OBSERVABILITY)) {
            return files.filter(f -> f.toString().endsWith(".rules.yml")).toList();
        }
    }

    /** Every alert rule's and every dashboard panel's expression, Grafana's variables filled in. */
    @SuppressWarnings("unchecked")
    private List<String> expressions() throws IOException {
        List<String> expressions = new ArrayList<>();
        for (Path file : ruleFiles()) {
            Map<String, Object> rules = new Yaml().load(Files.readString(file));
            for (Map<String, Object> group : (List<Map<String, Object>>) rules.get("groups")) {
                for (Map<String, Object> rule : (List<Map<String, Object>>) group.get("rules")) {
                    expressions.add(String.valueOf(rule.get("expr")));
                }
            }
        }
        try (Stream<Path> files = Files.walk(OBSERVABILITY)) {
            for (Path dashboard : files.filter(f -> f.toString().endsWith(".json")).toList()) {
                collect(JSON.readTree(dashboard.toFile()), expressions);
            }
        }
        return expressions.stream().map(PrometheusLiveTest::filled).toList();
    }

    private static void collect(JsonNode node, List<String> expressions) {
        if (node.isObject()) {
            if (node.has("expr") && node.get("expr").isString() && !node.get("expr").asString().isBlank()) {
                expressions.add(node.get("expr").asString());
            }
            node.forEach(child -> collect(child, expressions));
        } else if (node.isArray()) {
            node.forEach(child -> collect(child, expressions));
        }
    }

    private static String filled(String expression) {
        return expression.replace("$__rate_interval", "1m").replace("$__interval", "1m").replace("$__range", "5m")
                .replaceAll("\\$\\{?[A-Za-z_]+(:[a-z]+)?}?", ".*");
    }

    /** Each target's last scrape error, as Prometheus reports it. */
    private List<String> scrapeErrors() throws Exception {
        List<String> errors = new ArrayList<>();
        JSON.readTree(get("/api/v1/targets")).at("/data/activeTargets").forEach(target -> errors.add(
                target.at("/labels/job").asString() + ": " + target.at("/health").asString() + " "
                        + target.at("/lastError").asString()));
        return errors;
    }

    private List<JsonNode> query(String expression) throws Exception {
        JsonNode answer = raw(expression);
        List<JsonNode> result = new ArrayList<>();
        answer.at("/data/result").forEach(result::add);
        return result;
    }

    private JsonNode raw(String expression) throws Exception {
        return JSON.readTree(get("/api/v1/query?query=" + encode(expression)));
    }

    private String get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(api + path)).build(), HttpResponse.BodyHandlers.ofString())
                .body();
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = PrometheusLiveTest.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
