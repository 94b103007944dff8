package jp.shinchoku.plan.plans.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import jp.shinchoku.contracts.Events;
import jp.shinchoku.contracts.plan.KpiDefinedV1;
import jp.shinchoku.plan.plans.MilestoneStatus;
import jp.shinchoku.plan.plans.Plan;
import jp.shinchoku.plan.plans.PlanDraft;
import jp.shinchoku.plan.plans.PlanEvent;
import jp.shinchoku.plan.plans.ReviewDraft;
import jp.shinchoku.plan.plans.RevisionDraft;
import jp.shinchoku.plan.plans.PlanFixtures;
import jp.shinchoku.platform.events.EventJson;
import jp.shinchoku.testsupport.GoldenSamples;
import org.junit.jupiter.api.Test;

/** Producer side of the contracts: the plan service writes the golden samples. */
class PlanContractsTest {

    private final EventJson json = new EventJson();
    private final Plan plan = Plan.publish(PlanFixtures.draft(PlanFixtures.cardRate()), "pln-7c1e",
            Instant.parse("2026-04-01T00:00:00Z")).plan();

    @Test
    void writesPlanPublished() {
        GoldenSamples.assertMatches(Events.PLAN_PUBLISHED, json.writeString(PlanContracts.planPublished(plan)));
    }

    @Test
    void writesMilestoneStatusChanged() {
        String milestoneId = plan.milestones().findFirst().orElseThrow().id();
        Plan.Changed changed = plan.reportMilestone(milestoneId, MilestoneStatus.IN_PROGRESS, "出張申請受付を開始", "shimin",
                Instant.parse("2023-06-01T00:00:00Z"));
        GoldenSamples.assertMatches(Events.MILESTONE_STATUS_CHANGED, json.writeString(
                PlanContracts.milestoneStatusChanged((PlanEvent.MilestoneStatusChanged) changed.events().getFirst())));
    }

    @Test
    void writesPlanRevisedAndPlanReviewed() {
        String kpiId = plan.kpis().findFirst().orElseThrow().kpi().id();
        ReviewDraft review = new ReviewDraft("令和7年度", "令和7年度の取組を評価し、普及率の目標を見直した", "瀬戸内町情報化推進本部",
                List.of(new RevisionDraft(null, "マイナンバーカード普及率の目標を国の目標に合わせて引き上げ、期限を延長",
                        List.of(RevisionDraft.ChangeDraft.changeTarget(kpiId,
                                new PlanDraft.TargetDraft(BigDecimal.valueOf(30), "令和8年度末"))))));
        Plan.Changed reviewed = plan.review(review, Set.of(), Instant.parse("2026-05-20T01:00:00Z"));

        GoldenSamples.assertMatches(Events.PLAN_REVISED, json.writeString(PlanContracts.planRevised(
                (PlanEvent.PlanRevised) reviewed.events().getFirst())));
        GoldenSamples.assertMatches(Events.PLAN_REVIEWED, json.writeString(PlanContracts.planReviewed(
                (PlanEvent.PlanReviewed) reviewed.events().getLast())));
    }

    @Test
    void writesKpiDefined() {
        PlanDraft.KpiDraft rate = PlanFixtures.cardRate();
        PlanDraft.KpiDraft kept = new PlanDraft.KpiDraft(rate.code(), rate.name(), rate.unit(), rate.kind(), rate.direction(),
                rate.baseline(), rate.target(), null, null, null, List.of(), null, null, true,
                new PlanDraft.RatioDraft("マイナンバーカード交付枚数", "住民基本台帳人口"), null, "outcome", null);
        Plan maintained = Plan.publish(PlanFixtures.draft(kept), "pln-7c1e", Instant.parse("2026-04-01T00:00:00Z"))
                .plan();
        GoldenSamples.assertMatches(Events.KPI_DEFINED,
                json.writeString(PlanContracts.kpiDefined(maintained, maintained.kpis().findFirst().orElseThrow())));
    }

    @Test
    void aKpiIsDefinedRetiredWhenItOrItsMeasureIsRetired() {
        PlanDraft.KpiDraft offices = new PlanDraft.KpiDraft("office", "コンビニ交付の実施店舗数", "店", "count", "increase",
                null, new PlanDraft.TargetDraft(BigDecimal.TEN, "令和8年度末"), null, null, null, List.of());
        Plan two = Plan.publish(PlanFixtures.draft(PlanFixtures.cardRate(), offices), "pln-1",
                Instant.parse("2026-04-01T00:00:00Z")).plan();
        String officeId = two.kpis().toList().getLast().kpi().id();
        Plan.Changed retired = two.revise(new RevisionDraft("推進本部", "店舗数は追わない",
                List.of(RevisionDraft.ChangeDraft.retireKpi(officeId))), Set.of(), Instant.parse("2026-05-20T01:00:00Z"));

        List<KpiDefinedV1> defined = retired.events().stream().filter(PlanEvent.KpiDefined.class::isInstance)
                .map(event -> PlanContracts.kpiDefined(event.plan(), ((PlanEvent.KpiDefined) event).kpi())).toList();
        assertThat(defined).singleElement().satisfies(kpi -> {
            assertThat(kpi.kpiId()).isEqualTo(officeId);
            assertThat(kpi.retired()).isTrue();
            assertThat(kpi.revision()).isEqualTo(2);
        });
        assertThat(retired.plan().kpis().map(kpi -> PlanContracts.kpiDefined(retired.plan(), kpi).retired()))
                .as("the other KPI of the same measure is tracked").containsExactly(false, true);
    }

    @Test
    void aKpisOwnCadenceAndBasisTravelInItsDefinition() {
        var trainings = new PlanDraft.KpiDraft(null, "研修会等の実施回数", "倍", "relative", "increase",
                new PlanDraft.BaselineDraft(BigDecimal.valueOf(4), "平成30年度"), new PlanDraft.TargetDraft(null, "令和2年度末"),
                null, new BigDecimal("1.5"), null, List.of(), null, "baseline", null, null, "monthly");
        Plan published = Plan.publish(PlanFixtures.draft(trainings, PlanFixtures.cardRate()), "pln-1",
                Instant.parse("2018-11-01T00:00:00Z")).plan();
        List<KpiDefinedV1> defined = published.kpis().map(kpi -> PlanContracts.kpiDefined(published, kpi)).toList();

        assertThat(defined.get(0).relativeTo()).isEqualTo("baseline");
        assertThat(defined.get(0).reportingCadence()).as("the KPI's own").isEqualTo("monthly");
        assertThat(defined.get(1).relativeTo()).as("not a relative KPI").isNull();
        assertThat(defined.get(1).reportingCadence()).as("the plan's (none said)").isNull();
        assertThat(defined.get(1).maintain()).isNull();
        assertThat(defined).extracting(KpiDefinedV1::indicatorType).as("not said").containsOnlyNulls();
        assertThat(defined).extracting(KpiDefinedV1::published).as("公開 unless said").containsOnly(true);
    }

    @Test
    void aKpisIndicatorTypeAndPublicationTravelInItsDefinitionAndChangeItByRevision() {
        var rate = new PlanDraft.KpiDraft("rate", "オンライン申請率", "%", "percentage", "increase", null,
                new PlanDraft.TargetDraft(BigDecimal.valueOf(50), "令和8年度末"), null, null, null, List.of(), null, null, null,
                null, null, "効果", false);
        Plan published = Plan.publish(PlanFixtures.draft(rate), "pln-1", Instant.parse("2026-04-01T00:00:00Z")).plan();
        KpiDefinedV1 defined = PlanContracts.kpiDefined(published, published.kpis().findFirst().orElseThrow());
        assertThat(defined.indicatorType()).isEqualTo("outcome");
        assertThat(defined.published()).isFalse();

        Plan.Changed opened = published.revise(new RevisionDraft("推進本部", "公開する",
                List.of(RevisionDraft.ChangeDraft.setKpiPublication("pln-1.3-1.rate", true))), Set.of(),
                Instant.parse("2026-05-20T01:00:00Z"));
        assertThat(opened.events().stream().filter(PlanEvent.KpiDefined.class::isInstance)
                .map(event -> PlanContracts.kpiDefined(event.plan(), ((PlanEvent.KpiDefined) event).kpi())))
                .singleElement().satisfies(kpi -> {
                    assertThat(kpi.published()).isTrue();
                    assertThat(kpi.indicatorType()).isEqualTo("outcome");
                    assertThat(kpi.revision()).isEqualTo(2);
                });
    }

    @Test
    void aMeasuresTitleMadePrivateReDefinesItsKpisWithTheTitleNotPublishedAndItsSummaryAloneDoesNot() {
        var offices = new PlanDraft.KpiDraft("office", "コンビニ交付の実施店舗数", "店", "count", "increase", null,
                new PlanDraft.TargetDraft(BigDecimal.TEN, "令和8年度末"), null, null, null, List.of());
        Plan published = Plan.publish(PlanFixtures.draft(PlanFixtures.cardRate(), offices), "pln-1",
                Instant.parse("2026-04-01T00:00:00Z")).plan();
        assertThat(published.kpis().map(kpi -> PlanContracts.kpiDefined(published, kpi).measureTitlePublished()))
                .as("公開 unless said").containsOnly(true);

        Plan.Changed hidden = published.revise(new RevisionDraft("推進本部", "施策名は公表前のため非公開",
                List.of(RevisionDraft.ChangeDraft.setMeasurePublication("3-1", List.of("title")))), Set.of(),
                Instant.parse("2026-05-20T01:00:00Z"));
        assertThat(defined(hidden)).hasSize(2).allSatisfy(kpi -> {
            assertThat(kpi.measureTitlePublished()).isFalse();
            assertThat(kpi.measureTitle()).as("still told, for the staff's own views")
                    .isEqualTo("マイナンバーカードの取得率及び住民利便性の向上");
            assertThat(kpi.revision()).isEqualTo(2);
        });

        Plan.Changed summary = hidden.plan().revise(new RevisionDraft("推進本部", "施策名は公開、概要は非公開",
                List.of(RevisionDraft.ChangeDraft.setMeasurePublication("3-1", List.of("summary")))), Set.of(),
                Instant.parse("2026-05-21T01:00:00Z"));
        assertThat(defined(summary)).hasSize(2).allSatisfy(kpi -> assertThat(kpi.measureTitlePublished()).isTrue());

        Plan.Changed cost = summary.plan().revise(new RevisionDraft("推進本部", "事業費も非公開",
                List.of(RevisionDraft.ChangeDraft.setMeasurePublication("3-1", List.of("summary", "cost")))), Set.of(),
                Instant.parse("2026-05-22T01:00:00Z"));
        assertThat(defined(cost)).as("the KPIs' definitions are as they were").isEmpty();
    }

    private static List<KpiDefinedV1> defined(Plan.Changed changed) {
        return changed.events().stream().filter(PlanEvent.KpiDefined.class::isInstance)
                .map(event -> PlanContracts.kpiDefined(event.plan(), ((PlanEvent.KpiDefined) event).kpi())).toList();
    }
}
