package jp.shinchoku.portal.web;

import java.util.ArrayList;
import java.util.List;

import jp.shinchoku.portal.api.Api;
import tools.jackson.databind.JsonNode;

/** The plans the signed-in person may see, and the one a page is about. */
record Plans(List<PlanChoice> all, PlanChoice chosen) {

    record PlanChoice(String id, String title, String municipality) {
    }

    static Plans of(Api api, String wanted) {
        List<PlanChoice> all = new ArrayList<>();
        for (JsonNode plan : api.get(Api.Service.PLAN, "/api/plans?size=100").path("items")) {
            all.add(new PlanChoice(plan.path("id").asString(), plan.path("title").asString(),
                    plan.path("municipality").path("name").asString()));
        }
        PlanChoice chosen = all.stream().filter(plan -> plan.id().equals(wanted)).findFirst()
                .orElse(all.isEmpty() ? null : all.getFirst());
        return new Plans(all, chosen);
    }
}
