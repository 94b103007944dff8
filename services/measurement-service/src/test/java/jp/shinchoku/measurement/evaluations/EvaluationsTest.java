package jp.shinchoku.measurement.evaluations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jp.shinchoku.measurement.evaluations.Evaluation.Direction;
import jp.shinchoku.measurement.evaluations.Evaluation.HqEvaluation;
import jp.shinchoku.measurement.evaluations.Evaluation.SelfEvaluation;
import jp.shinchoku.measurement.evaluations.Evaluation.State;
import jp.shinchoku.measurement.evaluations.Evaluations.Outcome;
import jp.shinchoku.measurement.progress.Grade;
import org.junit.jupiter.api.Test;

/** 施策評価 as the domain makes it: draft, submit, evaluate, each step once its turn has come. */
class EvaluationsTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-05-20T01:00:00Z"), ZoneId.of("Asia/Tokyo"));

    final Kept kept = new Kept();
    final Evaluations evaluations = new Evaluations(kept, CLOCK);
    final Evaluation blank = Evaluation.none("pln-1", "462233", "3-1", "shimin", 2024);

    @Test
    void aDepartmentDraftsAndSubmitsAndThe推進本部EvaluatesAndDecides() {
        assertThat(evaluations.draft(blank, new SelfEvaluation("出張申請の受付を開始", null, null, null, null, null, null),
                "shimin-sato")).isInstanceOf(Outcome.Done.class);
        assertThat(kept.events).as("a draft is the department's own").isEmpty();

        Outcome incomplete = evaluations.submit(blank, null, "shimin-sato");
        assertThat(incomplete).isEqualTo(new Outcome.Incomplete(List.of("results", "issues", "direction", "grade")));

        Outcome submitted = evaluations.submit(blank, full(), "shimin-sato");
        Evaluation evaluation = ((Outcome.Done) submitted).evaluation();
        assertThat(evaluation.state()).isEqualTo(State.SUBMITTED);
        assertThat(evaluation.self().by()).isEqualTo("shimin-sato");
        assertThat(evaluation.self().at()).isEqualTo(CLOCK.instant());
        assertThat(evaluation.version()).isEqualTo(2);
        assertThat(kept.events).singleElement().extracting(e -> ((Evaluations.EvaluationChanged) e).evaluation().state())
                .isEqualTo(State.SUBMITTED);

        assertThat(evaluations.draft(blank, full(), "shimin-sato")).isEqualTo(new Outcome.WrongState(State.SUBMITTED));
        assertThat(evaluations.submit(blank, full(), "shimin-sato")).isEqualTo(new Outcome.WrongState(State.SUBMITTED));
        assertThat(evaluations.evaluate(blank, new HqEvaluation("予算の見直しを", Grade.NONE, null, null, null), "hq"))
                .isEqualTo(new Outcome.Incomplete(List.of("grade", "direction")));

        Evaluation evaluated = ((Outcome.Done) evaluations.evaluate(blank,
                new HqEvaluation("予約制の周知を", Grade.C, Direction.REVISE, null, null), "hq-tanaka")).evaluation();
        assertThat(evaluated.state()).isEqualTo(State.EVALUATED);
        assertThat(evaluated.self()).as("the department's evaluation kept beside it").isEqualTo(evaluation.self());
        assertThat(evaluated.hq().by()).isEqualTo("hq-tanaka");
        assertThat(kept.events).hasSize(2);
        assertThat(evaluations.draft(blank, full(), "shimin-sato")).isEqualTo(new Outcome.WrongState(State.EVALUATED));
    }

    @Test
    void nothingIsEvaluatedBeforeItsDepartmentSubmits() {
        assertThat(evaluations.evaluate(blank, new HqEvaluation(null, Grade.A, Direction.CONTINUE, null, null), "hq"))
                .isEqualTo(new Outcome.WrongState(State.DRAFT));
        assertThat(kept.find(blank.id())).isEmpty();
    }

    @Test
    void aChangeIsKeptOverWhatItReadOrTriedAgain() {
        kept.refuseNext = 1;
        assertThat(evaluations.submit(blank, full(), "shimin-sato")).isInstanceOf(Outcome.Done.class);
        kept.refuseNext = 5;
        assertThatThrownBy(() -> evaluations.evaluate(blank, new HqEvaluation(null, Grade.A, Direction.EXPAND, null,
                null), "hq")).isInstanceOf(java.util.ConcurrentModificationException.class);
        assertThat(kept.find(blank.id()).orElseThrow().state()).isEqualTo(State.SUBMITTED);
    }

    @Test
    void theEngineOffersTheGradeOfTheMeasuresWeakestGradedKpi() {
        assertThat(Evaluations.suggestedGrade(List.of(Grade.S, Grade.B, Grade.NONE, Grade.A))).isEqualTo(Grade.B);
        assertThat(Evaluations.suggestedGrade(List.of(Grade.NONE))).isEqualTo(Grade.NONE);
    }

    private static SelfEvaluation full() {
        return new SelfEvaluation("出張申請の受付を開始", "交付率 72.4%", "若年層の申請が少ない", Direction.CONTINUE, Grade.B,
                null, null);
    }

    /** Keeps evaluations as the store does: a change only over the version it was made from. */
    static final class Kept implements EvaluationRepository {
        final Map<String, Evaluation> byId = new HashMap<>();
        final List<Object> events = new ArrayList<>();
        int refuseNext;

        @Override
        public Optional<Evaluation> find(String id) {
            return Optional.ofNullable(byId.get(id));
        }

        @Override
        public List<Evaluation> findAll(Collection<String> ids) {
            return ids.stream().map(byId::get).filter(java.util.Objects::nonNull).toList();
        }

        @Override
        public boolean save(Evaluation evaluation, List<Object> raised) {
            long keptVersion = byId.containsKey(evaluation.id()) ? byId.get(evaluation.id()).version() : 0;
            if (refuseNext > 0) {
                refuseNext--;
                return false;
            }
            if (keptVersion != evaluation.version() - 1) {
                return false;
            }
            byId.put(evaluation.id(), evaluation);
            events.addAll(raised);
            return true;
        }
    }
}
