package jp.shinchoku.plan.plans;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import jp.shinchoku.plan.plans.PlanDraft.BaselineDraft;
import jp.shinchoku.plan.plans.PlanDraft.KpiDraft;
import jp.shinchoku.plan.plans.PlanDraft.MeasureDraft;
import jp.shinchoku.plan.plans.PlanDraft.MilestoneDraft;
import jp.shinchoku.plan.plans.PlanDraft.TargetDraft;
import jp.shinchoku.plan.plans.RevisionDraft.ChangeDraft;
import org.junit.jupiter.api.Test;

/** Revisions (計画の改定) and fiscal-year reviews (年度見直し), in the domain alone. */
class PlanRevisionTest {

    private static final Instant PUBLISHED = Instant.parse("2023-04-01T00:00:00Z");
    private static final Instant LATER = Instant.parse("2024-05-20T01:00:00Z");
    private static final Set<String> DEPARTMENTS = Set.of("johoseisaku", "shimin", "kikaku");

    /** 1-1 has a 未設定 KPI decided by a milestone; 2-1 a count KPI. */
    private final Plan plan = Plan.publish(new PlanDraft(new Plan.Municipality("152048", "三条市", "新潟県"),
            "三条市官民データ活用推進計画", "令和5年4月", null, null, null, null, List.of(
                    new PlanDraft.PillarDraft("1", "オンライン化", List.of(new MeasureDraft("1-1", "手続のオンライン化", null,
                            "johoseisaku", List.of(new KpiDraft("n", "オンライン化した手続数", "件", "undefined", null, null, null,
                                    null, null, null, null)),
                            List.of(new MilestoneDraft("目標値を設定", "令和5年度末", true, null))))),
                    new PlanDraft.PillarDraft("2", "マイナンバーカード", List.of(new MeasureDraft("2-1", "カードの普及", null,
                            "shimin", List.of(new KpiDraft("rate", "交付率", "%", "percentage", "increase",
                                    new BaselineDraft(new BigDecimal("40"), "令和5年3月末"), new TargetDraft(new BigDecimal("70"),
                                            "令和6年度末"), null, null, null, null)),
                            List.of(new MilestoneDraft("出張申請受付の開始", "令和5年9月", null, null))))))),
            "pln-1", "推進本部", DEPARTMENTS, PUBLISHED).plan();

    private static RevisionDraft revision(ChangeDraft... changes) {
        return new RevisionDraft("情報政策課 山田", "推進本部会議（令和6年5月）の決定", List.of(changes));
    }

    private Plan.Changed revise(ChangeDraft... changes) {
        return plan.revise(revision(changes), DEPARTMENTS, LATER);
    }

    private static List<Violation> violations(Runnable revising) {
        try {
            revising.run();
        } catch (InvalidRevisionException e) {
            return e.violations();
        }
        throw new AssertionError("the revision was accepted");
    }

    @Test
    void settingAnUndefinedTargetMakesRevisionTwoAndRedefinesThatKpiOnly() {
        Plan.Changed changed = revise(ChangeDraft.setTarget("pln-1.1-1.n", "count", "increase",
                new TargetDraft(BigDecimal.valueOf(50), "令和7年度末")));

        Plan revised = changed.plan();
        Plan.Kpi kpi = revised.kpi("pln-1.1-1.n").orElseThrow().kpi();
        assertThat(kpi.kind()).isEqualTo(KpiKind.COUNT);
        assertThat(kpi.direction()).isEqualTo(Direction.INCREASE);
        assertThat(kpi.target().value()).isEqualByComparingTo("50");
        assertThat(kpi.target().due()).isEqualTo(LocalDate.of(2026, 3, 31));
        assertThat(revised.revision()).isEqualTo(2);
        assertThat(revised.updatedAt()).isEqualTo(LATER);
        assertThat(revised.history()).extracting(Plan.Revision::number, Plan.Revision::author, Plan.Revision::reason)
                .containsExactly(tuple(1, "推進本部", Plan.PUBLICATION_REASON), tuple(2, "情報政策課 山田", "推進本部会議（令和6年5月）の決定"));
        assertThat(revised.history().getLast().changes()).extracting(Difference::path, Difference::before, Difference::after)
                .containsExactly(
                        tuple("measures[1-1].kpis[pln-1.1-1.n].kind", "undefined", "count"),
                        tuple("measures[1-1].kpis[pln-1.1-1.n].direction", null, "increase"),
                        tuple("measures[1-1].kpis[pln-1.1-1.n].target.value", null, "50"),
                        tuple("measures[1-1].kpis[pln-1.1-1.n].target.due", null, "2026-03-31"));
        assertThat(changed.events()).hasSize(2);
        assertThat(changed.events().getFirst()).isInstanceOfSatisfying(PlanEvent.PlanRevised.class,
                event -> assertThat(event.revision().number()).isEqualTo(2));
        assertThat(changed.events().getLast()).isInstanceOfSatisfying(PlanEvent.KpiDefined.class,
                event -> assertThat(event.kpi().kpi().id()).isEqualTo("pln-1.1-1.n"));
        assertThat(plan.revision()).as("the plan itself is a value").isEqualTo(1);
    }

    @Test
    void aTargetIsSetOnlyOnAnUndefinedKpiAndChangedOnlyOnADefinedOne() {
        assertThat(violations(() -> revise(ChangeDraft.setTarget("pln-1.2-1.rate", "percentage", "increase",
                new TargetDraft(BigDecimal.ONE, "令和7年度末"))))).extracting(Violation::path)
                .containsExactly("changes[0].kpi");
        assertThat(violations(() -> revise(ChangeDraft.changeTarget("pln-1.1-1.n",
                new TargetDraft(BigDecimal.ONE, "令和7年度末"))))).extracting(Violation::path)
                .containsExactly("changes[0].kpi");
        assertThat(violations(() -> revise(ChangeDraft.setTarget("pln-1.1-1.n", "count", "increase",
                new TargetDraft(BigDecimal.ONE, null))))).extracting(Violation::path, Violation::messageJa)
                .containsExactly(tuple("changes[0].target.due", "目標の期限は必須です"));
        assertThat(violations(() -> revise(ChangeDraft.setTarget("pln-1.1-1.n", "undefined", null, null))))
                .extracting(Violation::path).containsExactly("changes[0].kind");
    }

    @Test
    void changingATargetKeepsWhatIsNotGivenAndIsCheckedLikeAPlan() {
        Plan revised = revise(ChangeDraft.changeTarget("pln-1.2-1.rate", new TargetDraft(null, "令和7年度末", null))).plan();
        Plan.Target target = revised.kpi("pln-1.2-1.rate").orElseThrow().kpi().target();
        assertThat(target.value()).isEqualByComparingTo("70");
        assertThat(target.due()).isEqualTo(LocalDate.of(2026, 3, 31));

        assertThat(violations(() -> revise(ChangeDraft.changeTarget("pln-1.2-1.rate", new TargetDraft(new BigDecimal("120"), null)),
                ChangeDraft.changeTarget("pln-1.2-1.rate", new TargetDraft(null, "令和4年12月")),
                ChangeDraft.changeTarget("pln-1.2-1.rate", null))))
                .extracting(Violation::path)
                .containsExactly("changes[0].target.value", "changes[1].target.due", "changes[2].target");
    }

    @Test
    void intermediateTargetsAreSetByRevisionAndMustComeBeforeTheDeadline() {
        ChangeDraft steps = new ChangeDraft("change-target", "pln-1.2-1.rate", null, null, null, null, null, null, null,
                null, null, null, List.of(new TargetDraft(BigDecimal.valueOf(55), "令和5年度末"),
                        new TargetDraft(BigDecimal.valueOf(90), "令和8年度")), null, null, null, null);

        assertThat(violations(() -> revise(steps))).extracting(Violation::path)
                .containsExactly("changes[0].intermediateTargets[1].due");

        ChangeDraft oneStep = new ChangeDraft("change-target", "pln-1.2-1.rate", null, null, null, null, null, null, null,
                null, null, null, List.of(new TargetDraft(BigDecimal.valueOf(55), "令和5年度末")), null, null, null, null);
        Plan.Kpi kpi = revise(oneStep).plan().kpi("pln-1.2-1.rate").orElseThrow().kpi();
        assertThat(kpi.intermediateTargets()).extracting(Plan.Target::due).containsExactly(LocalDate.of(2024, 3, 31));
    }

    @Test
    void aMeasureIsAddedWithItsKpisDefined() {
        MeasureDraft added = new MeasureDraft("2-2", "カードの利活用", null, "shimin",
                List.of(new KpiDraft("コンビニ交付の利用件数", "件", "count", "increase", null,
                        new TargetDraft(BigDecimal.valueOf(1000), "令和7年度末"))),
                List.of(new MilestoneDraft("コンビニ交付の開始", "令和6年10月", null, null)));

        Plan.Changed changed = revise(ChangeDraft.addMeasure("2", added));

        assertThat(changed.plan().measure("2-2")).isPresent();
        assertThat(changed.plan().milestones()).extracting(Plan.Milestone::id).contains("pln-1.2-2.m1");
        assertThat(changed.plan().history().getLast().changes()).extracting(Difference::path, Difference::change)
                .containsExactly(tuple("measures[2-2]", Difference.Change.ADDED));
        assertThat(changed.events()).filteredOn(PlanEvent.KpiDefined.class::isInstance)
                .extracting(event -> ((PlanEvent.KpiDefined) event).kpi().kpi().id()).containsExactly("pln-1.2-2.1");

        MeasureDraft duplicate = new MeasureDraft("1-1", "重複", "nobody", List.of());
        assertThat(violations(() -> revise(ChangeDraft.addMeasure("9", duplicate)))).extracting(Violation::path)
                .containsExactly("changes[0].pillar", "changes[0].definition.code", "changes[0].definition.department");
    }

    @Test
    void aRetiredMeasureStaysWithItsKpisMarkedRetiredAndTakesNoMoreChanges() {
        Plan.Changed changed = revise(ChangeDraft.retireMeasure("2-1"));

        assertThat(changed.plan().measure("2-1").orElseThrow().retired()).isTrue();
        assertThat(changed.events()).filteredOn(PlanEvent.KpiDefined.class::isInstance).singleElement()
                .satisfies(event -> assertThat(((PlanEvent.KpiDefined) event).kpi().measure().retired()).isTrue());

        Plan retired = changed.plan();
        assertThatThrownBy(() -> retired.revise(revision(ChangeDraft.retireMeasure("2-1"),
                ChangeDraft.changeTarget("pln-1.2-1.rate", new TargetDraft(BigDecimal.ONE, null)),
                ChangeDraft.reassignDepartment("2-1", "kikaku")), DEPARTMENTS, LATER))
                .isInstanceOfSatisfying(InvalidRevisionException.class, e -> assertThat(e.violations())
                        .extracting(Violation::path)
                        .containsExactly("changes[0].measure", "changes[1].kpi", "changes[2].measure"));
    }

    @Test
    void reassigningADepartmentRedefinesTheMeasuresKpisForTheNewDepartment() {
        Plan.Changed changed = revise(ChangeDraft.reassignDepartment("2-1", "kikaku"));

        assertThat(changed.events()).filteredOn(PlanEvent.KpiDefined.class::isInstance).singleElement()
                .satisfies(event -> assertThat(((PlanEvent.KpiDefined) event).kpi().measure().departmentCode())
                        .isEqualTo("kikaku"));
        assertThat(violations(() -> revise(ChangeDraft.reassignDepartment("2-1", "unknown"),
                ChangeDraft.reassignDepartment("9-9", "kikaku"))))
                .extracting(Violation::path).containsExactly("changes[0].department", "changes[1].measure");
    }

    @Test
    void aMilestoneIsRescheduled() {
        Plan revised = revise(ChangeDraft.rescheduleMilestone("pln-1.2-1.m1", "令和6年3月")).plan();

        assertThat(revised.milestones().filter(m -> m.id().equals("pln-1.2-1.m1")).findFirst().orElseThrow().due())
                .isEqualTo(LocalDate.of(2024, 3, 31));
        assertThat(violations(() -> revise(ChangeDraft.rescheduleMilestone("pln-1.2-1.m1", "令和0年3月"))))
                .extracting(Violation::path).containsExactly("changes[0].due");
    }

    @Test
    void aKpiIsAddedToAMeasureDefinedAsAPlanDefinesOne() {
        Plan.Changed changed = revise(ChangeDraft.addKpi("2-1", new KpiDraft("conv", "コンビニ交付の利用件数", "件",
                "count", "increase", null, new TargetDraft(BigDecimal.valueOf(1000), "令和7年度"), null, null, null,
                null)));

        Plan.LocatedKpi added = changed.plan().kpi("pln-1.2-1.conv").orElseThrow();
        assertThat(added.measure().kpis()).extracting(Plan.Kpi::id).containsExactly("pln-1.2-1.rate", "pln-1.2-1.conv");
        assertThat(added.kpi().target().due()).as("a fiscal year's deadline is its last day")
                .isEqualTo(LocalDate.of(2026, 3, 31));
        assertThat(added.kpi().baseline().asOf()).as("taken as of the plan's issue date, as the import does")
                .isEqualTo(LocalDate.of(2023, 4, 1));
        assertThat(changed.plan().history().getLast().changes()).extracting(Difference::path, Difference::change,
                Difference::after).containsExactly(
                        tuple("measures[2-1].kpis[pln-1.2-1.conv]", Difference.Change.ADDED, "コンビニ交付の利用件数"));
        assertThat(changed.events()).filteredOn(PlanEvent.KpiDefined.class::isInstance)
                .extracting(event -> ((PlanEvent.KpiDefined) event).kpi().kpi().id()).containsExactly("pln-1.2-1.conv");

        Plan.Changed unnamed = revise(ChangeDraft.addKpi("1-1", new KpiDraft("窓口の待ち時間", "分", "count", "decrease",
                null, new TargetDraft(BigDecimal.TEN, "令和7年度末"))));
        assertThat(unnamed.plan().kpi("pln-1.1-1.2")).as("without a code, its ordinal, as the import").isPresent();
    }

    @Test
    void anAddedKpiIsCheckedLikeAnImportedOneAndItsCodeIsNotUsedTwice() {
        assertThat(violations(() -> revise(
                ChangeDraft.addKpi("9-9", new KpiDraft("x", "件数", "件", "count", "increase", null,
                        new TargetDraft(BigDecimal.ONE, "令和7年度末"), null, null, null, null)),
                ChangeDraft.addKpi("2-1", new KpiDraft("rate", "交付率（再掲）", "%", "percentage", "increase", null,
                        new TargetDraft(BigDecimal.valueOf(80), "令和7年度末"), null, null, null, null)),
                ChangeDraft.addKpi("2-1", new KpiDraft("new", " ", "%", "percentage", "increase", null,
                        new TargetDraft(BigDecimal.valueOf(80), "令和0年度"), null, null, null, null)),
                ChangeDraft.addKpi("2-1", null))))
                .extracting(Violation::path, Violation::messageJa)
                .containsExactly(
                        tuple("changes[0].measure", "施策「9-9」はこの計画にありません"),
                        tuple("changes[1].kpiDefinition.code", "評価指標のコード「rate」が重複しています"),
                        tuple("changes[2].kpiDefinition.name", "評価指標名は必須です"),
                        tuple("changes[2].kpiDefinition.target.due", violations(() -> revise(
                                ChangeDraft.rescheduleMilestone("pln-1.2-1.m1", "令和0年度"))).getFirst().messageJa()),
                        tuple("changes[3].kpiDefinition", "追加する評価指標の定義が必要です"));

        ChangeDraft conv = ChangeDraft.addKpi("2-1", new KpiDraft("conv", "コンビニ交付", "件", "count", "increase", null,
                new TargetDraft(BigDecimal.ONE, "令和7年度末"), null, null, null, null));
        assertThat(violations(() -> revise(conv, conv))).as("a code added by an earlier change of the revision")
                .extracting(Violation::path).containsExactly("changes[1].kpiDefinition.code");
        Plan retired = revise(ChangeDraft.retireMeasure("2-1")).plan();
        assertThatThrownBy(() -> retired.revise(revision(conv), DEPARTMENTS, LATER))
                .isInstanceOfSatisfying(InvalidRevisionException.class, e -> assertThat(e.violations())
                        .extracting(Violation::path, Violation::messageJa)
                        .containsExactly(tuple("changes[0].measure", "施策「2-1」は廃止されています")));
    }

    @Test
    void aRetiredKpiStaysInThePlanIsNoLongerTrackedAndTakesNoMoreChanges() {
        Plan.Changed changed = revise(ChangeDraft.retireKpi("pln-1.2-1.rate"));

        Plan.LocatedKpi located = changed.plan().kpi("pln-1.2-1.rate").orElseThrow();
        assertThat(located.kpi().retired()).isTrue();
        assertThat(located.measure().retired()).as("only the KPI").isFalse();
        assertThat(located.retired()).isTrue();
        assertThat(located.kpi().target().value()).as("its definition kept").isEqualByComparingTo("70");
        assertThat(changed.plan().history().getLast().changes()).containsExactly(new Difference(
                "measures[2-1].kpis[pln-1.2-1.rate].retired", Difference.Change.CHANGED, "false", "true"));
        assertThat(changed.events()).filteredOn(PlanEvent.KpiDefined.class::isInstance).singleElement()
                .satisfies(event -> assertThat(((PlanEvent.KpiDefined) event).kpi().retired()).isTrue());
        assertThat(PlanFilter.all().kpis(changed.plan())).extracting(k -> k.kpi().id())
                .as("lists leave it out unless asked").containsExactly("pln-1.1-1.n");

        Plan retired = changed.plan();
        assertThatThrownBy(() -> retired.revise(revision(ChangeDraft.retireKpi("pln-1.2-1.rate"),
                ChangeDraft.changeTarget("pln-1.2-1.rate", new TargetDraft(BigDecimal.TEN, null)),
                ChangeDraft.retireKpi("pln-1.nope")), DEPARTMENTS, LATER))
                .isInstanceOfSatisfying(InvalidRevisionException.class, e -> assertThat(e.violations())
                        .extracting(Violation::path, Violation::messageJa, Violation::messageEn)
                        .containsExactly(
                                tuple("changes[0].kpi", "評価指標「交付率」は廃止されています", "the KPI '交付率' is retired"),
                                tuple("changes[1].kpi", "評価指標「交付率」は廃止されています", "the KPI '交付率' is retired"),
                                tuple("changes[2].kpi", "評価指標「pln-1.nope」はこの計画にありません",
                                        "the plan has no KPI 'pln-1.nope'")));
        Plan measureRetired = revise(ChangeDraft.retireMeasure("1-1")).plan();
        assertThat(violations(() -> measureRetired.revise(revision(ChangeDraft.retireKpi("pln-1.1-1.n")), DEPARTMENTS,
                LATER))).extracting(Violation::path, Violation::messageJa)
                .containsExactly(tuple("changes[0].kpi", "施策「1-1」は廃止されています"));
    }

    @Test
    void aMilestoneIsAddedWithItsDeadlineReadAsTheImportReadsIt() {
        Plan.Changed changed = revise(ChangeDraft.addMilestone("2-1", "休日交付窓口の開設", "令和7年度"));

        Plan.Milestone added = changed.plan().measure("2-1").orElseThrow().milestones().getLast();
        assertThat(added.id()).isEqualTo("pln-1.2-1.m2");
        assertThat(added.text()).isEqualTo("休日交付窓口の開設");
        assertThat(added.due()).isEqualTo(LocalDate.of(2026, 3, 31));
        assertThat(added.status()).isEqualTo(MilestoneStatus.NOT_STARTED);
        assertThat(changed.plan().history().getLast().changes()).extracting(Difference::path, Difference::change,
                Difference::after).containsExactly(
                        tuple("measures[2-1].milestones[pln-1.2-1.m2]", Difference.Change.ADDED, "休日交付窓口の開設"));
        assertThat(changed.events()).as("the revision carries the plan's milestones; no KPI changed").singleElement()
                .isInstanceOfSatisfying(PlanEvent.PlanRevised.class, event -> assertThat(event.plan().milestones())
                        .extracting(Plan.Milestone::id).contains("pln-1.2-1.m2"));
        Plan twice = revise(ChangeDraft.addMilestone("2-1", "一", "2025-06-30"),
                ChangeDraft.addMilestone("2-1", "二", "2025-09-30")).plan();
        assertThat(twice.measure("2-1").orElseThrow().milestones()).extracting(Plan.Milestone::id)
                .containsExactly("pln-1.2-1.m1", "pln-1.2-1.m2", "pln-1.2-1.m3");

        assertThat(violations(() -> revise(ChangeDraft.addMilestone("9-9", "開設", "令和7年度"),
                ChangeDraft.addMilestone("2-1", " ", null),
                ChangeDraft.addMilestone("2-1", "開設", "令和0年度"))))
                .extracting(Violation::path, Violation::messageJa)
                .containsExactly(
                        tuple("changes[0].measure", "施策「9-9」はこの計画にありません"),
                        tuple("changes[1].text", "スケジュールの内容は必須です"),
                        tuple("changes[1].due", "スケジュールの期限を指定してください"),
                        tuple("changes[2].due", violations(() -> revise(
                                ChangeDraft.rescheduleMilestone("pln-1.2-1.m1", "令和0年度"))).getFirst().messageJa()));
    }

    @Test
    void aRevisionIsAllOrNothingAndNeedsWhoWhyAndAChange() {
        RevisionDraft anonymous = new RevisionDraft(" ", null, List.of(
                ChangeDraft.reassignDepartment("2-1", "kikaku"),
                new ChangeDraft("rename", null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null)));

        assertThat(violations(() -> plan.revise(anonymous, DEPARTMENTS, LATER)))
                .extracting(Violation::path).containsExactly("revisedBy", "reason", "changes[1].type");
        assertThat(violations(() -> plan.revise(revision(), DEPARTMENTS, LATER)))
                .extracting(Violation::path).containsExactly("changes");
        assertThat(violations(() -> revise(ChangeDraft.reassignDepartment("2-1", "shimin"))))
                .extracting(Violation::messageJa).containsExactly("この改定では計画が何も変わりません");
    }

    @Test
    void aReviewRecordsItsRevisionsAsOneNumberedSet() {
        ReviewDraft review = new ReviewDraft("令和5年度", "令和5年度の実績を評価した", "推進本部", List.of(
                new RevisionDraft(null, "目標値の決定", List.of(ChangeDraft.setTarget("pln-1.1-1.n", "count", "increase",
                        new TargetDraft(BigDecimal.valueOf(50), "令和7年度末")))),
                new RevisionDraft("市民課", "担当の変更", List.of(ChangeDraft.reassignDepartment("2-1", "kikaku")))));

        Plan.Changed changed = plan.review(review, DEPARTMENTS, LATER);

        Plan reviewed = changed.plan();
        assertThat(reviewed.revision()).isEqualTo(3);
        assertThat(reviewed.reviews()).singleElement().satisfies(held -> {
            assertThat(held.id()).isEqualTo("pln-1.review-2023");
            assertThat(held.fiscalYear()).isEqualTo(2023);
            assertThat(held.revisions()).containsExactly(2, 3);
        });
        assertThat(reviewed.history().subList(1, 3)).extracting(Plan.Revision::author, Plan.Revision::reviewId)
                .containsExactly(tuple("推進本部", "pln-1.review-2023"), tuple("市民課", "pln-1.review-2023"));
        assertThat(changed.events()).map(event -> event.getClass().getSimpleName()).containsExactly(
                "PlanRevised", "KpiDefined", "PlanRevised", "KpiDefined", "PlanReviewed");

        assertThat(violations(() -> reviewed.review(new ReviewDraft("2023", "再度", "推進本部", List.of()), DEPARTMENTS, LATER)))
                .extracting(Violation::path).containsExactly("fiscalYear");
    }

    @Test
    void aReviewThatChangesNothingIsRecordedAndABadRevisionRejectsTheWholeReview() {
        Plan.Changed confirmed = plan.review(new ReviewDraft("令和5年度", "計画どおり継続", "推進本部", List.of()),
                DEPARTMENTS, LATER);
        assertThat(confirmed.plan().revision()).isEqualTo(1);
        assertThat(confirmed.plan().reviews()).hasSize(1);
        assertThat(confirmed.events()).singleElement().isInstanceOf(PlanEvent.PlanReviewed.class);

        ReviewDraft bad = new ReviewDraft("令和0年度", null, "推進本部", List.of(
                new RevisionDraft(null, "担当の変更", List.of(ChangeDraft.reassignDepartment("2-1", "kikaku"))),
                new RevisionDraft(null, "目標値", List.of(ChangeDraft.changeTarget("pln-1.nope", null)))));
        assertThat(violations(() -> plan.review(bad, DEPARTMENTS, LATER))).extracting(Violation::path)
                .containsExactly("fiscalYear", "note", "revisions[1].changes[0].kpi");
    }

    @Test
    void theDiffComparesContentNotReportedStatus() {
        Plan reported = plan.reportMilestone("pln-1.2-1.m1", MilestoneStatus.DONE, "開始した", "shimin", LATER).plan();
        assertThat(PlanDiff.between(plan, reported)).isEmpty();

        Plan retired = revise(ChangeDraft.retireMeasure("2-1")).plan();
        assertThat(PlanDiff.between(plan, retired)).containsExactly(
                new Difference("measures[2-1].retired", Difference.Change.CHANGED, "false", "true"));
        assertThat(PlanDiff.between(retired, plan)).containsExactly(
                new Difference("measures[2-1].retired", Difference.Change.CHANGED, "true", "false"));
    }

    @Test
    void setPublicationMakesAKpiPrivateAsARevisionWithItsDifferenceAndRedefinesThatKpiOnly() {
        Plan.Changed hidden = revise(ChangeDraft.setKpiPublication("pln-1.2-1.rate", false));

        assertThat(hidden.plan().revision()).isEqualTo(2);
        assertThat(hidden.plan().kpi("pln-1.2-1.rate").orElseThrow().kpi().published()).isFalse();
        assertThat(hidden.plan().kpi("pln-1.1-1.n").orElseThrow().kpi().published()).isTrue();
        assertThat(hidden.plan().history().getLast().changes()).containsExactly(new Difference(
                "measures[2-1].kpis[pln-1.2-1.rate].published", Difference.Change.CHANGED, "true", "false"));
        assertThat(hidden.events()).filteredOn(PlanEvent.KpiDefined.class::isInstance).singleElement()
                .satisfies(event -> assertThat(((PlanEvent.KpiDefined) event).kpi().kpi().id()).isEqualTo("pln-1.2-1.rate"));

        Plan.Changed moved = hidden.plan().revise(revision(ChangeDraft.changeTarget("pln-1.2-1.rate",
                new TargetDraft(new BigDecimal("80"), null))), DEPARTMENTS, LATER);
        assertThat(moved.plan().kpi("pln-1.2-1.rate").orElseThrow().kpi().published()).as("a new target keeps it 非公開")
                .isFalse();

        Plan.Changed again = hidden.plan().revise(revision(ChangeDraft.setKpiPublication("pln-1.2-1.rate", true)),
                DEPARTMENTS, LATER);
        assertThat(again.plan().kpi("pln-1.2-1.rate").orElseThrow().kpi().published()).isTrue();
        assertThat(again.plan().revision()).isEqualTo(3);
        assertThat(violations(() -> revise(ChangeDraft.setKpiPublication("pln-1.2-1.rate", true))))
                .as("already 公開: the revision changes nothing").extracting(Violation::path).containsExactly("changes");
    }

    @Test
    void anAddedKpiKeepsItsIndicatorTypeAndPublicationThroughLaterChanges() {
        KpiDraft applications = new KpiDraft("online", "オンライン申請率", "%", "percentage", "increase", null,
                new TargetDraft(new BigDecimal("50"), "令和7年度末"), null, null, null, List.of(), null, null, null, null, null,
                "効果", false);
        Plan added = revise(ChangeDraft.addKpi("2-1", applications)).plan();
        Plan.Kpi kpi = added.kpi("pln-1.2-1.online").orElseThrow().kpi();
        assertThat(kpi.indicatorType()).isEqualTo(IndicatorType.OUTCOME);
        assertThat(kpi.published()).isFalse();

        Plan moved = added.revise(revision(ChangeDraft.changeTarget("pln-1.2-1.online",
                new TargetDraft(new BigDecimal("60"), null))), DEPARTMENTS, LATER).plan();
        assertThat(moved.kpi("pln-1.2-1.online").orElseThrow().kpi()).satisfies(changed -> {
            assertThat(changed.indicatorType()).isEqualTo(IndicatorType.OUTCOME);
            assertThat(changed.published()).isFalse();
            assertThat(changed.target().value()).isEqualByComparingTo("60");
        });
        assertThat(violations(() -> revise(ChangeDraft.addKpi("2-1", new KpiDraft(null, "件数", "件", "count", "increase",
                null, new TargetDraft(BigDecimal.TEN, "令和7年度末"), null, null, null, List.of(), null, null, null, null, null,
                "effect", null))))).extracting(Violation::path).containsExactly("changes[0].kpiDefinition.indicatorType");
    }

    @Test
    void setPublicationReplacesAMeasuresPrivateFieldsEvenOnceRetired() {
        Plan hidden = revise(ChangeDraft.setMeasurePublication("1-1", List.of("summary", "cost"))).plan();
        assertThat(hidden.measure("1-1").orElseThrow().privateFields()).containsExactly("summary", "cost");
        assertThat(hidden.history().getLast().changes()).containsExactly(new Difference("measures[1-1].privateFields",
                Difference.Change.CHANGED, null, "summary, cost"));

        Plan retired = hidden.revise(revision(ChangeDraft.retireMeasure("1-1")), DEPARTMENTS, LATER).plan();
        Plan.Changed published = retired.revise(revision(ChangeDraft.setMeasurePublication("1-1", List.of())),
                DEPARTMENTS, LATER);
        assertThat(published.plan().measure("1-1").orElseThrow().privateFields()).isEmpty();
        assertThat(published.plan().history().getLast().changes()).containsExactly(new Difference(
                "measures[1-1].privateFields", Difference.Change.CHANGED, "summary, cost", null));
        assertThat(published.events()).as("a measure's fields define no KPI")
                .noneMatch(PlanEvent.KpiDefined.class::isInstance);
    }

    @Test
    void setPublicationNamesOneKpiOrOneMeasureAndWhatItBecomes() {
        ChangeDraft both = new ChangeDraft("set-publication", "pln-1.2-1.rate", "2-1", null, null, null, null, null, null,
                null, null, null, null, null, null, null, null, true, null);
        List<Violation> found = violations(() -> revise(
                ChangeDraft.setKpiPublication(null, true),
                both,
                ChangeDraft.setKpiPublication("pln-1.nope", null),
                ChangeDraft.setMeasurePublication("9-9", List.of("budget")),
                ChangeDraft.setMeasurePublication("1-1", null)));

        assertThat(found).extracting(Violation::path).containsExactly(
                "changes[0].kpi", "changes[1].kpi", "changes[2].kpi", "changes[2].published", "changes[3].measure",
                "changes[3].privateFields[0]", "changes[4].privateFields");
        assertThat(found.get(3).messageJa()).isEqualTo("公開（true）か非公開（false）かを指定してください");
        assertThat(found.get(3).messageEn()).isEqualTo("give published: true (公開) or false (非公開)");
        assertThat(found).allSatisfy(v -> assertThat(v.messageEn()).isNotBlank());
    }
}
