package jp.shinchoku.portal.web;

import java.util.HashMap;
import java.util.Map;

import jp.shinchoku.portal.api.ApiProblemException;
import jp.shinchoku.portal.api.PlanClient;

/** A municipality's department names by code, as the plan service keeps them; the code where it has none. */
record Departments(Map<String, String> names) {

    static Departments of(PlanClient plans, String municipality) {
        Map<String, String> names = new HashMap<>();
        if (municipality != null && !municipality.isBlank()) {
            try {
                for (PlanClient.RegisteredDepartment department : plans.departments(municipality)) {
                    if (department.name() != null && !department.name().isBlank()) {
                        names.put(department.code(), department.name());
                    }
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
