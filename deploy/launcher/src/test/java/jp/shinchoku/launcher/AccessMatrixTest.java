package jp.shinchoku.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jp.shinchoku.launcher.LocalSystem.Service;
import jp.shinchoku.testsupport.HttpJson;
import jp.shinchoku.testsupport.SharedInfrastructure;
import jp.shinchoku.testsupport.TestTokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;

/**
 * Every endpoint of every service × every kind of caller, built from the services' own request mappings: an endpoint
 * without its row here fails the test, so none can be added unguarded. Callers: anonymous, the department a KPI and
 * an alert belong to, another department of the municipality, its 推進本部, another municipality's, a prefecture
 * granted it, one not, the administrator, the department's system, ops. Each cell says what the caller gets:
 * A allowed (anything but 401/403/404: a 400 for an empty body counts, the check came first), U 401, F 403, N 404.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccessMatrixTest {

    private static final String M = "瀬戸内町";
    private static final String ELSEWHERE = "三条市";

    /** Column order of the expectations. */
    private static final List<String> CALLERS = List.of("anonymous", "department", "other department", "HQ",
            "HQ elsewhere", "prefecture", "prefecture elsewhere", "admin", "system", "ops");

    private static final Map<String, String> EXPECTED = Map.ofEntries(
            // plan service                                  anon dept othr HQ  HQx pref prfx admn sys ops
            Map.entry("POST /api/plans",                      "UFFANFNAFN"),
            Map.entry("GET /api/plans",                       "UAAAAAAAAA"),
            Map.entry("GET /api/plans/{planId}",              "UAAANANAAN"),
            Map.entry("PUT /api/plans/{planId}/milestones/{milestoneId}/status", "UAFFNFNAAN"),
            Map.entry("POST /api/plans/{planId}/revisions",   "UFFANFNAFN"),
            Map.entry("GET /api/plans/{planId}/revisions",    "UAAANANAAN"),
            Map.entry("GET /api/plans/{planId}/revisions/{revision}", "UAAANANAAN"),
            Map.entry("GET /api/plans/{planId}/diff",         "UAAANANAAN"),
            Map.entry("POST /api/plans/{planId}/reviews",     "UFFANFNAFN"),
            Map.entry("GET /api/plans/{planId}/reviews",      "UAAANANAAN"),
            Map.entry("GET /api/plans/{planId}/reviews/{fiscalYear}", "UAAANANAAN"),
            Map.entry("GET /api/kpi-definitions",             "UAAAAAAAAA"),
            Map.entry("GET /api/milestones",                  "UAAAAAAAAA"),
            Map.entry("GET /api/municipalities/{municipality}/departments", "UAAANANAAN"),
            Map.entry("GET /api/municipalities/{municipality}/departments/{code}", "UAAANANAAN"),
            Map.entry("PUT /api/municipalities/{municipality}/departments/{code}", "UFFANFNAFN"),
            Map.entry("GET /api/open-data/plan-documents",    "AAAAAAAAAA"),
            Map.entry("GET /api/open-data/plan-documents/{planId}", "AAAAAAAAAA"),
            // measurement service
            Map.entry("POST /api/kpis/{kpiId}/measurements",  "UAFFNNNAAN"),
            Map.entry("POST /api/kpis/{kpiId}/measurements/{measurementId}/corrections", "UAFFNNNAAN"),
            Map.entry("GET /api/kpis/{kpiId}/measurements",   "UAFANANAAN"),
            Map.entry("GET /api/kpis/{kpiId}/measurements/{measurementId}", "UAFANANAAN"),
            Map.entry("POST /api/measurements/csv",           "UAAFFFFAAF"),
            Map.entry("GET /api/kpis/{kpiId}/progress",       "UAFANANAAN"),
            Map.entry("GET /api/kpis/{kpiId}/years",          "UAFANANAAN"),
            Map.entry("GET /api/plans/{planId}/fiscal-years/{fiscalYear}", "UFFANANAFN"),
            Map.entry("POST /api/plans/{planId}/fiscal-years/{fiscalYear}/close", "UFFANFNAFN"),
            Map.entry("POST /api/plans/{planId}/fiscal-years/{fiscalYear}/reopen", "UFFANFNAFN"),
            Map.entry("GET /api/plans/{planId}/editions",     "UFFANANAFN"),
            Map.entry("GET /api/plans/{planId}/editions/{editionId}", "UFFANANAFN"),
            Map.entry("GET /api/plans/{planId}/editions/compare", "UFFANANAFN"),
            Map.entry("GET /api/plans/{planId}/fiscal-years/{fiscalYear}/evaluations", "UAAANANAAN"),
            Map.entry("GET /api/plans/{planId}/fiscal-years/{fiscalYear}/evaluations/{measureCode}", "UAFANANAAN"),
            Map.entry("PUT /api/plans/{planId}/fiscal-years/{fiscalYear}/evaluations/{measureCode}", "UAFFNFNAAN"),
            Map.entry("POST /api/plans/{planId}/fiscal-years/{fiscalYear}/evaluations/{measureCode}/submit", "UAFFNFNAAN"),
            Map.entry("POST /api/plans/{planId}/fiscal-years/{fiscalYear}/evaluations/{measureCode}/evaluation", "UFFANFNAFN"),
            Map.entry("GET /api/plans/{planId}/fiscal-years/{fiscalYear}/report.xlsx", "UFFANANAFN"),
            Map.entry("GET /api/plans/{planId}/fiscal-years/{fiscalYear}/report.pdf", "UFFANANAFN"),
            Map.entry("GET /api/plans/{planId}/approvals",    "UFFANANAFN"),
            Map.entry("POST /api/plans/{planId}/approvals",   "UFFANFNAFN"),
            Map.entry("POST /api/measurements/{measurementId}/review", "UFFANFNAFN"),
            Map.entry("GET /api/municipalities/{municipality}/approval", "UAAANANAAN"),
            Map.entry("PUT /api/municipalities/{municipality}/approval", "UFFANFNAFN"),
            Map.entry("GET /api/kpis/{kpiId}/series",         "UAFANANAAN"),
            Map.entry("GET /api/plans/{planId}/progress",     "UFFANANAFN"),
            Map.entry("GET /api/plans/{planId}/departments/{departmentCode}/due", "UAFANANAAN"),
            Map.entry("GET /api/plans/{planId}/departments/{departmentCode}/returned", "UAFANANAAN"),
            Map.entry("GET /api/plans/{planId}/kpis",         "UFFANANAFN"),
            Map.entry("GET /api/plans/{planId}/progress/export", "UFFANANAFN"),
            Map.entry("GET /api/plans/{planId}/progress/export.csv", "UFFANANAFN"),
            Map.entry("GET /api/plans/{planId}/publications", "UFFANANAFN"),
            Map.entry("GET /api/plans/{planId}/editions/{editionId}/preview", "UFFANANAFN"),
            Map.entry("POST /api/plans/{planId}/editions/{editionId}/publish", "UFFANFNAFN"),
            Map.entry("GET /api/open-data/plans",              "AAAAAAAAAA"),
            Map.entry("GET /api/open-data/plans/{planId}/figures", "AAAAAAAAAA"),
            Map.entry("GET /api/open-data/plans/{planId}/figures.csv", "AAAAAAAAAA"),
            Map.entry("GET /api/open-data/plans/{planId}/figures/years", "AAAAAAAAAA"),
            Map.entry("GET /api/open-data/progress/dictionary", "AAAAAAAAAA"),
            Map.entry("GET /api/open-data/progress/dictionary.csv", "AAAAAAAAAA"),
            Map.entry("GET /api/schemas/{type:measurement\\.reported\\.v1}", "AAAAAAAAAA"),
            // notification service
            Map.entry("GET /api/inbox",                       "UAAAAAAAFF"),
            Map.entry("GET /api/alerts/{alertId}",            "UAFANANAAN"),
            Map.entry("POST /api/alerts/{alertId}/acknowledgement", "UFFANFNAFN"),
            Map.entry("POST /api/silences",                   "UFFAAFFAFF"),
            Map.entry("GET /api/silences",                    "UFFAAAAAFF"),
            Map.entry("GET /api/silences/{id}",               "UFFANANAFN"),
            Map.entry("DELETE /api/silences/{id}",            "UFFANFNAFN"),
            Map.entry("GET /api/notifications",               "UFFAAAAAFF"),
            Map.entry("GET /api/notifications/{id}",          "UNNNNNNNNN"),
            Map.entry("GET /api/deliveries",                  "UFFFFFFAFA"),
            Map.entry("POST /api/deliveries/{id}/retry",      "UFFFFFFNFN"),
            // every service: its audit trail (each caller's own municipalities)
            Map.entry("GET /api/audit",                       "UFFAAAAAFF"),
            Map.entry("GET /api/audit/export",                "UFFAAAAAFF"));

    private LocalSystem system;
    private final Map<String, String> ids = new LinkedHashMap<>();
    private final Map<String, String> tokens = new LinkedHashMap<>();

    @BeforeAll
    void startSystemWithTheDemoPlan() {
        system = LocalSystem.start(new LocalSystem.Settings(SharedInfrastructure.get().bootstrapServers(),
                SharedInfrastructure.get().mongoUri(), "access-" + UUID.randomUUID().toString().substring(0, 8) + "-",
                null, LocalDate.parse("2023-10-02")).with(TestTokens.PUBLIC_KEY_PROPERTY, TestTokens.publicKeyLocation()));
        String plan = system.url(Service.PLAN);
        assertThat(LocalLauncher.loadDemoPlan(plan, TestTokens.admin())).contains("loaded");
        // the notification service hears other tests' plans on the shared broker too: the matrix is about this one
        String demoPlan = HttpJson.onPort(system.port(Service.PLAN)).get("/api/plans").json().at("/items/0/id").asString();
        HttpJson admin = HttpJson.onPort(system.port(Service.NOTIFICATION));
        // an alert about one KPI of one department: that department is the one the matrix is about
        JsonNode alert = await().atMost(Duration.ofSeconds(60)).until(() -> {
            for (JsonNode a : admin.get("/api/inbox?receiver=promotion-hq").json()) {
                if (a.at("/labels/kpiId").isString() && a.at("/labels/departmentCode").isString()
                        && demoPlan.equals(a.at("/labels/planId").asString())
                        && M.equals(a.at("/labels/municipality").asString())) {
                    return a;
                }
            }
            return null;
        }, found -> found != null);
        String department = alert.at("/labels/departmentCode").asString();
        String kpiId = alert.at("/labels/kpiId").asString();
        String planId = alert.at("/labels/planId").asString();
        ids.put("planId", planId);
        ids.put("kpiId", kpiId);
        ids.put("measureCode", kpiId.split("\\.")[1]); // <planId>.<measure>.<KPI>
        ids.put("alertId", alert.get("id").asString());
        ids.put("municipality", M);
        ids.put("code", department);
        ids.put("departmentCode", department);
        ids.put("revision", "1");
        ids.put("fiscalYear", "2022");
        ids.put("type", "measurement.reported.v1");
        JsonNode milestones = HttpJson.onPort(system.port(Service.PLAN)).get("/api/milestones?department=" + department
                + "&plan=" + planId).json().get("items");
        ids.put("milestoneId", milestones.isEmpty() ? "none" : milestones.get(0).at("/milestone/id").asString());
        assertThat(HttpJson.onPort(system.port(Service.PLAN)).post("/api/plans/" + planId + "/reviews",
                "{\"fiscalYear\": \"2022\", \"note\": \"matrix\"}").status()).isEqualTo(201);
        HttpJson measurements = HttpJson.onPort(system.port(Service.MEASUREMENT));
        ids.put("measurementId", measurements.post("/api/kpis/" + kpiId + "/measurements",
                "{\"value\": 1, \"measuredOn\": \"2023-09-30\"}").json().get("id").asString());
        JsonNode closed = measurements.post("/api/plans/" + planId + "/fiscal-years/2022/close",
                "{\"reason\": \"matrix\"}").json();
        ids.put("editionId", closed.get("history").get(closed.get("history").size() - 1).get("edition").asString());
        // published, so that the open data reads it (publishing it again is 409: allowed, the check came first)
        assertThat(measurements.post("/api/plans/" + planId + "/editions/" + HttpJson.encode(ids.get("editionId"))
                + "/publish", "").status()).isEqualTo(200);
        HttpJson hq = HttpJson.onPort(system.port(Service.NOTIFICATION)).as(TestTokens.hq(M));
        ids.put("id", hq.post("/api/silences", "{\"matchers\":[\"kpiId=none\"],\"endsAt\":\"2099-03-31\","
                + "\"comment\":\"matrix\"}").json().get("id").asString());
        String other = department.equals("somu") ? "zeimu" : "somu";
        tokens.put("department", TestTokens.department(M, department));
        tokens.put("other department", TestTokens.department(M, other));
        tokens.put("HQ", TestTokens.hq(M));
        tokens.put("HQ elsewhere", TestTokens.hq(ELSEWHERE));
        tokens.put("prefecture", TestTokens.prefecture(M));
        tokens.put("prefecture elsewhere", TestTokens.prefecture(ELSEWHERE));
        tokens.put("admin", TestTokens.admin());
        tokens.put("system", TestTokens.system(M, department));
        tokens.put("ops", TestTokens.ops());
    }

    @AfterAll
    void stop() {
        if (system != null) {
            system.close();
        }
    }

    @Test
    void everyEndpointAnswersEachCallerAsTheTableSays() {
        List<String> wrong = new ArrayList<>();
        List<String> seen = new ArrayList<>();
        for (Service service : Service.values()) {
            RequestMappingHandlerMapping mappings = system.context(service)
                    .getBean("requestMappingHandlerMapping", RequestMappingHandlerMapping.class);
            for (RequestMappingInfo info : mappings.getHandlerMethods().keySet()) {
                for (String pattern : info.getPatternValues()) {
                    if (!pattern.startsWith("/api/")) {
                        continue; // the API description and error page: open, no data
                    }
                    for (var method : info.getMethodsCondition().getMethods()) {
                        String endpoint = method.name() + " " + pattern;
                        seen.add(endpoint);
                        String expected = EXPECTED.get(endpoint);
                        assertThat(expected).as("the access matrix has no row for %s (%s)", endpoint, service).isNotNull();
                        for (int i = 0; i < CALLERS.size(); i++) {
                            String caller = CALLERS.get(i);
                            int status = call(service, method.name(), pattern, caller);
                            char got = status == 401 ? 'U' : status == 403 ? 'F' : status == 404 ? 'N' : 'A';
                            if (got != expected.charAt(i)) {
                                wrong.add(endpoint + " as " + caller + ": expected " + expected.charAt(i) + ", got "
                                        + got + " (" + status + ")");
                            }
                        }
                    }
                }
            }
        }
        assertThat(seen).containsAll(EXPECTED.keySet());
        assertThat(wrong).isEmpty();
    }

    private int call(Service service, String method, String pattern, String caller) {
        String path = pattern.replace("{type:measurement\\.reported\\.v1}", "{type}");
        for (Map.Entry<String, String> id : ids.entrySet()) {
            path = path.replace("{" + id.getKey() + "}", HttpJson.encode(id.getValue()));
        }
        if (path.endsWith("/diff")) {
            path += "?from=1&to=1";
        }
        if (path.endsWith("/api/notifications/{id}") || path.endsWith("/api/deliveries/{id}/retry")) {
            path = path.replace("{id}", "none");
        }
        HttpJson http = HttpJson.onPort(system.port(service));
        http = caller.equals("anonymous") ? http.anonymous() : http.as(tokens.get(caller));
        if (path.equals("/api/measurements/csv")) {
            return http.postBytes(path, ("kpiId,value,measuredOn\n" + ids.get("kpiId") + ",1,2023-09-30\n")
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8), "text/csv").status();
        }
        String body = path.equals("/api/plans") ? "{\"municipality\": {\"name\": \"" + M + "\"}}"
                : method.equals("GET") || method.equals("DELETE") ? null : "{}";
        return http.send(method, path, body).status();
    }
}
