package jp.shinchoku.plan.plans.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.Map;

import jp.shinchoku.plan.plans.Plan;
import jp.shinchoku.plan.plans.PlanDraft;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The published JSON Schema describes exactly the fields the plan service reads. */
class PlanDefinitionSchemaTest {

    @Test
    void theSchemaNamesEveryFieldOfTheFormatAndNoOther() throws IOException {
        JsonNode schema;
        try (InputStream in = getClass().getResourceAsStream("/schema/plan-definition.schema.json")) {
            schema = JsonMapper.builder().build().readTree(in);
        }
        JsonNode defs = schema.get("$defs");
        Map<Class<?>, JsonNode> described = Map.ofEntries(
                Map.entry(PlanDraft.class, schema),
                Map.entry(Plan.Municipality.class, schema.at("/properties/municipality")),
                Map.entry(PlanDraft.PeriodDraft.class, schema.at("/properties/period")),
                Map.entry(Plan.PromotionBody.class, schema.at("/properties/promotionBody")),
                Map.entry(Plan.Department.class, schema.at("/properties/departments/items")),
                Map.entry(PlanDraft.PillarDraft.class, defs.get("pillar")),
                Map.entry(PlanDraft.MeasureDraft.class, defs.get("measure")),
                Map.entry(PlanDraft.KpiDraft.class, defs.get("kpi")),
                Map.entry(PlanDraft.MilestoneDraft.class, defs.get("milestone")),
                Map.entry(PlanDraft.CostDraft.class, defs.get("measure").at("/properties/cost/items")),
                Map.entry(PlanDraft.RecurrenceDraft.class, defs.get("kpi").at("/properties/recurrence")),
                Map.entry(PlanDraft.RatioDraft.class, defs.get("kpi").at("/properties/ratio")));
        described.forEach((type, node) -> assertThat(node.get("properties").propertyNames())
                .as("schema of %s", type.getSimpleName())
                .containsExactlyInAnyOrderElementsOf(Arrays.stream(type.getRecordComponents()).map(RecordComponent::getName).toList()));
    }
}
