package jp.shinchoku.plan.plans;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What differs between two states of a plan: its content (pillars, measures, KPIs, milestones and their fields),
 * element by element, matched by code or id. The status departments report on milestones is progress, not plan
 * content, and is not compared.
 */
public final class PlanDiff {

    private PlanDiff() {
    }

    public static List<Difference> between(Plan before, Plan after) {
        Map<String, Element> old = elements(before);
        Map<String, Element> current = elements(after);
        Set<String> paths = new LinkedHashSet<>(old.keySet());
        paths.addAll(current.keySet());
        List<Difference> found = new ArrayList<>();
        List<String> appearedOrVanished = new ArrayList<>();
        for (String path : paths) {
            if (appearedOrVanished.stream().anyMatch(parent -> path.startsWith(parent + "."))) {
                continue;
            }
            Element was = old.get(path);
            Element is = current.get(path);
            if (was == null || is == null) {
                appearedOrVanished.add(path);
                found.add(was == null ? new Difference(path, Difference.Change.ADDED, null, is.label())
                        : new Difference(path, Difference.Change.REMOVED, was.label(), null));
                continue;
            }
            Set<String> fields = new LinkedHashSet<>(was.fields().keySet());
            fields.addAll(is.fields().keySet());
            for (String field : fields) {
                String from = was.fields().get(field);
                String to = is.fields().get(field);
                if (!Objects.equals(from, to)) {
                    found.add(new Difference(path.isEmpty() ? field : path + "." + field, Difference.Change.CHANGED, from, to));
                }
            }
        }
        return found;
    }

    private record Element(String label, Map<String, String> fields) {
    }

    private static Map<String, Element> elements(Plan plan) {
        Map<String, Element> elements = new LinkedHashMap<>();
        elements.put("", new Element(plan.title(), fields("title", plan.title(),
                "period.from", plan.period() == null ? null : text(plan.period().fromFiscalYear()),
                "period.to", plan.period() == null ? null : text(plan.period().toFiscalYear()),
                "reportingCadence", WireNames.of(plan.reportingCadence()))));
        for (Plan.Pillar pillar : plan.pillars()) {
            elements.put("pillars[" + pillar.code() + "]", new Element(pillar.title(), fields("title", pillar.title())));
            for (Plan.Measure measure : pillar.measures()) {
                String measurePath = "measures[" + measure.code() + "]";
                elements.put(measurePath, new Element(measure.title(), fields("title", measure.title(),
                        "summary", measure.summary(), "pillar", pillar.code(), "department", measure.departmentCode(),
                        "retired", String.valueOf(measure.retired()),
                        "cost", measure.cost().isEmpty() ? null : measure.cost().stream()
                                .map(cost -> cost.fiscalYear() + ": " + text(cost.amount())
                                        + (cost.note() == null ? "" : " (" + cost.note() + ")"))
                                .collect(Collectors.joining(", ")),
                        "privateFields", measure.privateFields().isEmpty() ? null
                                : String.join(", ", measure.privateFields()))));
                for (Plan.Kpi kpi : measure.kpis()) {
                    elements.put(measurePath + ".kpis[" + kpi.id() + "]", new Element(kpi.name(), kpiFields(kpi)));
                }
                for (Plan.Milestone milestone : measure.milestones()) {
                    elements.put(measurePath + ".milestones[" + milestone.id() + "]", new Element(milestone.text(),
                            fields("text", milestone.text(), "due", text(milestone.due()),
                                    "decidesTargetOf", milestone.decidesTargetOf())));
                }
            }
        }
        return elements;
    }

    private static Map<String, String> kpiFields(Plan.Kpi kpi) {
        return fields("name", kpi.name(), "unit", kpi.unit(), "kind", WireNames.of(kpi.kind()),
                "direction", WireNames.of(kpi.direction()),
                "baseline.value", kpi.baseline() == null ? null : text(kpi.baseline().value()),
                "baseline.asOf", kpi.baseline() == null ? null : text(kpi.baseline().asOf()),
                "target.value", kpi.target() == null ? null : text(kpi.target().value()),
                "target.due", kpi.target() == null ? null : text(kpi.target().due()),
                "target.text", kpi.target() == null ? null : kpi.target().text(),
                "recurrence", kpi.recurrence() == null ? null
                        : kpi.recurrence().times() + "/" + WireNames.of(kpi.recurrence().per()),
                "factor", text(kpi.factor()),
                "intermediateTargets", kpi.intermediateTargets().isEmpty() ? null : kpi.intermediateTargets().stream()
                        .map(step -> step.due() + ": " + text(step.value())).collect(Collectors.joining(", ")),
                "note", kpi.note(),
                "accumulation", WireNames.of(kpi.accumulation()),
                "indicatorType", WireNames.of(kpi.indicatorType()),
                "published", String.valueOf(kpi.published()),
                "retired", String.valueOf(kpi.retired()));
    }

    /** Field names and values, in pairs; the order is kept. */
    private static Map<String, String> fields(String... namesAndValues) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            fields.put(namesAndValues[i], namesAndValues[i + 1]);
        }
        return fields;
    }

    private static String text(Object value) {
        return switch (value) {
            case null -> null;
            case BigDecimal number -> number.stripTrailingZeros().toPlainString();
            default -> value.toString();
        };
    }
}
