package jp.shinchoku.measurement.evaluations;

import java.time.Clock;
import java.util.Collection;
import java.util.List;

import jp.shinchoku.measurement.evaluations.Evaluation.HqEvaluation;
import jp.shinchoku.measurement.evaluations.Evaluation.SelfEvaluation;
import jp.shinchoku.measurement.evaluations.Evaluation.State;
import jp.shinchoku.measurement.progress.Grade;

/**
 * 施策評価, year by year: the department drafts and submits its 自己評価, the 推進本部 evaluates it and decides the
 * measure's direction. Each change is kept only over the evaluation it read (retried when another came in between);
 * a submission and an evaluation raise {@link EvaluationChanged}, kept with them.
 */
public final class Evaluations {

    private static final int ATTEMPTS = 3;

    private final EvaluationRepository evaluations;
    private final Clock clock;

    public Evaluations(EvaluationRepository evaluations, Clock clock) {
        this.evaluations = evaluations;
        this.clock = clock;
    }

    /** A submission or an evaluation, as other services hear of it. */
    public record EvaluationChanged(Evaluation evaluation, String by, java.time.Instant at) {
    }

    /** What a change did. */
    public sealed interface Outcome {
        record Done(Evaluation evaluation) implements Outcome {
        }

        /** The change needs these fields (API names) filled in. */
        record Incomplete(List<String> missing) implements Outcome {
        }

        /** The evaluation is past the step this change belongs to. */
        record WrongState(State state) implements Outcome {
        }
    }

    /** The grade the engine offers first: that of the measure's weakest graded KPI ({@code NONE} when none is). */
    public static Grade suggestedGrade(Collection<Grade> kpiGrades) {
        return kpiGrades.stream().filter(grade -> grade != null && grade != Grade.NONE)
                .max(java.util.Comparator.comparingInt(Grade::ordinal)).orElse(Grade.NONE);
    }

    /** Keeps the department's draft (an empty field stays empty); only before it is submitted. */
    public Outcome draft(Evaluation blank, SelfEvaluation draft, String by) {
        return change(blank, current -> current.state() != State.DRAFT ? new Outcome.WrongState(current.state())
                : new Outcome.Done(current.drafted(stamped(draft, by))), false, by);
    }

    /**
     * Submits the 自己評価: the one given, or else the draft kept. Every field is needed; only a draft is submitted
     * (a submitted one waits for the 推進本部).
     */
    public Outcome submit(Evaluation blank, SelfEvaluation given, String by) {
        return change(blank, current -> {
            if (current.state() != State.DRAFT) {
                return new Outcome.WrongState(current.state());
            }
            SelfEvaluation submission = given != null ? given : current.self();
            List<String> missing = submission == null ? new SelfEvaluation(null, null, null, null, null, null, null)
                    .missing() : submission.missing();
            return missing.isEmpty() ? new Outcome.Done(current.submitted(stamped(submission, by)))
                    : new Outcome.Incomplete(missing);
        }, true, by);
    }

    /**
     * The 推進本部's evaluation, with its grade and the direction it decides; of a submitted 自己評価 (and again, to
     * correct it, of an evaluated one).
     */
    public Outcome evaluate(Evaluation blank, HqEvaluation evaluation, String by) {
        return change(blank, current -> {
            if (current.state() == State.DRAFT) {
                return new Outcome.WrongState(current.state());
            }
            List<String> missing = new java.util.ArrayList<>();
            if (evaluation.grade() == null || evaluation.grade() == Grade.NONE) {
                missing.add("grade");
            }
            if (evaluation.direction() == null) {
                missing.add("direction");
            }
            return missing.isEmpty() ? new Outcome.Done(current.evaluated(new HqEvaluation(evaluation.comment(),
                    evaluation.grade(), evaluation.direction(), by, clock.instant()))) : new Outcome.Incomplete(missing);
        }, true, by);
    }

    /** Reads the evaluation kept (else {@code blank}), decides, and keeps the result over what it read. */
    private Outcome change(Evaluation blank, java.util.function.Function<Evaluation, Outcome> decide, boolean announced,
            String by) {
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            Evaluation current = evaluations.find(blank.id()).orElse(blank);
            Outcome outcome = decide.apply(current);
            if (!(outcome instanceof Outcome.Done done)) {
                return outcome;
            }
            List<Object> events = announced ? List.of(new EvaluationChanged(done.evaluation(), by, clock.instant()))
                    : List.of();
            if (evaluations.save(done.evaluation(), events)) {
                return done;
            }
        }
        throw new ConcurrentEvaluationException(blank.id());
    }

    private SelfEvaluation stamped(SelfEvaluation self, String by) {
        return new SelfEvaluation(self.activities(), self.results(), self.issues(), self.direction(), self.grade(), by,
                clock.instant());
    }

    /** Another change was kept each time this one was about to be. */
    public static final class ConcurrentEvaluationException extends java.util.ConcurrentModificationException {
        ConcurrentEvaluationException(String id) {
            super("the evaluation " + id + " kept changing while it was saved");
        }
    }
}
