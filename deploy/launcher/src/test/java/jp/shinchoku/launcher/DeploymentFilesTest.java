package jp.shinchoku.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.json.JsonMapper;

/**
 * The deployment files under {@code deploy/} (compose, Kustomize, Prometheus, Grafana, the mounted configuration) agree
 * with the code: they parse, they name modules that exist and ports the applications listen on, every environment
 * variable they set is read by the application it is set for, and the dashboards and alert rules query only metrics
 * the services expose (the metrics contract). Read from the files, relative to this module ({@code deploy/launcher}).
 */
class DeploymentFilesTest {

    private static final Path DEPLOY = Path.of("..");
    private static final Path ROOT = DEPLOY.resolve("..");
    private static final Path COMPOSE = DEPLOY.resolve("compose.yaml");
    private static final Path K8S = DEPLOY.resolve("k8s");
    private static final Path OBSERVABILITY = DEPLOY.resolve("observability");
    private static final Path CONFIG = DEPLOY.resolve("config");
    private static final Path PLATFORM_DEFAULTS =
            ROOT.resolve("platform/service-starter/src/main/resources/shinchoku/platform-defaults.yml");
    private static final Path PLATFORM_SOURCES = ROOT.resolve("platform/service-starter/src/main/java");

    /** The metrics contract: what the services expose, and Spring Boot's standard meters the dashboards use. */
    private static final Set<String> METRICS = Set.of(
            "shinchoku_kpis", "shinchoku_kpis_by_grade",
            "shinchoku_reports_total", "shinchoku_reports_overdue",
            "shinchoku_report_to_progress_seconds_bucket", "shinchoku_report_to_progress_seconds_count",
            "shinchoku_report_to_progress_seconds_sum",
            "shinchoku_daily_run_last_success_seconds",
            "shinchoku_alerts_firing", "shinchoku_alerts_unacknowledged", "shinchoku_alert_events_total",
            "shinchoku_notifications_total",
            "shinchoku_report_to_alert_seconds_bucket", "shinchoku_report_to_alert_seconds_count",
            "shinchoku_report_to_alert_seconds_sum",
            "shinchoku_consumer_lag_records", "shinchoku_outbox_pending", "shinchoku_outbox_oldest_age_seconds",
            "shinchoku_kafka_dead_lettered_total", "shinchoku_processed_events",
            "shinchoku_outbox_set_aside_total", "shinchoku_outbox_send_failures_total",
            "http_server_requests_seconds_count", "http_server_requests_seconds_sum",
            "http_server_requests_seconds_bucket",
            "mongodb_driver_commands_seconds_count", "mongodb_driver_commands_seconds_sum",
            "jvm_memory_used_bytes", "jvm_gc_pause_seconds_count", "jvm_gc_pause_seconds_sum",
            "process_cpu_usage", "jvm_threads_live_threads");
    private static final Pattern METRIC = Pattern.compile("\\b(shinchoku|http|mongodb|jvm|process)_[a-z_]+");

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Za-z0-9_]+)[:}]");
    private static final Pattern DEFAULT_PORT = Pattern.compile("port:\\s*\\$\\{PORT:(\\d+)}");
    private static final Pattern CONFIGURATION_PROPERTIES = Pattern.compile(
            "@ConfigurationProperties\\(\\s*(?:(?:value|prefix)\\s*=\\s*)?\"(shinchoku[^\"]*)\"");
    private static final Pattern RELAXED = Pattern.compile("(SPRING|SERVER|MANAGEMENT|LOGGING)_[A-Z0-9_]+");
    private static final Pattern HEALTH_PORT = Pattern.compile("https?://(?:127\\.0\\.0\\.1|localhost):(\\d+)/");
    private static final Pattern COLLECTION_TYPE = Pattern.compile("Map<|List<|Set<|Collection<|\\[]");

    private static final JsonMapper JSON = JsonMapper.builder().build();

    // ------------------------------------------------------------------------------------------------ parsing

    @Test
    void everyYamlAndJsonFileUnderDeployParses() {
        List<Path> files = files(DEPLOY, ".yml", ".yaml", ".json");
        assertThat(files).as("YAML and JSON files under deploy/").isNotEmpty();
        List<String> broken = new ArrayList<>();
        for (Path file : files) {
            try {
                if (file.toString().endsWith(".json")) {
                    JSON.readValue(read(file), Object.class);
                } else {
                    yamlDocuments(file);
                }
            } catch (RuntimeException e) {
                broken.add(file + ": " + e.getMessage());
            }
        }
        assertThat(broken).as("files that do not parse").isEmpty();
    }

    // ------------------------------------------------------------------------------------------------ compose

    @Test
    void composeBuildsEachApplicationFromTheDockerfileOfAModule() {
        Map<String, String> apps = composeApps();
        assertThat(apps).as("compose services built from deploy/docker/Dockerfile").isNotEmpty();
        apps.forEach((service, module) -> {
            assertThat(ROOT.resolve("services").resolve(module).resolve("pom.xml"))
                    .as("compose service %s builds SERVICE=%s, but there is no module services/%s", service, module,
                            module)
                    .isRegularFile();
            Map<String, Object> build = map(composeServices().get(service).get("build"));
            Path context = DEPLOY.resolve(String.valueOf(build.getOrDefault("context", ".")));
            assertThat(context.resolve(String.valueOf(build.get("dockerfile"))))
                    .as("the Dockerfile of compose service %s", service).isRegularFile();
        });
        assertThat(new TreeSet<>(apps.values())).as("the applications compose runs")
                .containsAll(modules());
    }

    @Test
    void composeRestartsEveryLongRunningServiceAfterAHostRestartAndSendsNoDataFolderToTheBuild() throws Exception {
        composeServices().forEach((name, service) -> {
            // kafka-init runs once and ends (the services wait for it to complete)
            if (!name.endsWith("-init")) {
                assertThat(service.get("restart")).as("restart policy of %s", name).isEqualTo("unless-stopped");
            }
        });
        // the build context is the repository: only the executable jars go in, never .shinchoku-data/ or .git
        List<String> ignore = Files.readAllLines(ROOT.resolve(".dockerignore")).stream()
                .filter(line -> !line.isBlank() && !line.startsWith("#")).toList();
        assertThat(ignore).containsExactly("*", "!services/*/target/*-exec.jar");
        assertThat(read(DEPLOY.resolve("docker/Dockerfile")).lines().filter(line -> line.startsWith("COPY ")
                && !line.contains("--from="))).allMatch(line -> line.contains("-exec.jar"));
    }

    @Test
    void composePublishesEachApplicationOnItsDefaultPort() {
        Map<String, Map<String, Object>> services = composeServices();
        composeApps().forEach((service, app) -> {
            int defaultPort = defaultPort(app);
            Map<String, Object> definition = services.get(service);
            Map<String, Object> environment = environment(definition.get("environment"));
            int listens = environment.containsKey("PORT")
                    ? Integer.parseInt(String.valueOf(environment.get("PORT"))) : defaultPort;
            // an application in another service's network namespace is published by that service
            String networkMode = String.valueOf(definition.getOrDefault("network_mode", ""));
            String publishedBy = networkMode.startsWith("service:") ? networkMode.substring("service:".length()) : service;
            assertThat(services).as("compose service %s (network_mode of %s)", publishedBy, service)
                    .containsKey(publishedBy);
            List<int[]> ports = publishedPorts(services.get(publishedBy).get("ports"));
            assertThat(ports).as("compose service %s publishes no port for %s", publishedBy, service).isNotEmpty();
            for (int[] port : ports) {
                assertThat(port[0]).as("compose service %s publishes %s on host port %d, but %s's default port (%s) is %d",
                        publishedBy, service, port[0], app, configFile(app), defaultPort).isEqualTo(defaultPort);
                assertThat(port[1]).as("compose service %s publishes container port %d, but %s listens on %d (PORT or %s)",
                        publishedBy, port[1], service, listens, configFile(app)).isEqualTo(listens);
            }
            Object health = map(definition.get("healthcheck")).get("test");
            if (health != null) {
                Matcher matcher = HEALTH_PORT.matcher(String.valueOf(health));
                while (matcher.find()) {
                    assertThat(Integer.parseInt(matcher.group(1)))
                            .as("the health check of compose service %s calls port %s, but it listens on %d", service,
                                    matcher.group(1), listens)
                            .isEqualTo(listens);
                }
            }
        });
    }

    @Test
    void everyVariableComposeSetsForAnApplicationIsReadByIt() {
        Map<String, Map<String, Object>> services = composeServices();
        List<String> unknown = new ArrayList<>();
        composeApps().forEach((service, app) -> {
            for (String name : environment(services.get(service).get("environment")).keySet()) {
                String why = unread(app, name);
                if (why != null) {
                    unknown.add(COMPOSE + ": service " + service + " sets " + name + ", " + why);
                }
            }
        });
        assertThat(unknown).as("environment variables no application reads").isEmpty();
    }

    // ------------------------------------------------------------------------------------------------ Kubernetes

    @Test
    void everyFileAKustomizationNamesExists() {
        List<Path> kustomizations = files(K8S, "kustomization.yaml");
        assertThat(kustomizations).as("kustomizations under deploy/k8s").hasSizeGreaterThanOrEqualTo(3);
        List<String> missing = new ArrayList<>();
        for (Path kustomization : kustomizations) {
            Map<String, Object> k = map(yamlDocuments(kustomization).getFirst());
            Path dir = kustomization.getParent();
            List<String> named = new ArrayList<>();
            list(k.get("resources")).forEach(r -> named.add(String.valueOf(r)));
            list(k.get("components")).forEach(r -> named.add(String.valueOf(r)));
            list(k.get("patches")).forEach(p -> {
                Object path = map(p).get("path");
                if (path != null) {
                    named.add(String.valueOf(path));
                }
            });
            for (String generators : List.of("configMapGenerator", "secretGenerator")) {
                for (Object generator : list(k.get(generators))) {
                    list(map(generator).get("files")).forEach(f -> named.add(fileOfGenerator(String.valueOf(f))));
                    list(map(generator).get("envs")).forEach(f -> named.add(String.valueOf(f)));
                }
            }
            for (String name : named) {
                Path target = dir.resolve(name).normalize();
                boolean exists = Files.isDirectory(target) ? Files.isRegularFile(target.resolve("kustomization.yaml"))
                        : Files.isRegularFile(target);
                if (!exists) {
                    missing.add(kustomization + " names " + name + ", which is not there (" + target + ")");
                }
            }
        }
        assertThat(missing).as("files the kustomizations name").isEmpty();
    }

    @Test
    void everyVariableKubernetesSetsForAnApplicationIsReadByIt() {
        Map<String, Set<String>> generatedKeys = generatedKeys();
        Set<String> apps = modules();
        List<String> unknown = new ArrayList<>();
        int checked = 0;
        for (Path file : files(K8S, ".yaml", ".yml")) {
            for (Object document : yamlDocuments(file)) {
                for (Map<String, Object> container : containers(document)) {
                    String app = String.valueOf(container.get("name"));
                    if (!apps.contains(app)) {
                        continue;
                    }
                    checked++;
                    Set<String> names = new LinkedHashSet<>();
                    list(container.get("env")).forEach(e -> names.add(String.valueOf(map(e).get("name"))));
                    for (Object from : list(container.get("envFrom"))) {
                        Map<String, Object> source = map(from);
                        Object ref = source.containsKey("configMapRef") ? source.get("configMapRef") : source.get("secretRef");
                        String generator = String.valueOf(map(ref).get("name"));
                        if (!generatedKeys.containsKey(generator)) {
                            unknown.add(file + ": container " + app + " takes its environment from " + generator
                                    + ", which no kustomization generates");
                        }
                        names.addAll(generatedKeys.getOrDefault(generator, Set.of()));
                    }
                    for (String name : names) {
                        String why = unread(app, name);
                        if (why != null) {
                            unknown.add(file + ": container " + app + " gets " + name + ", " + why);
                        }
                    }
                }
            }
        }
        assertThat(checked).as("application containers under deploy/k8s").isGreaterThanOrEqualTo(modules().size());
        assertThat(unknown).as("environment variables no application reads").isEmpty();
    }

    @Test
    void kubernetesRunsEachApplicationOnItsDefaultPortWithProbes() {
        Set<String> seen = new TreeSet<>();
        for (Path file : files(K8S.resolve("base"), ".yaml")) {
            for (Object document : yamlDocuments(file)) {
                Map<String, Object> resource = map(document);
                if (!"Deployment".equals(resource.get("kind"))) {
                    continue;
                }
                Map<String, Object> template = map(map(resource.get("spec")).get("template"));
                String scrapePort = String.valueOf(map(map(template.get("metadata")).get("annotations"))
                        .get("prometheus.io/port"));
                for (Map<String, Object> container : containers(document)) {
                    String app = String.valueOf(container.get("name"));
                    if (!modules().contains(app)) {
                        continue;
                    }
                    seen.add(app);
                    int port = defaultPort(app);
                    List<Object> ports = list(container.get("ports"));
                    assertThat(ports).as("%s: the ports of %s", file, app).hasSize(1);
                    assertThat(map(ports.getFirst()).get("containerPort"))
                            .as("%s: %s's containerPort, but its default port (%s) is %d", file, app, configFile(app), port)
                            .isEqualTo(port);
                    assertThat(scrapePort).as("%s: %s's prometheus.io/port annotation", file, app)
                            .isEqualTo(String.valueOf(port));
                    assertThat(map(map(container.get("livenessProbe")).get("httpGet")).get("path"))
                            .as("%s: %s's liveness probe", file, app).isEqualTo("/actuator/health/liveness");
                    assertThat(map(map(container.get("readinessProbe")).get("httpGet")).get("path"))
                            .as("%s: %s's readiness probe", file, app).isEqualTo("/actuator/health/readiness");
                }
            }
        }
        assertThat(seen).as("applications with a Deployment in deploy/k8s/base").isEqualTo(modules());
    }

    @Test
    void theClusterAndComposeRouteNotificationsAlike() {
        for (Path mounted : files(CONFIG, ".yml")) {
            Path copy = K8S.resolve("base/config").resolve(mounted.getFileName());
            assertThat(copy).as("the Kubernetes copy of %s", mounted).isRegularFile();
            assertThat(yamlDocuments(copy)).as("%s, parsed, against %s", copy, mounted).isEqualTo(yamlDocuments(mounted));
        }
    }

    // ------------------------------------------------------------------------------------------------ metrics

    @Test
    void dashboardsQueryOnlyContractedMetricsOfThePrometheusDatasource() {
        List<Path> dashboards = files(OBSERVABILITY.resolve("grafana/dashboards"), ".json");
        assertThat(dashboards).as("Grafana dashboards").isNotEmpty();
        List<String> wrong = new ArrayList<>();
        for (Path file : dashboards) {
            Map<String, Object> dashboard = map(JSON.readValue(read(file), Object.class));
            List<Map<String, Object>> panels = new ArrayList<>();
            collectPanels(list(dashboard.get("panels")), panels);
            Set<Object> ids = new LinkedHashSet<>();
            int queries = 0;
            for (Map<String, Object> panel : panels) {
                String title = file + ": panel " + panel.get("id") + " \"" + panel.get("title") + "\"";
                if (!ids.add(panel.get("id"))) {
                    wrong.add(title + " repeats the panel id");
                }
                if ("row".equals(panel.get("type"))) {
                    continue;
                }
                if (!"prometheus".equals(map(panel.get("datasource")).get("uid"))) {
                    wrong.add(title + " does not use the datasource uid prometheus: " + panel.get("datasource"));
                }
                for (Object t : list(panel.get("targets"))) {
                    Map<String, Object> target = map(t);
                    queries++;
                    if (!"prometheus".equals(map(target.get("datasource")).get("uid"))) {
                        wrong.add(title + " target " + target.get("refId") + " does not use the datasource uid prometheus");
                    }
                    unknownMetrics(String.valueOf(target.get("expr")))
                            .forEach(m -> wrong.add(title + " target " + target.get("refId") + " queries " + m
                                    + ", which is not in the metrics contract"));
                }
            }
            for (Object v : list(map(dashboard.get("templating")).get("list"))) {
                Map<String, Object> variable = map(v);
                Object query = variable.get("query");
                String text = query instanceof Map<?, ?> q ? String.valueOf(q.get("query")) : String.valueOf(query);
                unknownMetrics(text).forEach(m -> wrong.add(file + ": variable " + variable.get("name") + " queries "
                        + m + ", which is not in the metrics contract"));
            }
            if (queries == 0) {
                wrong.add(file + " has no query");
            }
        }
        Map<String, Object> datasources = map(yamlDocuments(
                OBSERVABILITY.resolve("grafana/provisioning/datasources/prometheus.yml")).getFirst());
        assertThat(list(datasources.get("datasources"))).as("the provisioned datasources")
                .anySatisfy(d -> assertThat(map(d).get("uid")).isEqualTo("prometheus"));
        assertThat(wrong).as("dashboard panels").isEmpty();
    }

    @Test
    void alertRulesQueryOnlyContractedMetricsAndSaySeverityAndSummary() {
        List<Path> ruleFiles = files(OBSERVABILITY.resolve("prometheus/rules"), ".rules.yml");
        assertThat(ruleFiles).as("Prometheus rule files").isNotEmpty();
        List<String> wrong = new ArrayList<>();
        int rules = 0;
        for (Path file : ruleFiles) {
            for (Object group : list(map(yamlDocuments(file).getFirst()).get("groups"))) {
                for (Object r : list(map(group).get("rules"))) {
                    Map<String, Object> rule = map(r);
                    rules++;
                    String name = file + ": rule " + (rule.containsKey("alert") ? rule.get("alert") : rule.get("record"));
                    unknownMetrics(String.valueOf(rule.get("expr")))
                            .forEach(m -> wrong.add(name + " queries " + m + ", which is not in the metrics contract"));
                    if (rule.containsKey("alert")) {
                        if (!map(rule.get("labels")).containsKey("severity")) {
                            wrong.add(name + " has no severity label");
                        }
                        if (!map(rule.get("annotations")).containsKey("summary")) {
                            wrong.add(name + " has no summary annotation");
                        }
                    }
                }
            }
        }
        assertThat(rules).as("rules in %s", ruleFiles).isPositive();
        assertThat(wrong).as("alert rules").isEmpty();
    }

    // ------------------------------------------------------------------------------------------------ what the code reads

    /** Why no application reads this variable, or null if it does. */
    private static String unread(String app, String name) {
        if (name.equals("JAVA_TOOL_OPTIONS")) {
            return null;
        }
        if (placeholders(app).contains(name)) {
            return null;
        }
        if (RELAXED.matcher(name).matches()) {
            return springProperty(name) ? null
                    : "whose property " + propertyForm(name) + " is no Spring Boot property (spring-configuration-metadata.json)"
                            + " and no ${" + name + "} is in " + configFiles(app);
        }
        if (name.startsWith("SHINCHOKU_")) {
            String property = propertyForm(name);
            for (String prefix : configurationPropertiesPrefixes(app)) {
                String bare = prefix.replace("-", "");
                if (property.equals(bare) || property.startsWith(bare + ".")) {
                    return null;
                }
            }
            return "whose property " + property + " is under no @ConfigurationProperties(\"shinchoku…\") of " + app
                    + " " + configurationPropertiesPrefixes(app) + " and no ${" + name + "} is in " + configFiles(app);
        }
        return "which no ${" + name + "} in " + configFiles(app) + " reads";
    }

    private static String propertyForm(String variable) {
        return variable.toLowerCase(Locale.ROOT).replace('_', '.');
    }

    /**
     * Whether the variable binds to a Spring Boot property: its property form is one of the metadata's properties
     * (dashes dropped, as in SPRING_KAFKA_CONSUMER_GROUPID, or read as underscores, as in …_ISSUER_URI), or lies under a
     * map or collection property (SPRING_KAFKA_PROPERTIES_SASL_MECHANISM).
     */
    private static boolean springProperty(String variable) {
        String property = propertyForm(variable);
        for (Map.Entry<String, String> known : springMetadata().entrySet()) {
            for (String form : List.of(known.getKey().replace("-", ""), known.getKey().replace('-', '.'))) {
                if (property.equals(form)) {
                    return true;
                }
                if (property.startsWith(form + ".") && COLLECTION_TYPE.matcher(known.getValue()).find()) {
                    return true;
                }
            }
        }
        return false;
    }

    private static Map<String, String> springMetadata;

    /** Every property of every spring-configuration-metadata.json on the class path, with its type. */
    @SuppressWarnings("unchecked")
    private static synchronized Map<String, String> springMetadata() {
        if (springMetadata == null) {
            Map<String, String> properties = new HashMap<>();
            try {
                Enumeration<URL> files = DeploymentFilesTest.class.getClassLoader()
                        .getResources("META-INF/spring-configuration-metadata.json");
                while (files.hasMoreElements()) {
                    try (InputStream in = files.nextElement().openStream()) {
                        Map<String, Object> metadata = JSON.readValue(new String(in.readAllBytes(),
                                StandardCharsets.UTF_8), Map.class);
                        for (Object p : list(metadata.get("properties"))) {
                            Map<String, Object> property = map(p);
                            properties.put(String.valueOf(property.get("name")),
                                    String.valueOf(property.getOrDefault("type", "")));
                        }
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            assertThat(properties).as("Spring Boot's configuration metadata on the test class path")
                    .containsKey("spring.kafka.bootstrap-servers");
            springMetadata = properties;
        }
        return springMetadata;
    }

    /** The application's configuration files: its own, the platform's defaults if it uses the starter, deploy/config. */
    private static List<Path> configFiles(String app) {
        List<Path> files = new ArrayList<>(files(ROOT.resolve("services").resolve(app).resolve("src/main/resources"),
                ".yml", ".yaml", ".properties").stream()
                .filter(f -> f.getParent().endsWith("resources"))
                .toList());
        if (usesServiceStarter(app)) {
            files.add(PLATFORM_DEFAULTS);
        }
        Path mounted = CONFIG.resolve(app + ".yml");
        if (Files.isRegularFile(mounted)) {
            files.add(mounted);
        }
        return files;
    }

    private static Set<String> placeholders(String app) {
        Set<String> names = new TreeSet<>();
        for (Path file : configFiles(app)) {
            Matcher matcher = PLACEHOLDER.matcher(read(file));
            while (matcher.find()) {
                names.add(matcher.group(1));
            }
        }
        return names;
    }

    private static final Map<String, Set<String>> PREFIXES = new HashMap<>();

    private static synchronized Set<String> configurationPropertiesPrefixes(String app) {
        return PREFIXES.computeIfAbsent(app, DeploymentFilesTest::scanConfigurationProperties);
    }

    private static Set<String> scanConfigurationProperties(String app) {
        List<Path> sources = new ArrayList<>(files(ROOT.resolve("services").resolve(app).resolve("src/main/java"), ".java"));
        if (usesServiceStarter(app)) {
            sources.addAll(files(PLATFORM_SOURCES, ".java"));
        }
        Set<String> prefixes = new TreeSet<>();
        for (Path source : sources) {
            Matcher matcher = CONFIGURATION_PROPERTIES.matcher(read(source));
            while (matcher.find()) {
                prefixes.add(matcher.group(1));
            }
        }
        return prefixes;
    }

    private static boolean usesServiceStarter(String app) {
        return read(ROOT.resolve("services").resolve(app).resolve("pom.xml"))
                .contains("<artifactId>shinchoku-service-starter</artifactId>");
    }

    private static Path configFile(String app) {
        return ROOT.resolve("services").resolve(app).resolve("src/main/resources").resolve(app + ".yml");
    }

    private static int defaultPort(String app) {
        Path file = configFile(app);
        assertThat(file).as("the configuration of %s", app).isRegularFile();
        Matcher matcher = DEFAULT_PORT.matcher(read(file));
        assertThat(matcher.find()).as("%s sets server.port to ${PORT:<default>}", file).isTrue();
        return Integer.parseInt(matcher.group(1));
    }

    /** The application modules: services/<name> with a pom.xml. */
    private static Set<String> modules() {
        try (Stream<Path> dirs = Files.list(ROOT.resolve("services"))) {
            return dirs.filter(d -> Files.isRegularFile(d.resolve("pom.xml")))
                    .map(d -> d.getFileName().toString())
                    .collect(Collectors.toCollection(TreeSet::new));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> unknownMetrics(String expression) {
        List<String> unknown = new ArrayList<>();
        Matcher matcher = METRIC.matcher(expression);
        while (matcher.find()) {
            if (!METRICS.contains(matcher.group())) {
                unknown.add(matcher.group());
            }
        }
        return unknown;
    }

    // ------------------------------------------------------------------------------------------------ compose and k8s

    private static Map<String, Map<String, Object>> composeServices() {
        Map<String, Object> compose = map(yamlDocuments(COMPOSE).getFirst());
        Map<String, Map<String, Object>> services = new LinkedHashMap<>();
        map(compose.get("services")).forEach((name, definition) -> services.put(name, map(definition)));
        return services;
    }

    /** Compose services built from the Dockerfile, with the SERVICE they build. */
    private static Map<String, String> composeApps() {
        Map<String, String> apps = new LinkedHashMap<>();
        composeServices().forEach((name, definition) -> {
            if (definition.get("build") instanceof Map<?, ?> build) {
                String service = String.valueOf(environment(build.get("args")).get("SERVICE"));
                assertThat(service).as("compose service %s is built without a SERVICE argument", name)
                        .isNotEqualTo("null");
                apps.put(name, service);
            }
        });
        return apps;
    }

    /** A compose environment or args, as a map or as a list of NAME=value. */
    private static Map<String, Object> environment(Object environment) {
        if (environment instanceof List<?> entries) {
            Map<String, Object> map = new LinkedHashMap<>();
            for (Object entry : entries) {
                String[] pair = String.valueOf(entry).split("=", 2);
                map.put(pair[0], pair.length > 1 ? pair[1] : null);
            }
            return map;
        }
        return map(environment);
    }

    /** host port, container port of each published port (short syntax [ip:]host:container[/proto] or long syntax) */
    private static List<int[]> publishedPorts(Object ports) {
        List<int[]> published = new ArrayList<>();
        for (Object port : list(ports)) {
            if (port instanceof Map<?, ?> longSyntax) {
                published.add(new int[] {Integer.parseInt(String.valueOf(longSyntax.get("published"))),
                        Integer.parseInt(String.valueOf(longSyntax.get("target")))});
            } else {
                String[] parts = String.valueOf(port).replaceAll("/(tcp|udp)$", "").split(":");
                assertThat(parts.length).as("the published port %s names the host port", port).isGreaterThanOrEqualTo(2);
                published.add(new int[] {Integer.parseInt(parts[parts.length - 2]),
                        Integer.parseInt(parts[parts.length - 1])});
            }
        }
        return published;
    }

    /** The keys of each generated ConfigMap and Secret, over all kustomizations (overlays merge theirs in). */
    private static Map<String, Set<String>> generatedKeys() {
        Map<String, Set<String>> keys = new HashMap<>();
        for (Path kustomization : files(K8S, "kustomization.yaml")) {
            Map<String, Object> k = map(yamlDocuments(kustomization).getFirst());
            for (String generators : List.of("configMapGenerator", "secretGenerator")) {
                for (Object g : list(k.get(generators))) {
                    Map<String, Object> generator = map(g);
                    Set<String> names = keys.computeIfAbsent(String.valueOf(generator.get("name")), n -> new TreeSet<>());
                    list(generator.get("literals")).forEach(l -> names.add(String.valueOf(l).split("=", 2)[0]));
                    for (Object envs : list(generator.get("envs"))) {
                        read(kustomization.getParent().resolve(String.valueOf(envs))).lines()
                                .map(String::strip)
                                .filter(l -> !l.isEmpty() && !l.startsWith("#"))
                                .forEach(l -> names.add(l.split("=", 2)[0]));
                    }
                    for (Object file : list(generator.get("files"))) {
                        String f = String.valueOf(file);
                        names.add(f.contains("=") ? f.substring(0, f.indexOf('='))
                                : Path.of(f).getFileName().toString());
                    }
                }
            }
        }
        return keys;
    }

    private static String fileOfGenerator(String entry) {
        return entry.contains("=") ? entry.substring(entry.indexOf('=') + 1) : entry;
    }

    /** The containers of a workload (Deployment, StatefulSet, …, or a patch of one). */
    private static List<Map<String, Object>> containers(Object document) {
        Map<String, Object> resource = map(document);
        Object spec = map(map(map(resource.get("spec")).get("template")).get("spec")).get("containers");
        List<Map<String, Object>> containers = new ArrayList<>();
        list(spec).forEach(c -> containers.add(map(c)));
        return containers;
    }

    private static void collectPanels(List<Object> panels, List<Map<String, Object>> into) {
        for (Object p : panels) {
            Map<String, Object> panel = map(p);
            into.add(panel);
            collectPanels(list(panel.get("panels")), into);
        }
    }

    // ------------------------------------------------------------------------------------------------ files

    private static List<Path> files(Path dir, String... suffixes) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(Files::isRegularFile)
                    .filter(f -> !DEPLOY.relativize(f).toString().replace('\\', '/').matches("(.*/)?(target|node_modules)/.*"))
                    .filter(f -> Stream.of(suffixes).anyMatch(s -> f.getFileName().toString().endsWith(s)))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Object> yamlDocuments(Path file) {
        List<Object> documents = new ArrayList<>();
        new Yaml().loadAll(read(file)).forEach(documents::add);
        return documents;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, Object> map(Object value) {
        if (value instanceof Map<?, ?> m) {
            Map<String, Object> map = new LinkedHashMap<>();
            m.forEach((k, v) -> map.put(String.valueOf(k), v));
            return map;
        }
        return Map.of();
    }

    private static List<Object> list(Object value) {
        return value instanceof Collection<?> c ? new ArrayList<>(c) : List.of();
    }
}
