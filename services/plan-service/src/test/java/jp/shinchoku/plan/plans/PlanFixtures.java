package jp.shinchoku.plan.plans;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** The plan of the golden samples: one pillar, one measure, one KPI. */
public final class PlanFixtures {

    private PlanFixtures() {
    }

    public static PlanDraft.KpiDraft cardRate() {
        return new PlanDraft.KpiDraft("マイナンバーカードの普及率", "%", "percentage", "increase",
                new PlanDraft.BaselineDraft(new BigDecimal("10.5"), "2018-04-01"),
                new PlanDraft.TargetDraft(BigDecimal.valueOf(20), "2024-03-31"));
    }

    public static PlanDraft draft(PlanDraft.KpiDraft... kpis) {
        return new PlanDraft(new Plan.Municipality(null, "瀬戸内町", "鹿児島県"), "瀬戸内町官民データ活用推進計画",
                "2018-11-01",
                List.of(new PlanDraft.PillarDraft("3", "マイナンバーカードの普及・活用", List.of(
                        new PlanDraft.MeasureDraft("3-1", "マイナンバーカードの取得率及び住民利便性の向上", null, "shimin",
                                List.of(kpis), List.of(new PlanDraft.MilestoneDraft(
                                        "2023年度までにマイナンバーカード普及率20%を達成", "2023年度", false, null)))))));
    }
}
