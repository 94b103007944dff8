package jp.shinchoku.measurement.progress.messaging;

import jp.shinchoku.contracts.measurement.KpiProgressChangedV1;
import jp.shinchoku.contracts.measurement.KpiYearJudgedV1;
import jp.shinchoku.measurement.progress.ProgressChange;

/** Maps progress changes to their wire contract. */
public final class ProgressContracts {

    private ProgressContracts() {
    }

    public static KpiProgressChangedV1 changed(ProgressChange change) {
        var current = change.current();
        return new KpiProgressChangedV1(
                change.kpi().id(),
                change.kpi().planId(),
                change.kpi().departmentCode(),
                current.asOf(),
                current.latestValue(),
                current.achievement(),
                current.expectedAchievement(),
                change.previous() == null ? null : change.previous().status().name(),
                current.status().name(),
                change.kpi().due(),
                current.grade() == null ? null : current.grade().label(),
                change.previous() == null || change.previous().grade() == null ? null : change.previous().grade().label());
    }

    public static KpiYearJudgedV1 judged(ProgressChange.YearJudged judged) {
        var verdict = judged.verdict();
        return new KpiYearJudgedV1(judged.kpi().id(), judged.kpi().planId(), judged.kpi().municipalityCode(),
                judged.kpi().departmentCode(), verdict.fiscalYear(), verdict.value(), verdict.target(),
                verdict.verdict().name(), judged.previous() == null ? null : judged.previous().verdict().name(),
                verdict.shortMonths(), verdict.judgedOn());
    }
}
