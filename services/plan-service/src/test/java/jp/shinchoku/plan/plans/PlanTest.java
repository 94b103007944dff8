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
                new PlanDraft.TargetDraft(BigDecimal.TEN, null));
        var deadlineBeforeBaseline = new PlanDraft.KpiDraft("率", "%", "percentage", "increase",
                new PlanDraft.BaselineDraft(BigDecimal.ONE, "2020-04-01"),
                new PlanDraft.TargetDraft(BigDecimal.valueOf(120), "2019-03-31"));
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
    void aKpiSaysWhatItsFactorMultipliesWhetherItsLevelIsKeptHowARateIsCountedAndItsOwnCadence() {
        var trainings = new PlanDraft.KpiDraft(null, "研修会等の実施回数", "倍", "relative", "increase",
                new PlanDraft.BaselineDraft(BigDecimal.valueOf(4), "平成30年度"), new PlanDraft.TargetDraft(null, "令和2年度末"),
                null, new BigDecimal("1.5"), null, List.of(), null, "baseline", null, null, "monthly");
        var accessible = new PlanDraft.KpiDraft(null, "JIS X 8341-3 AA 準拠", null, "boolean", "achieve", null,
                new PlanDraft.TargetDraft(null, "2020年まで"), null, null, null, List.of(), null, null, true, null, null);
        var rate = new PlanDraft.KpiDraft(null, "記載率", "%", "percentage", "increase", null,
                new PlanDraft.TargetDraft(BigDecimal.valueOf(100), "令和4年度末"), null, null, null, List.of(), null, null,
                null, new PlanDraft.RatioDraft("調書に記載した業務数", "現在の業務数"), null);
        Plan plan = Plan.publish(PlanFixtures.draft(trainings, accessible, rate), "pln-1", NOW).plan();

        List<Plan.Kpi> kpis = plan.kpis().map(Plan.LocatedKpi::kpi).toList();
        assertThat(kpis.get(0).relativeTo()).isEqualTo(Plan.RelativeTo.BASELINE);
        assertThat(kpis.get(0).reportingCadence()).isEqualTo(jp.shinchoku.calendar.ReportingCadence.MONTHLY);
        assertThat(kpis.get(1).maintain()).isTrue();
        assertThat(kpis.get(1).relativeTo()).as("the default").isEqualTo(Plan.RelativeTo.PREVIOUS_YEAR);
        assertThat(kpis.get(2).ratio()).isEqualTo(new Plan.Ratio("調書に記載した業務数", "現在の業務数"));
    }

    @Test
    void aBasisARatioOrACadenceThatDoesNotFitIsAViolationAtItsPath() {
        var wrongBasis = new PlanDraft.KpiDraft(null, "件数", "件", "count", "increase", null,
                new PlanDraft.TargetDraft(BigDecimal.TEN, "令和4年度末"), null, null, null, List.of(), null, "baseline", null,
                null, null);
        var unknownBasis = new PlanDraft.KpiDraft(null, "回数", "倍", "relative", "increase", null,
                new PlanDraft.TargetDraft(null, "令和4年度末"), null, BigDecimal.TWO, null, List.of(), null, "last-decade",
                null, null, null);
        var noDeadline = new PlanDraft.KpiDraft(null, "回数", "倍", "relative", "increase", null, null, null,
                BigDecimal.TWO, null, List.of(), null, "baseline", null, null, null);
        var countRatio = new PlanDraft.KpiDraft(null, "件数", "件", "count", "increase", null,
                new PlanDraft.TargetDraft(BigDecimal.TEN, "令和4年度末"), null, null, null, List.of(), null, null, null,
                new PlanDraft.RatioDraft("a", "b"), "weekly");
        assertThat(PlanFixtures.draft(wrongBasis, unknownBasis, noDeadline, countRatio).violations())
                .extracting(Violation::path).containsExactly(
                        "pillars[0].measures[0].kpis[0].relativeTo",
                        "pillars[0].measures[0].kpis[1].relativeTo",
                        "pillars[0].measures[0].kpis[2].target.due",
                        "pillars[0].measures[0].kpis[3].ratio",
                        "pillars[0].measures[0].kpis[3].reportingCadence");
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
    void datesMayBeWrittenAsThePlansWriteThem() {
        var kpi = new PlanDraft.KpiDraft("普及率", "%", "percentage", "increase",
                new PlanDraft.BaselineDraft(BigDecimal.TEN, "平成30年3月末"), new PlanDraft.TargetDraft(BigDecimal.valueOf(20), "令和5年度末"));
        PlanDraft draft = new PlanDraft(new Plan.Municipality(null, "三条市", "新潟県"), "三条市官民データ活用推進計画",
                "平成31年4月", PlanFixtures.draft(kpi).pillars());

        Plan plan = Plan.publish(draft, "pln-1", NOW).plan();

        assertThat(plan.issuedOn()).isEqualTo(LocalDate.parse("2019-04-01"));
        Plan.Kpi published = plan.kpis().findFirst().orElseThrow().kpi();
        assertThat(published.baseline().asOf()).isEqualTo(LocalDate.parse("2018-03-31"));
        assertThat(published.target().due()).isEqualTo(LocalDate.parse("2024-03-31"));
    }

    @Test
    void impossibleEraDatesAreViolationsAtTheirPath() {
        var kpi = new PlanDraft.KpiDraft("件数", "件", "count", "increase",
                new PlanDraft.BaselineDraft(BigDecimal.ONE, "令和0年4月1日"), new PlanDraft.TargetDraft(BigDecimal.TEN, "平成45年4月31日"));
        PlanDraft draft = new PlanDraft(new Plan.Municipality(null, "町", null), "計画", "令和元年4月30日",
                PlanFixtures.draft(kpi).pillars());

        assertThat(draft.violations()).extracting(Violation::path).containsExactly("issuedOn",
                "pillars[0].measures[0].kpis[0].baseline.asOf", "pillars[0].measures[0].kpis[0].target.due");
        assertThat(draft.violations().get(1).messageJa()).contains("令和0年");
    }

    @Test
    void eachKindBringsWhatItNeeds() {
        var recurring = new PlanDraft.KpiDraft("r", "研修会", "回", "recurring", "increase", null, null,
                new PlanDraft.RecurrenceDraft(0, "fiscal-year"), null, null, null);
        var recurringWithoutFrequency = new PlanDraft.KpiDraft("r2", "研修会", "回", "recurring", "increase", null, null,
                null, null, null, null);
        var relative = new PlanDraft.KpiDraft("rel", "利用件数", "件", "relative", "increase", null,
                new PlanDraft.TargetDraft(null, "令和5年度"), null, null, null, null);
        var undefinedWithValue = new PlanDraft.KpiDraft("u", "手続数", "件", "undefined", "increase", null,
                new PlanDraft.TargetDraft(BigDecimal.TEN, null), null, null, null, null);
        PlanDraft draft = PlanFixtures.draft(recurring, recurringWithoutFrequency, relative, undefinedWithValue);

        assertThat(draft.violations()).extracting(Violation::path).containsExactly(
                "pillars[0].measures[0].kpis[0].recurrence.times",
                "pillars[0].measures[0].kpis[1].recurrence",
                "pillars[0].measures[0].kpis[2].factor",
                "pillars[0].measures[0].kpis[3].target.value");
    }

    @Test
    void recurringAndRelativeKpisArePublishedWithTheirFrequencyAndFactor() {
        var recurring = new PlanDraft.KpiDraft("r", "研修会の開催", "回", "recurring", "increase", null, null,
                new PlanDraft.RecurrenceDraft(1, "fiscal-year"), null, null, null);
        var relative = new PlanDraft.KpiDraft("rel", "オープンデータ利用件数", "件", "relative", "increase", null,
                new PlanDraft.TargetDraft(null, "令和5年度"), null, new BigDecimal("1.1"), "前年度比1.1倍", null);
        Plan plan = Plan.publish(PlanFixtures.draft(recurring, relative), "pln-1", NOW).plan();

        assertThat(plan.kpis().map(k -> k.kpi().id())).containsExactly("pln-1.3-1.r", "pln-1.3-1.rel");
        assertThat(plan.kpis().findFirst().orElseThrow().kpi().recurrence())
                .isEqualTo(new Plan.Recurrence(1, Plan.Recurrence.Per.FISCAL_YEAR));
        assertThat(plan.kpis().skip(1).findFirst().orElseThrow().kpi().factor()).isEqualByComparingTo("1.1");
    }

    @Test
    void aKpiSaysHowItsReportsAddUpCumulativeByDefault() {
        var monthly = new PlanDraft.KpiDraft("apps", "オンライン申請件数", "件", "count", "increase",
                new PlanDraft.BaselineDraft(BigDecimal.valueOf(1200), "令和4年度"),
                new PlanDraft.TargetDraft(BigDecimal.valueOf(6000), "令和7年度"), null, null, "年間件数", null, "per-period");
        var level = new PlanDraft.KpiDraft("rate", "普及率", "%", "percentage", "increase", null,
                new PlanDraft.TargetDraft(BigDecimal.valueOf(80), "令和7年度"), null, null, null, null, null);
        var unknown = new PlanDraft.KpiDraft("x", "件数", "件", "count", "increase", null,
                new PlanDraft.TargetDraft(BigDecimal.TEN, "令和7年度"), null, null, null, null, "sometimes");

        assertThat(PlanFixtures.draft(unknown).violations()).singleElement().satisfies(v -> {
            assertThat(v.path()).isEqualTo("pillars[0].measures[0].kpis[0].accumulation");
            assertThat(v.messageJa()).contains("集計方法");
        });
        Plan plan = Plan.publish(PlanFixtures.draft(monthly, level), "pln-1", NOW).plan();
        assertThat(plan.kpis().map(k -> k.kpi().accumulation()))
                .containsExactly(Plan.Accumulation.PER_PERIOD, Plan.Accumulation.CUMULATIVE);
    }

    @Test
    void departmentsMilestonesAndPeriodAreChecked() {
        var undefined = new PlanDraft.KpiDraft("u", "オンライン化された手続数", "件", "undefined", "increase", null, null,
                null, null, null, null);
        var measure = new PlanDraft.MeasureDraft("1-2", "行政手続の棚卸", null, "somu", List.of(undefined), List.of(
                new PlanDraft.MilestoneDraft("KPIの目標値を決定", "令和2年度", true, null),
                new PlanDraft.MilestoneDraft("", "令和0年度", false, "x")));
        PlanDraft draft = new PlanDraft(new Plan.Municipality(null, "三条市", "新潟県"), "計画", "平成31年4月",
                new PlanDraft.PeriodDraft("令和5年度", "令和元年度"), null, "weekly",
                List.of(new Plan.Department("kikaku", "企画課", null), new Plan.Department("kikaku", "企画課", null)),
                List.of(new PlanDraft.PillarDraft("1", "オンライン化", List.of(measure))));

        assertThat(draft.violations()).extracting(Violation::path).containsExactly(
                "period.to", "reportingCadence", "departments[1].code",
                "pillars[0].measures[0].department",
                "pillars[0].measures[0].milestones[1].text",
                "pillars[0].measures[0].milestones[1].due",
                "pillars[0].measures[0].milestones[1].kpi");
    }

    @Test
    void aMilestoneDecidesTheTargetOfItsMeasuresUndefinedKpi() {
        var undefined = new PlanDraft.KpiDraft(null, "オンライン化された手続数", "件", "undefined", "increase", null, null,
                null, null, null, null);
        var measure = new PlanDraft.MeasureDraft("1-2", "行政手続の棚卸", null, null, List.of(undefined), List.of(
                new PlanDraft.MilestoneDraft("KPIの目標値を決定", "令和2年度", true, null)));
        PlanDraft draft = new PlanDraft(new Plan.Municipality(null, "三条市", "新潟県"), "計画", null,
                List.of(new PlanDraft.PillarDraft("1", "オンライン化", List.of(measure))));

        Plan.Milestone milestone = Plan.publish(draft, "pln-1", NOW).plan().milestones().findFirst().orElseThrow();
        assertThat(milestone.decidesTargetOf()).isEqualTo("pln-1.1-2.1");
        assertThat(milestone.due()).isEqualTo(LocalDate.parse("2021-03-31"));
        assertThat(milestone.status()).isEqualTo(MilestoneStatus.NOT_STARTED);
    }

    @Test
    void unknownKindsAreNamedInTheMessage() {
        var unknown = new PlanDraft.KpiDraft("件数", "件", "sometimes", "sideways", null, null);
        assertThat(PlanFixtures.draft(unknown).violations()).extracting(Violation::messageJa)
                .anySatisfy(m -> assertThat(m).contains("「sometimes」"))
                .anySatisfy(m -> assertThat(m).contains("「sideways」"));
    }

    private static PlanDraft.KpiDraft typed(String name, String indicatorType, Boolean published) {
        return new PlanDraft.KpiDraft(null, name, "件", "count", "increase", null,
                new PlanDraft.TargetDraft(BigDecimal.TEN, "令和6年度末"), null, null, null, List.of(), null, null, null, null,
                null, indicatorType, published);
    }

    private static PlanDraft withMeasure(PlanDraft.MeasureDraft measure) {
        return new PlanDraft(new Plan.Municipality(null, "瀬戸内町", "鹿児島県"), "瀬戸内町官民データ活用推進計画", "2018-11-01",
                List.of(new PlanDraft.PillarDraft("1", "オンライン化", List.of(measure))));
    }

    @Test
    void aKpiIsAnOutputOrAnOutcomeWrittenInEnglishOrJapaneseAndPublicUnlessSaidOtherwise() {
        Plan plan = Plan.publish(PlanFixtures.draft(typed("研修の実施回数", "output", null), typed("オンライン申請率", "効果", false),
                typed("公開データセット数", "進捗", true), typed("相談件数", null, null), typed("利用者数", "効果指標", null)),
                "pln-1", NOW).plan();

        List<Plan.Kpi> kpis = plan.kpis().map(Plan.LocatedKpi::kpi).toList();
        assertThat(kpis).extracting(Plan.Kpi::indicatorType).containsExactly(IndicatorType.OUTPUT,
                IndicatorType.OUTCOME, IndicatorType.OUTPUT, null, IndicatorType.OUTCOME);
        assertThat(kpis).extracting(Plan.Kpi::published).containsExactly(true, false, true, true, true);
        assertThat(IndicatorType.OUTCOME.label()).isEqualTo("効果");
    }

    @Test
    void anUnknownIndicatorTypeIsAViolationAtItsPathInJapaneseAndEnglish() {
        assertThat(PlanFixtures.draft(PlanFixtures.cardRate(), typed("件数", "impact", null)).violations())
                .singleElement().satisfies(violation -> {
                    assertThat(violation.path()).isEqualTo("pillars[0].measures[0].kpis[1].indicatorType");
                    assertThat(violation.messageJa()).isEqualTo("指標の種類「impact」は使えません（output/進捗、outcome/効果）");
                    assertThat(violation.messageEn()).isEqualTo("unknown indicator type 'impact' (output/進捗, outcome/効果)");
                });
    }

    @Test
    void aMeasureCarriesItsCostPerFiscalYearAndItsPrivateFields() {
        var measure = new PlanDraft.MeasureDraft("1-1", "電子申請の拡充", "申請手続のオンライン化", "somu", List.of(),
                List.of(), List.of(new PlanDraft.CostDraft("2025", BigDecimal.valueOf(8_000_000), null),
                        new PlanDraft.CostDraft("令和6年度", BigDecimal.valueOf(12_000_000), "当初予算"),
                        new PlanDraft.CostDraft("令和8年度", BigDecimal.ZERO, null)),
                List.of("cost", "summary"));
        Plan.Measure published = Plan.publish(withMeasure(measure), "pln-1", NOW).plan().measure("1-1").orElseThrow();

        assertThat(published.cost()).as("in fiscal-year order").containsExactly(
                new Plan.Cost(2024, BigDecimal.valueOf(12_000_000), "当初予算"),
                new Plan.Cost(2025, BigDecimal.valueOf(8_000_000), null),
                new Plan.Cost(2026, BigDecimal.ZERO, null));
        assertThat(published.privateFields()).containsExactly("summary", "cost");
        assertThat(published.published("title")).isTrue();
        assertThat(published.published("summary")).isFalse();
    }

    @Test
    void aCostNeedsAReadableFiscalYearOnceAndAnAmountOfZeroOrMoreAndOnlyKnownFieldsArePrivate() {
        var measure = new PlanDraft.MeasureDraft("1-1", "電子申請の拡充", null, null, List.of(), List.of(), List.of(
                new PlanDraft.CostDraft(null, BigDecimal.ONE, null),
                new PlanDraft.CostDraft("令和6年3月", BigDecimal.ONE, null),
                new PlanDraft.CostDraft("2024", BigDecimal.valueOf(-1), null),
                new PlanDraft.CostDraft("令和6年度", null, null)),
                List.of("summary", "department"));
        List<Violation> violations = withMeasure(measure).violations();

        assertThat(violations).extracting(Violation::path).containsExactly(
                "pillars[0].measures[0].cost[0].fiscalYear",
                "pillars[0].measures[0].cost[1].fiscalYear",
                "pillars[0].measures[0].cost[2].amount",
                "pillars[0].measures[0].cost[3].fiscalYear",
                "pillars[0].measures[0].cost[3].amount",
                "pillars[0].measures[0].privateFields[1]");
        assertThat(violations.get(3).messageJa()).isEqualTo("令和6年度の事業費が重複しています");
        assertThat(violations.get(3).messageEn()).isEqualTo("the cost of fiscal year 2024 is given twice");
        assertThat(violations.get(1).messageJa()).isEqualTo("「令和6年3月」は年度ではありません（例: 令和6年度、2024年度）");
        assertThat(violations.get(2).messageJa()).isEqualTo("事業費の金額は0円以上です");
        assertThat(violations.get(5).messageEn())
                .isEqualTo("the field 'department' cannot be made private (title, summary, cost)");
        assertThat(violations).allSatisfy(v -> assertThat(v.messageJa()).isNotBlank());
    }
}
