package jp.shinchoku.plan.plans.web;

import static org.assertj.core.api.Assertions.assertThat;

import jp.shinchoku.testsupport.HttpJson;
import jp.shinchoku.testsupport.ShinchokuServiceTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** The plan service serves its own OpenAPI description and a browsable UI. */
@ShinchokuServiceTest
class OpenApiDocsTest {

    @LocalServerPort
    int port;

    @Test
    void theApiIsDescribedWithEveryResource() {
        HttpJson http = HttpJson.onPort(port);
        HttpJson.Response docs = http.get("/v3/api-docs");

        assertThat(docs.status()).isEqualTo(200);
        JsonNode api = docs.json();
        assertThat(api.at("/info/title").asString()).isEqualTo("Shinchoku plan-service");
        assertThat(api.get("paths").propertyNames()).contains(
                "/api/plans", "/api/plans/{planId}", "/api/plans/{planId}/revisions", "/api/plans/{planId}/diff",
                "/api/plans/{planId}/reviews", "/api/plans/{planId}/milestones/{milestoneId}/status",
                "/api/kpi-definitions", "/api/milestones", "/api/municipalities/{municipality}/departments/{code}");
        assertThat(api.at("/paths/~1api~1plans~1{planId}~1revisions/post/requestBody").isMissingNode()).isFalse();
        assertThat(http.get("/swagger-ui/index.html").status()).isEqualTo(200);
    }
}
