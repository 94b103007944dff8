package jp.shinchoku.plan.plans.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

import jp.shinchoku.plan.plans.KpiKind;
import jp.shinchoku.plan.plans.Plan;
import jp.shinchoku.plan.plans.PlanDraft;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/**
 * The three real plans of {@code shared/seed-plans}, converted into the plan-definition format as demo data,
 * import whole. The expected figures are those of the shared transcriptions (measures, KPIs and schedule lines
 * counted there).
 */
class SeedPlansTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "setouchi,  瀬戸内町, 6, 11, 13, 12",
            "kashihara, 橿原市,   5, 10, 18, 19",
            "sanjo,     三条市,   6, 21, 25, 25"})
    void everySeedPlanImportsWithEveryMeasureKpiAndMilestone(String file, String municipality, int pillars, int measures,
            int kpis, int milestones) throws IOException {
        PlanDraft draft = read(file);
        assertThat(draft.violations()).isEmpty();

        Plan plan = Plan.publish(draft, "pln-" + file, Instant.EPOCH).plan();

        assertThat(plan.municipality().name()).isEqualTo(municipality);
        assertThat(plan.pillars()).hasSize(pillars);
        assertThat(plan.measures()).hasSize(measures);
        assertThat(plan.kpis()).hasSize(kpis);
        assertThat(plan.milestones()).hasSize(milestones);
        assertThat(plan.measures()).allSatisfy(measure -> assertThat(measure.departmentCode()).isNotBlank());
    }

    @Test
    void keyValuesSurviveTheConversion() throws IOException {
        Plan setouchi = Plan.publish(read("setouchi"), "s", Instant.EPOCH).plan();
        Plan.Kpi cards = kpi(setouchi, "マイナンバーカードの普及率");
        assertThat(cards.target().value()).isEqualByComparingTo("20");
        assertThat(cards.target().due()).isEqualTo(LocalDate.parse("2024-03-31"));
        assertThat(setouchi.issuedOn()).isEqualTo(LocalDate.parse("2018-11-01"));
        assertThat(cards.baseline().asOf()).as("a baseline without a date is as of the issue date").isEqualTo(setouchi.issuedOn());

        Plan sanjo = Plan.publish(read("sanjo"), "c", Instant.EPOCH).plan();
        // 13 written as 未設定, and 3 counts the plan gives no target or deadline
        assertThat(sanjo.kpis().filter(k -> k.kpi().kind() == KpiKind.UNDEFINED)).hasSize(16);
        assertThat(kpi(sanjo, "災害等情報の投稿数").factor()).isEqualByComparingTo(new BigDecimal("1.1"));
        assertThat(kpi(sanjo, "教職員のマイナンバーカードの取得率").baseline().value()).isEqualByComparingTo("60");
        assertThat(sanjo.milestones().filter(m -> m.decidesTargetOf() != null)).isNotEmpty();
        assertThat(sanjo.issuedOn()).isEqualTo(LocalDate.parse("2019-04-01"));

        Plan kashihara = Plan.publish(read("kashihara"), "k", Instant.EPOCH).plan();
        assertThat(kashihara.kpis().filter(k -> k.kpi().kind() == KpiKind.QUALITATIVE)).hasSize(1);
    }

    private static Plan.Kpi kpi(Plan plan, String name) {
        return plan.kpis().map(Plan.LocatedKpi::kpi).filter(k -> k.name().equals(name)).findFirst().orElseThrow();
    }

    static PlanDraft read(String name) throws IOException {
        try (InputStream in = SeedPlansTest.class.getResourceAsStream("/demo-plans/" + name + ".yaml")) {
            return PlanDocuments.readYaml(in.readAllBytes());
        }
    }
}
