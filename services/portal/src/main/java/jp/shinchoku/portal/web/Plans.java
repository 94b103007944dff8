package jp.shinchoku.portal.web;

import java.util.ArrayList;
import java.util.List;

import jp.shinchoku.portal.api.PlanClient;

/** The plans the signed-in person may see, and the one a page is about. */
record Plans(List<PlanChoice> all, PlanChoice chosen) {

    record PlanChoice(String id, String title, String municipality) {
    }

    static Plans of(PlanClient plans, String wanted) {
        List<PlanChoice> all = new ArrayList<>();
        for (PlanClient.PlanSummary plan : plans.plans()) {
            all.add(new PlanChoice(plan.id(), text(plan.title()),
                    text(plan.municipality() == null ? null : plan.municipality().name())));
        }
        PlanChoice chosen = all.stream().filter(plan -> plan.id().equals(wanted)).findFirst()
                .orElse(all.isEmpty() ? null : all.getFirst());
        return new Plans(all, chosen);
    }

    private static String text(String text) {
        return text == null ? "" : text;
    }
}
