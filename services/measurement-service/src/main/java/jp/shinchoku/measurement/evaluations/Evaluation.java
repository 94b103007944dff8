package jp.shinchoku.measurement.evaluations;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import jp.shinchoku.measurement.progress.Grade;

/**
 * A measure's evaluation of one fiscal year (施策評価): its department's 自己評価 (取組内容, 実績, 課題, the direction it
 * proposes and its grade), then the 推進本部's evaluation, with the direction it decides (今後の方向性). Drafted by the
 * department, submitted ({@code SUBMITTED}: it waits for the 推進本部), evaluated ({@code EVALUATED}).
 *
 * @param id      {@code <planId>:<measureCode>:FY<year>}
 * @param version the number of changes kept (each change is kept only over the version it read)
 */
public record Evaluation(String id, String planId, String municipalityCode, String measureCode, String departmentCode,
        int fiscalYear, State state, SelfEvaluation self, HqEvaluation hq, long version) {

    public Evaluation {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(state, "state");
    }

    public enum State {
        DRAFT, SUBMITTED, EVALUATED
    }

    /** 今後の方向性. */
    public enum Direction {
        CONTINUE, EXPAND, REVISE, COMPLETE, ABOLISH
    }

    /** The department's 自己評価; fields may be left empty in a draft, never in a submission. */
    public record SelfEvaluation(String activities, String results, String issues, Direction direction, Grade grade,
            String by, Instant at) {

        /** The fields a submission needs and this one lacks (by their API names). */
        public List<String> missing() {
            List<String> missing = new ArrayList<>();
            if (blank(activities)) {
                missing.add("activities");
            }
            if (blank(results)) {
                missing.add("results");
            }
            if (blank(issues)) {
                missing.add("issues");
            }
            if (direction == null) {
                missing.add("direction");
            }
            if (grade == null || grade == Grade.NONE) {
                missing.add("grade");
            }
            return missing;
        }
    }

    /** The 推進本部's evaluation and the direction it decided. */
    public record HqEvaluation(String comment, Grade grade, Direction direction, String by, Instant at) {
    }

    public static String id(String planId, String measureCode, int fiscalYear) {
        return planId + ":" + measureCode + ":FY" + fiscalYear;
    }

    /** A measure not evaluated yet. */
    public static Evaluation none(String planId, String municipalityCode, String measureCode, String departmentCode,
            int fiscalYear) {
        return new Evaluation(id(planId, measureCode, fiscalYear), planId, municipalityCode, measureCode, departmentCode,
                fiscalYear, State.DRAFT, null, null, 0);
    }

    Evaluation drafted(SelfEvaluation draft) {
        return new Evaluation(id, planId, municipalityCode, measureCode, departmentCode, fiscalYear, State.DRAFT, draft,
                hq, version + 1);
    }

    Evaluation submitted(SelfEvaluation submission) {
        return new Evaluation(id, planId, municipalityCode, measureCode, departmentCode, fiscalYear, State.SUBMITTED,
                submission, hq, version + 1);
    }

    Evaluation evaluated(HqEvaluation evaluation) {
        return new Evaluation(id, planId, municipalityCode, measureCode, departmentCode, fiscalYear, State.EVALUATED,
                self, evaluation, version + 1);
    }

    /** Sent back to its department for another draft (the 推進本部's evaluation, if any, kept until replaced). */
    Evaluation reopened() {
        return new Evaluation(id, planId, municipalityCode, measureCode, departmentCode, fiscalYear, State.DRAFT, self,
                hq, version + 1);
    }

    static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}
