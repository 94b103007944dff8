package jp.shinchoku.measurement.evaluations.messaging;

import jp.shinchoku.contracts.measurement.MeasureEvaluationChangedV1;
import jp.shinchoku.measurement.evaluations.Evaluation;
import jp.shinchoku.measurement.evaluations.Evaluations;

/** Maps a measure's submitted or evaluated evaluation to its wire contract. */
public final class EvaluationContracts {

    private EvaluationContracts() {
    }

    public static MeasureEvaluationChangedV1 changed(Evaluations.EvaluationChanged changed) {
        Evaluation evaluation = changed.evaluation();
        Evaluation.SelfEvaluation self = evaluation.self();
        Evaluation.HqEvaluation hq = evaluation.hq();
        return new MeasureEvaluationChangedV1(evaluation.id(), evaluation.planId(), evaluation.municipalityCode(),
                evaluation.measureCode(), evaluation.departmentCode(), evaluation.fiscalYear(), evaluation.state().name(),
                self == null || self.grade() == null ? null : self.grade().label(),
                self == null || self.direction() == null ? null : self.direction().name(),
                hq == null || hq.grade() == null ? null : hq.grade().label(),
                hq == null || hq.direction() == null ? null : hq.direction().name(), changed.by(), changed.at());
    }
}
