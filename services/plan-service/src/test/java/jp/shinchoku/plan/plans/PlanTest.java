package jp.shinchoku.plan.plans;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

class PlanTest {

    private static final Instant NOW = Instant.parse("2026-04-01T00:00:00Z");

    @Test
    void publishingRaisesThePlanAndEachKpiWithStableIds() {
        Plan.Published published = Plan.publish(PlanFixtures.draft(PlanFixtures.cardRate(), PlanFixtures.cardRate()),
                "pln-1", NOW);

        assertThat(published.plan().revision()).isEqualTo(1);
        assertThat(published.plan().kpis().map(k -> k.kpi().id())).containsExactly("pln-1.3-1.1", "pln-1.3-1.2");
        assertThat(published.events()).hasSize(3).first().isInstanceOf(PlanEvent.PlanPublished.class);
        assertThat(published.events().subList(1, 3)).allMatch(PlanEvent.KpiDefined.class::isInstance);
    }

    @Test
    void everyProblemIsReportedAtOnceWithItsPath() {
        var noDeadline = new PlanDraft.KpiDraft("件数", "件", "count", "increase", null,
                new Plan.Target(BigDecimal.TEN, null));
        var deadlineBeforeBaseline = new PlanDraft.KpiDraft("率", "%", "percentage", "increase",
                new Plan.Baseline(BigDecimal.ONE, LocalDate.parse("2020-04-01")),
                new Plan.Target(BigDecimal.valueOf(120), LocalDate.parse("2019-03-31")));
        var noKind = new PlanDraft.KpiDraft("", null, "sometimes", null, null, null);
        PlanDraft draft = PlanFixtures.draft(noDeadline, deadlineBeforeBaseline, noKind);

        assertThatThrownBy(() -> Plan.publish(draft, "pln-1", NOW))
                .isInstanceOfSatisfying(InvalidPlanException.class, e -> assertThat(e.violations())
                        .extracting(Violation::path)
                        .containsExactly(
                                "pillars[0].measures[0].kpis[0].target.due",
                                "pillars[0].measures[0].kpis[1].target.due",
                                "pillars[0].measures[0].kpis[1].target.value",
                                "pillars[0].measures[0].kpis[2].name",
                                "pillars[0].measures[0].kpis[2].kind",
                                "pillars[0].measures[0].kpis[2].direction"));
    }

    @Test
    void recurringUndefinedAndQualitativeKpisNeedNoDeadline() {
        var undefined = new PlanDraft.KpiDraft("オンライン化された手続数", "件", "undefined", "increase", null, null);
        var qualitative = new PlanDraft.KpiDraft("体制の整備", null, "qualitative", "achieve", null, null);
        assertThat(PlanFixtures.draft(undefined, qualitative).violations()).isEmpty();
    }

    @Test
    void codesAreUniqueAndAPlanNeedsItsNames() {
        PlanDraft draft = new PlanDraft(null, " ", null, List.of(
                new PlanDraft.PillarDraft("1", "a", List.of(new PlanDraft.MeasureDraft("1-1", "m", null, List.of()))),
                new PlanDraft.PillarDraft("1", "b", List.of(new PlanDraft.MeasureDraft("1-1", "m", null, List.of())))));
        assertThat(draft.violations()).extracting(Violation::path)
                .containsExactly("municipality.name", "title", "pillars[1].code", "pillars[1].measures[0].code");
        assertThat(draft.violations()).allSatisfy(v -> assertThat(v.messageJa()).isNotBlank());
    }

    @Test
    void unknownKindsAreNamedInTheMessage() {
        var unknown = new PlanDraft.KpiDraft("件数", "件", "sometimes", "sideways", null, null);
        assertThat(PlanFixtures.draft(unknown).violations()).extracting(Violation::messageJa)
                .anySatisfy(m -> assertThat(m).contains("「sometimes」"))
                .anySatisfy(m -> assertThat(m).contains("「sideways」"));
    }
}
