package jp.shinchoku.portal.web;

import java.util.HashMap;
import java.util.Map;

import jp.shinchoku.portal.api.Api;
import jp.shinchoku.portal.api.ApiProblemException;
import tools.jackson.databind.JsonNode;

/** A municipality's department names by code, as the plan service keeps them; the code where it has none. */
record Departments(Map<String, String> names) {

    static Departments of(Api api, String municipality) {
        Map<String, String> names = new HashMap<>();
        if (municipality != null && !municipality.isBlank()) {
            try {
                JsonNode page = api.get(Api.Service.PLAN, "/api/municipalities/{municipality}/departments?size=200",
                        municipality);
                if (page != null) {
                    page.path("items").forEach(d -> {
                        String name = d.path("name").asString("");
                        if (!name.isBlank()) {
                            names.put(d.path("code").asString(), name);
                        }
                    });
                }
            } catch (ApiProblemException notShown) {
                // the codes will do
            }
        }
        return new Departments(names);
    }

    public String name(String code) {
        return code == null ? "—" : names.getOrDefault(code, code);
    }
}
