package jp.shinchoku.notification.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import jp.shinchoku.notification.kpis.KpiWatch;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class KpiStatusRulesTest {

    @ParameterizedTest(name = "{0} → {1}: {2}")
    @CsvSource(nullValues = "-", value = {
            "ON_TRACK, BEHIND,   KPI_STATUS_WORSENED",
            "ON_TRACK, AT_RISK,  KPI_STATUS_WORSENED",
            "AT_RISK,  BEHIND,   KPI_STATUS_WORSENED",
            "BEHIND,   AT_RISK,  -",
            "NO_DATA,  BEHIND,   -",
            "-,        BEHIND,   -",
            "BEHIND,   MISSED,   KPI_MISSED",
            "ON_TRACK, ACHIEVED, KPI_ACHIEVED",
            "ACHIEVED, AT_RISK,  KPI_STATUS_WORSENED",
            "ACHIEVED, ON_TRACK, KPI_STATUS_WORSENED"})
    void aStatusChangeRaisesWhatItMeans(String before, String now, AlertRule expected) {
        List<AlertCondition> found = KpiStatusRules.evaluate(kpi(before, now, false), TODAY);

        assertThat(found).extracting(AlertCondition::rule).containsExactlyElementsOf(expected == null ? List.of() : List.of(expected));
        found.forEach(c -> {
            assertThat(Route.receivers(List.of(), c.rule(), c.labels())).contains(Receiver.PROMOTION_HQ);
            assertThat(c.labels()).containsEntry("kpiId", "k1").containsEntry("planId", "p1").containsEntry("measure", "3-1");
        });
    }

    @ParameterizedTest
    @CsvSource({"ON_TRACK, BEHIND", "BEHIND, MISSED"})
    void aRetiredKpiRaisesNothing(String before, String now) {
        assertThat(KpiStatusRules.evaluate(kpi(before, now, true), TODAY)).isEmpty();
    }

    @org.junit.jupiter.api.Test
    void theMessagesSayWhatHappenedInJapanese() {
        assertThat(KpiStatusRules.evaluate(kpi("ON_TRACK", "BEHIND", false), TODAY).getFirst().summaryJa())
                .isEqualTo("評価指標「マイナンバーカードの普及率」の進捗が順調から遅れに悪化しました");
        assertThat(KpiStatusRules.evaluate(kpi("BEHIND", "MISSED", false), TODAY).getFirst().summaryJa())
                .isEqualTo("評価指標「マイナンバーカードの普及率」は期限 令和6年3月31日（2024-03-31） までに目標値に達しませんでした（未達）");
    }

    @org.junit.jupiter.api.Test
    void eachMissedFiscalYearIsAnAlertOfItsOwnWithTheYearAsALabel() {
        KpiWatch training = new KpiWatch("k2", "p1", "4-2", "somu", "研修の実施回数", null, "ON_TRACK", null, null, null,
                false, "ON_TRACK", null, null, null, null, List.of(), "recurring", java.util.Map.of(
                        "FY2022", new KpiWatch.MissedYear(2022, java.math.BigDecimal.valueOf(20),
                                java.math.BigDecimal.valueOf(24), List.of("2022-08")),
                        "FY2023", new KpiWatch.MissedYear(2023, null, java.math.BigDecimal.valueOf(24), List.of())));

        List<AlertCondition> found = KpiStatusRules.evaluate(training, LocalDate.parse("2024-03-31"));

        assertThat(found).extracting(AlertCondition::rule).containsOnly(AlertRule.KPI_MISSED);
        assertThat(found).extracting(c -> c.labels().get("fiscalYear")).containsExactly("FY2022", "FY2023");
        assertThat(found.getFirst().alertId()).isNotEqualTo(found.get(1).alertId());
        assertThat(found.getFirst().summaryJa()).isEqualTo(
                "評価指標「研修の実施回数」は令和4年度の目標（24）に対し実績20で未達でした（月の最低回数に届かなかった月: 2022-08）");
        assertThat(found.get(1).summaryEn()).isEqualTo("KPI \"研修の実施回数\" missed its FY2023 target (24) with -");

        assertThat(KpiStatusRules.evaluate(training, LocalDate.parse("2025-03-31")))
                .as("a year's 未達 holds through the year that follows it").extracting(c -> c.labels().get("fiscalYear"))
                .containsExactly("FY2023");
        assertThat(KpiStatusRules.evaluate(training, LocalDate.parse("2025-04-01"))).isEmpty();
    }

    private static final LocalDate TODAY = LocalDate.parse("2024-04-01");

    private static KpiWatch kpi(String before, String now, boolean retired) {
        return new KpiWatch("k1", "p1", "3-1", "shimin", "マイナンバーカードの普及率", LocalDate.parse("2024-03-31"), now,
                null, null, null, retired, before, null, null, null, null, List.of());
    }
}
