package jp.shinchoku.plan.plans.web;

import static org.assertj.core.api.Assertions.assertThat;

import jp.shinchoku.plan.plans.DemoPlans;
import jp.shinchoku.testsupport.HttpJson;
import jp.shinchoku.testsupport.ShinchokuServiceTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * The plans as the municipality publishes them, read without signing in: its list of plans, and a plan with only its
 * 公開 KPIs and fields (a 非公開 KPI left out, a 非公開 summary or cost empty, no contacts, no report comments).
 */
@ShinchokuServiceTest
class PublicPlansApiTest {

    @LocalServerPort
    int port;

    @Test
    void anyoneReadsThePlanWithoutWhatIsPrivate() {
        HttpJson admin = HttpJson.onPort(port);
        HttpJson anyone = admin.anonymous();
        String sanjo = DemoPlans.uniqueName("三条市");
        String planId = DemoPlans.publish(admin, "sanjo", sanjo).json().get("id").asString();
        String hidden = planId + ".2-1.2";
        assertThat(admin.post("/api/plans/" + planId + "/revisions", """
                {"revisedBy": "推進本部", "reason": "個人が特定されうるため非公開とする", "changes": [
                   {"type": "set-publication", "kpi": "%s", "published": false},
                   {"type": "set-publication", "measure": "2-1", "privateFields": ["summary", "cost"]}]}"""
                .formatted(hidden)).status()).isEqualTo(201);

        JsonNode list = anyone.get("/api/open-data/plan-documents?municipality=" + HttpJson.encode(sanjo)).json();
        assertThat(list.valueStream().map(plan -> plan.get("id").asString())).containsExactly(planId);
        assertThat(list.at("/0/title").asString()).isEqualTo("三条市官民データ活用推進計画");

        JsonNode plan = anyone.get("/api/open-data/plan-documents/" + planId).json();
        JsonNode measure = plan.at("/pillars/1/measures/0");
        assertThat(measure.get("code").asString()).isEqualTo("2-1");
        assertThat(measure.get("title").asString()).isNotBlank();
        assertThat(measure.path("summary").isMissingNode() || measure.get("summary").isNull()).as("非公開 summary")
                .isTrue();
        assertThat(measure.get("cost")).isEmpty();
        assertThat(measure.get("kpis").valueStream().map(kpi -> kpi.get("id").asString()))
                .isNotEmpty().doesNotContain(hidden);
        assertThat(plan.get("departments").valueStream().filter(d -> d.hasNonNull("contact"))).isEmpty();
        JsonNode signedIn = admin.get("/api/plans/" + planId).json();
        assertThat(signedIn.toString()).as("signed in, all of it").contains(hidden);
        assertThat(signedIn.at("/pillars/1/measures/0/summary").asString()).isNotBlank();

        assertThat(anyone.get("/api/open-data/plan-documents/pln-none").status()).isEqualTo(404);
        assertThat(anyone.get("/api/plans/" + planId).status()).isEqualTo(401);
    }
}
