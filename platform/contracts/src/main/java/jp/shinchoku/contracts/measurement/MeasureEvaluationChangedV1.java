package jp.shinchoku.contracts.measurement;

import java.time.Instant;
import java.util.Objects;

/**
 * {@code measure.evaluation-changed.v1}: a measure's evaluation of a fiscal year moved on. Its department submitted its
 * 自己評価 ({@code SUBMITTED}: it waits for the 推進本部), or the 推進本部 evaluated it and decided the measure's
 * direction ({@code EVALUATED}). Keyed by plan id. Drafts are the department's own and raise no event.
 *
 * @param evaluationId     {@code <planId>:<measureCode>:FY<year>}
 * @param fiscalYear       the fiscal year's first calendar year (令和6年度: 2024)
 * @param state            {@code SUBMITTED} or {@code EVALUATED}
 * @param selfGrade        the department's grade ({@code S}, {@code A}, {@code B}, {@code C})
 * @param selfDirection    the direction the department proposed: {@code CONTINUE} 継続, {@code EXPAND} 拡充,
 *                         {@code REVISE} 見直し, {@code COMPLETE} 完了, {@code ABOLISH} 廃止
 * @param hqGrade          the 推進本部's grade (when {@code EVALUATED})
 * @param decidedDirection the direction the 推進本部 decided (when {@code EVALUATED})
 * @param changedBy        who submitted or evaluated (the token's subject)
 */
public record MeasureEvaluationChangedV1(
        String evaluationId,
        String planId,
        String municipalityCode,
        String measureCode,
        String departmentCode,
        int fiscalYear,
        String state,
        String selfGrade,
        String selfDirection,
        String hqGrade,
        String decidedDirection,
        String changedBy,
        Instant changedAt) {

    public MeasureEvaluationChangedV1 {
        Objects.requireNonNull(evaluationId, "evaluationId");
        Objects.requireNonNull(planId, "planId");
        Objects.requireNonNull(measureCode, "measureCode");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(changedAt, "changedAt");
    }
}
