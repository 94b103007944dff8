package jp.shinchoku.portal.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * The plan service: the plans one may see, a plan (as {@code GET /api/plans/{planId}} shows it), its revisions
 * (計画の改定), reviews (年度見直し) and the differences between two revisions, a plan file imported, a department's
 * milestones and their status, a municipality's departments and their contacts; typed as the service reads and
 * answers them (its {@code RevisionDraft}, {@code ReviewDraft}, {@code PlanView}, {@code RevisionViews},
 * {@code MilestoneItem} and {@code RegisteredDepartment}). Calls go through {@link Api} with the signed-in user's token;
 * a refusal is an {@link ApiProblemException}, whose problems at their paths {@link #problems} reads.
 */
@Component
public class PlanClient {

    private final Api api;

    public PlanClient(Api api) {
        this.api = api;
    }

    /** {@code 2024-03-31} with {@code 令和6年3月31日} and its fiscal year {@code 令和5年度}. */
    public record DateView(String date, String wareki, String fiscalYear) {
    }

    public record Department(String code, String name) {
    }

    /**
     * A KPI: {@code kind} {@code undefined} is 未設定 (its target to be decided), {@code qualitative} has none;
     * {@code retired} once a revision retired it (it stays in the plan, no longer tracked).
     */
    public record Kpi(String id, String code, String name, String unit, String kind, String direction,
            BigDecimal target, DateView due, String targetText, boolean retired) {
    }

    /**
     * A milestone: what, by when, its status and the comment its last report gave; {@code decidesTargetOf} the KPI
     * whose 未設定 target it is to decide (none: null).
     */
    public record Milestone(String id, String text, DateView due, String status, String statusLabel, String comment,
            String decidesTargetOf) {
    }

    public record Measure(String code, String title, String department, boolean retired, List<Kpi> kpis,
            List<Milestone> milestones) {
        public Measure {
            kpis = kpis == null ? List.of() : kpis;
            milestones = milestones == null ? List.of() : milestones;
        }
    }

    public record Pillar(String code, String title, List<Measure> measures) {
        public Pillar {
            measures = measures == null ? List.of() : measures;
        }
    }

    public record Municipality(String code, String name) {
        /** How the plan service's department registry names it: its code, else its name. */
        public String key() {
            return code == null || code.isBlank() ? name : code;
        }
    }

    /** A plan's period in fiscal years ({@code 令和4年度} to {@code 令和8年度}). */
    public record Period(String from, String to) {
    }

    /** A plan: its period, pillars, measures, KPIs and milestones, its departments, its revision (第n版). */
    public record Plan(String id, String title, Municipality municipality, Period period, int revision,
            List<Department> departments, List<Pillar> pillars) {
        public Plan {
            departments = departments == null ? List.of() : departments;
            pillars = pillars == null ? List.of() : pillars;
        }
    }

    /** A target: a value and/or its deadline ({@code 2026-03-31} or {@code 令和8年3月}). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Target(BigDecimal value, String due) {
    }

    /** A KPI as a plan document defines it: the one a new measure brings, or one added to a measure. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record KpiDefinition(String code, String name, String unit, String kind, String direction, Target target) {

        /** Without a code (the plan service numbers it). */
        public KpiDefinition(String name, String unit, String kind, String direction, Target target) {
            this(null, name, unit, kind, direction, target);
        }
    }

    /** A new measure (個別施策) with its department and its KPIs. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record MeasureDefinition(String code, String title, String department, List<KpiDefinition> kpis) {
    }

    /** One change of a revision; {@code type} says which fields it reads (the plan service's {@code ChangeDraft}). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Change(String type, String kpi, String measure, String milestone, String pillar, String department,
            String kind, String direction, String unit, Target target, String due, MeasureDefinition definition,
            KpiDefinition kpiDefinition, String text) {

        public Change(String type, String kpi, String measure, String milestone, String pillar, String department,
                String kind, String direction, String unit, Target target, String due, MeasureDefinition definition) {
            this(type, kpi, measure, milestone, pillar, department, kind, direction, unit, target, due, definition, null,
                    null);
        }

        public static Change setTarget(String kpi, String kind, String direction, String unit, Target target) {
            return new Change("set-target", kpi, null, null, null, null, kind, direction, unit, target, null, null);
        }

        public static Change changeTarget(String kpi, Target target) {
            return new Change("change-target", kpi, null, null, null, null, null, null, null, target, null, null);
        }

        public static Change addMeasure(String pillar, MeasureDefinition definition) {
            return new Change("add-measure", null, null, null, pillar, null, null, null, null, null, null, definition);
        }

        public static Change retireMeasure(String measure) {
            return new Change("retire-measure", null, measure, null, null, null, null, null, null, null, null, null);
        }

        public static Change reassignDepartment(String measure, String department) {
            return new Change("reassign-department", null, measure, null, null, department, null, null, null, null, null,
                    null);
        }

        public static Change rescheduleMilestone(String milestone, String due) {
            return new Change("reschedule-milestone", null, null, milestone, null, null, null, null, null, null, due,
                    null);
        }

        /** A KPI added to an active measure ({@code measure} its code). */
        public static Change addKpi(String measure, KpiDefinition definition) {
            return new Change("add-kpi", null, measure, null, null, null, null, null, null, null, null, null, definition,
                    null);
        }

        /** A KPI retired: it stays in the plan, no longer tracked. */
        public static Change retireKpi(String kpi) {
            return new Change("retire-kpi", kpi, null, null, null, null, null, null, null, null, null, null);
        }

        /** A milestone added to an active measure: what is to be done, by when. */
        public static Change addMilestone(String measure, String text, String due) {
            return new Change("add-milestone", null, measure, null, null, null, null, null, null, null, due, null, null,
                    text);
        }
    }

    /** A revision: why, and its changes in order (who revises is the token's). */
    public record Revision(String reason, List<Change> changes) {
    }

    /** A fiscal year's review ({@code 令和5年度}), its note and the revisions it decided (none: the plan stays). */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record Review(String fiscalYear, String note, List<Revision> revisions) {
    }

    /** A review as recorded: its fiscal year and the revisions (第n版) it made. */
    public record RecordedReview(String id, int fiscalYear, String fiscalYearLabel, String note, String reviewedBy,
            List<Integer> revisions) {
        public RecordedReview {
            revisions = revisions == null ? List.of() : revisions;
        }
    }

    /** A plan as listed: what it is and whose. */
    public record PlanSummary(String id, String title, Municipality municipality) {
    }

    /** A revision as recorded (第n版): who made it, when and why. */
    public record RecordedRevision(int number, String label, Instant revisedAt, String revisedBy, String reason) {
    }

    /** What differs at a path between two revisions: {@code change} added, removed or changed. */
    public record Difference(String path, String change, String before, String after) {
    }

    /** Two revisions of a plan and what differs between them. */
    public record Comparison(RecordedRevision from, RecordedRevision to, List<Difference> differences) {
        public Comparison {
            differences = differences == null ? List.of() : differences;
        }
    }

    /** A department as the municipality's registry keeps it: its name and contact (where its alerts go). */
    public record RegisteredDepartment(String code, String name, String contact, boolean active) {
    }

    /** A department's name and contact as the 推進本部 keeps them (a contact {@code null}: none). */
    public record DepartmentEntry(String name, String contact) {
    }

    /** A milestone with the measure it belongs to. */
    public record MilestoneItem(String measureCode, String measureTitle, String department, Milestone milestone) {
    }

    /** A milestone's status reported ({@code not-started}, {@code in-progress}, …) with a comment. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record MilestoneReport(String status, String comment) {
    }

    /** A problem of a refused revision or review at its path ({@code changes[0].target.due}), in both languages. */
    public record Problem(String path, String messageJa, String messageEn) {
        public String message(Locale locale) {
            return Locale.ENGLISH.getLanguage().equals(locale.getLanguage()) && messageEn != null ? messageEn : messageJa;
        }
    }

    /** The plans the signed-in person may see (their first hundred). */
    public List<PlanSummary> plans() {
        JsonNode page = api.get(Api.Service.PLAN, "/api/plans?size=100");
        return page == null ? List.of() : MeasurementClient.list(page.path("items"), PlanSummary.class);
    }

    /** Imports a plan file (YAML, the plan-definition format); the plan as published. */
    public Plan importPlan(byte[] yaml) {
        return MeasurementClient.one(api.postBytes(Api.Service.PLAN, yaml, MediaType.parseMediaType("application/yaml"),
                "/api/plans"), Plan.class);
    }

    public Plan plan(String planId) {
        return MeasurementClient.one(api.get(Api.Service.PLAN, "/api/plans/{planId}", planId), Plan.class);
    }

    /** Revises the plan; the plan as revised (its {@code revision} the new number). */
    public Plan revise(String planId, Revision revision) {
        return MeasurementClient.one(api.post(Api.Service.PLAN, revision, "/api/plans/{planId}/revisions", planId),
                Plan.class);
    }

    /** Records a fiscal year's review with the revisions it decided, made as one. */
    public RecordedReview review(String planId, Review review) {
        return MeasurementClient.one(api.post(Api.Service.PLAN, review, "/api/plans/{planId}/reviews", planId),
                RecordedReview.class);
    }

    /** The plan's revisions, the first (第1版) first. */
    public List<RecordedRevision> revisions(String planId) {
        return MeasurementClient.list(api.get(Api.Service.PLAN, "/api/plans/{planId}/revisions", planId),
                RecordedRevision.class);
    }

    /** The plan's fiscal years' reviews as recorded. */
    public List<RecordedReview> reviews(String planId) {
        return MeasurementClient.list(api.get(Api.Service.PLAN, "/api/plans/{planId}/reviews", planId),
                RecordedReview.class);
    }

    /** What differs between two revisions ({@code from} and {@code to} their numbers). */
    public Comparison diff(String planId, int from, int to) {
        return MeasurementClient.one(api.get(Api.Service.PLAN, "/api/plans/{planId}/diff?from={from}&to={to}", planId,
                from, to), Comparison.class);
    }

    /** A department's milestones in a plan (their first two hundred). */
    public List<MilestoneItem> milestones(String planId, String department) {
        JsonNode page = api.get(Api.Service.PLAN, "/api/milestones?plan={plan}&department={department}&size=200",
                planId, department);
        return page == null ? List.of() : MeasurementClient.list(page.path("items"), MilestoneItem.class);
    }

    /** Reports a milestone's status with a comment. */
    public void reportMilestone(String planId, String milestoneId, MilestoneReport report) {
        api.put(Api.Service.PLAN, report, "/api/plans/{planId}/milestones/{milestoneId}/status", planId, milestoneId);
    }

    /**
     * A municipality's departments (its code, else its name, as {@link Municipality#key}), their first two hundred.
     */
    public List<RegisteredDepartment> departments(String municipality) {
        JsonNode page = api.get(Api.Service.PLAN, "/api/municipalities/{municipality}/departments?size=200",
                municipality);
        return page == null ? List.of() : MeasurementClient.list(page.path("items"), RegisteredDepartment.class);
    }

    /** Keeps a department's name and contact (the 推進本部's to keep). */
    public RegisteredDepartment saveDepartment(String municipality, String code, DepartmentEntry entry) {
        return MeasurementClient.one(api.put(Api.Service.PLAN, entry,
                "/api/municipalities/{municipality}/departments/{code}", municipality, code), RegisteredDepartment.class);
    }

    /**
     * The problems a refused revision, review or plan file names (400 {@code invalid-revision}, {@code invalid-plan});
     * none for another refusal.
     */
    public static List<Problem> problems(ApiProblemException refused) {
        return refused.body() instanceof JsonNode body ? MeasurementClient.list(body.path("errors"), Problem.class)
                : List.of();
    }
}
