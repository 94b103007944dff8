package jp.shinchoku.plan.plans;

import java.math.BigDecimal;
import java.util.List;

import jp.shinchoku.plan.plans.PlanDraft.KpiDraft;
import jp.shinchoku.plan.plans.PlanDraft.MeasureDraft;
import jp.shinchoku.plan.plans.PlanDraft.RecurrenceDraft;
import jp.shinchoku.plan.plans.PlanDraft.TargetDraft;

/**
 * A revision (計画の改定) as the 推進本部 writes it: who revises, why, and the changes, in order. Fields are kept as
 * written, like {@link PlanDraft}, and checked when the revision is made.
 */
public record RevisionDraft(String revisedBy, String reason, List<ChangeDraft> changes) {

    public RevisionDraft {
        changes = changes == null ? List.of() : List.copyOf(changes);
    }

    /** The same revision made by this signed-in person (never what a request body claims). */
    public RevisionDraft by(String who) {
        return new RevisionDraft(who, reason, changes);
    }

    /**
     * One change. {@code type} says which, and which fields it reads:
     * <ul>
     * <li>{@code set-target}: {@code kpi} (a 未設定 KPI's id), its {@code kind}, {@code direction}, {@code unit} and
     * {@code target} (and {@code recurrence}, {@code factor} or {@code intermediateTargets} where the kind needs them)</li>
     * <li>{@code change-target}: {@code kpi}, and the {@code target}'s new value and/or deadline, and/or new
     * {@code intermediateTargets}</li>
     * <li>{@code add-measure}: {@code pillar} (its code) and the measure's {@code definition}</li>
     * <li>{@code retire-measure}: {@code measure} (its code)</li>
     * <li>{@code reassign-department}: {@code measure} and the new {@code department}</li>
     * <li>{@code reschedule-milestone}: {@code milestone} (its id) and the new {@code due}</li>
     * <li>{@code add-kpi}: {@code measure} (an active measure's code) and the KPI's {@code kpiDefinition}, as a plan
     * document writes a KPI (its {@code code} unique within the measure, retired KPIs included)</li>
     * <li>{@code retire-kpi}: {@code kpi} (its id); the KPI stays in the plan but is no longer tracked</li>
     * <li>{@code add-milestone}: {@code measure} (an active measure's code), the milestone's {@code text} and its
     * {@code due} (as a plan document writes it: {@code 令和7年度}, {@code 2025-09-30})</li>
     * <li>{@code set-publication}: either {@code kpi} (its id) and {@code published} ({@code true} 公開,
     * {@code false} 非公開), or {@code measure} (its code) and its {@code privateFields}, the whole list of its
     * 非公開 fields ({@code title}, {@code summary}, {@code cost}; empty to make all 公開); retired ones too</li>
     * </ul>
     */
    public record ChangeDraft(String type, String kpi, String measure, String milestone, String pillar,
            String department, String kind, String direction, String unit, TargetDraft target,
            RecurrenceDraft recurrence, BigDecimal factor, List<TargetDraft> intermediateTargets, String due,
            MeasureDraft definition, KpiDraft kpiDefinition, String text, Boolean published,
            List<String> privateFields) {

        public ChangeDraft {
            intermediateTargets = intermediateTargets == null ? List.of() : List.copyOf(intermediateTargets);
            privateFields = privateFields == null ? null
                    : java.util.Collections.unmodifiableList(new java.util.ArrayList<>(privateFields));
        }

        public ChangeDraft(String type, String kpi, String measure, String milestone, String pillar,
                String department, String kind, String direction, String unit, TargetDraft target,
                RecurrenceDraft recurrence, BigDecimal factor, List<TargetDraft> intermediateTargets, String due,
                MeasureDraft definition, KpiDraft kpiDefinition, String text) {
            this(type, kpi, measure, milestone, pillar, department, kind, direction, unit, target, recurrence, factor,
                    intermediateTargets, due, definition, kpiDefinition, text, null, null);
        }

        public static ChangeDraft setTarget(String kpi, String kind, String direction, TargetDraft target) {
            return new ChangeDraft("set-target", kpi, null, null, null, null, kind, direction, null, target, null, null,
                    null, null, null, null, null);
        }

        public static ChangeDraft changeTarget(String kpi, TargetDraft target) {
            return new ChangeDraft("change-target", kpi, null, null, null, null, null, null, null, target, null, null,
                    null, null, null, null, null);
        }

        public static ChangeDraft addMeasure(String pillar, MeasureDraft definition) {
            return new ChangeDraft("add-measure", null, null, null, pillar, null, null, null, null, null, null, null,
                    null, null, definition, null, null);
        }

        public static ChangeDraft retireMeasure(String measure) {
            return new ChangeDraft("retire-measure", null, measure, null, null, null, null, null, null, null, null, null,
                    null, null, null, null, null);
        }

        public static ChangeDraft reassignDepartment(String measure, String department) {
            return new ChangeDraft("reassign-department", null, measure, null, null, department, null, null, null, null,
                    null, null, null, null, null, null, null);
        }

        public static ChangeDraft rescheduleMilestone(String milestone, String due) {
            return new ChangeDraft("reschedule-milestone", null, null, milestone, null, null, null, null, null, null,
                    null, null, null, due, null, null, null);
        }

        public static ChangeDraft addKpi(String measure, KpiDraft definition) {
            return new ChangeDraft("add-kpi", null, measure, null, null, null, null, null, null, null, null, null,
                    null, null, null, definition, null);
        }

        public static ChangeDraft retireKpi(String kpi) {
            return new ChangeDraft("retire-kpi", kpi, null, null, null, null, null, null, null, null, null, null,
                    null, null, null, null, null);
        }

        public static ChangeDraft addMilestone(String measure, String text, String due) {
            return new ChangeDraft("add-milestone", null, measure, null, null, null, null, null, null, null, null,
                    null, null, due, null, null, text);
        }

        /** set-publication of a KPI: 公開 ({@code true}) or 非公開 ({@code false}). */
        public static ChangeDraft setKpiPublication(String kpi, Boolean published) {
            return new ChangeDraft("set-publication", kpi, null, null, null, null, null, null, null, null, null, null,
                    null, null, null, null, null, published, null);
        }

        /** set-publication of a measure: the whole list of its 非公開 fields (empty: all 公開). */
        public static ChangeDraft setMeasurePublication(String measure, List<String> privateFields) {
            return new ChangeDraft("set-publication", null, measure, null, null, null, null, null, null, null, null,
                    null, null, null, null, null, null, null, privateFields);
        }

    }

    /** The kinds of change a revision can make. */
    enum ChangeType {
        SET_TARGET, CHANGE_TARGET, ADD_MEASURE, RETIRE_MEASURE, REASSIGN_DEPARTMENT, RESCHEDULE_MILESTONE, ADD_KPI,
        RETIRE_KPI, ADD_MILESTONE, SET_PUBLICATION
    }
}
