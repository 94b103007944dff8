package jp.shinchoku.plan.plans;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;

import jp.shinchoku.testsupport.HttpJson;
import tools.jackson.databind.JsonNode;

/** The demo plans, published through the API under a municipality name of the test's own. */
public final class DemoPlans {

    private DemoPlans() {
    }

    /** The demo plan's YAML with its municipality renamed, so tests sharing a store do not share a registry. */
    public static String yaml(String demo, String municipalityName) {
        try (InputStream in = DemoPlans.class.getResourceAsStream("/demo-plans/" + demo + ".yaml")) {
            String yaml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return yaml.replaceFirst("(?m)^  name: .*$", "  name: " + municipalityName);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String uniqueName(String base) {
        return base + "-" + UUID.randomUUID().toString().substring(0, 6);
    }

    /** Publishes the demo plan as YAML and returns the answer (201 with the plan). */
    public static HttpJson.Response publish(HttpJson http, String demo, String municipalityName) {
        return http.post("/api/plans", yaml(demo, municipalityName), Map.of("Content-Type", "application/yaml"));
    }

    /** The first KPI of the plan view that satisfies {@code test}, with its measure's code. */
    public static JsonNode findKpi(JsonNode plan, java.util.function.Predicate<JsonNode> test) {
        for (JsonNode pillar : plan.get("pillars")) {
            for (JsonNode measure : pillar.get("measures")) {
                for (JsonNode kpi : measure.get("kpis")) {
                    if (test.test(kpi)) {
                        return kpi;
                    }
                }
            }
        }
        throw new AssertionError("no such KPI in the plan");
    }
}
