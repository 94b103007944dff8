package jp.shinchoku.measurement;

import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jp.shinchoku.contracts.Events;
import jp.shinchoku.contracts.plan.KpiDefinedV1;
import jp.shinchoku.testsupport.HttpJson;
import jp.shinchoku.testsupport.SharedInfrastructure;
import jp.shinchoku.testsupport.TestEvents;

/**
 * KPIs of a test plan, defined the way the plan service does it (a {@code kpi.defined.v1} on the real broker): a
 * plan running from 令和3年度 to 令和7年度, reported quarterly (unless told otherwise), with pillars 1
 * 「行政手続のオンライン化」 and 2 「オープンデータの推進」 (by the measure code's first digit).
 */
public final class TestKpis {

    private final String planId = "pln-" + UUID.randomUUID().toString().substring(0, 8);
    private String cadence = "quarterly";

    public String planId() {
        return planId;
    }

    public TestKpis cadence(String cadence) {
        this.cadence = cadence;
        return this;
    }

    /** Defines a KPI and waits until the service knows it. */
    /**
     * A KPI like the golden sample of {@code kpi.defined} (a percentage) under a new id, known to the service on return.
     */
    public static String defineLikeTheSample(HttpJson http, String idPrefix) {
        String kpiId = idPrefix + "." + UUID.randomUUID();
        KpiDefinedV1 sample = TestEvents.sample(Events.KPI_DEFINED);
        TestEvents.publish(SharedInfrastructure.get().bootstrapServers(), Events.KPI_DEFINED, new KpiDefinedV1(kpiId,
                sample.planId(), sample.municipalityCode(), sample.pillarCode(), sample.measureCode(), sample.measureTitle(),
                sample.departmentCode(), sample.name(), sample.unit(), sample.kind(), sample.direction(), sample.baseline(),
                sample.target(), sample.revision(), null, null, null, false));
        await().until(() -> http.get("/api/kpis/" + kpiId + "/progress").status() == 200);
        return kpiId;
    }

    public String define(HttpJson http, Kpi kpi) {
        String kpiId = planId + "." + kpi.measure() + "." + kpi.code();
        TestEvents.publish(SharedInfrastructure.get().bootstrapServers(), Events.KPI_DEFINED, new KpiDefinedV1(kpiId,
                planId, "462233", kpi.measure().substring(0, 1), kpi.measure(), kpi.measureTitle(), kpi.department(),
                kpi.name(), kpi.unit(), kpi.kind(), kpi.direction(),
                kpi.baseline() == null ? null : new KpiDefinedV1.Baseline(new BigDecimal(kpi.baseline()), LocalDate.parse("2021-04-01")),
                kpi.target() == null && !kpi.kind().equals("boolean") ? null : new KpiDefinedV1.Target(
                        kpi.target() == null ? null : new BigDecimal(kpi.target()), LocalDate.parse("2026-03-31")),
                1, null, null, List.of(), false, kpi.measure().startsWith("1") ? "行政手続のオンライン化" : "オープンデータの推進",
                kpi.accumulation(), cadence,
                new KpiDefinedV1.PlanPeriod(2021, 2025)));
        await().until(() -> http.get("/api/kpis/" + kpiId + "/progress").status() == 200);
        return kpiId;
    }

    /** A KPI of the test plan; baseline as of 2021-04-01, target (a boolean's: realized) due 2026-03-31 (令和7年度末). */
    public record Kpi(String code, String measure, String measureTitle, String department, String name, String unit,
            String kind, String direction, String baseline, String target, String accumulation) {

        public static Kpi count(String code, String department, String baseline, String target) {
            return new Kpi(code, "1-1", "電子申請の拡充", department, "オンライン申請件数", "件", "count", "increase",
                    baseline, target, "cumulative");
        }

        public static Kpi percentage(String code, String department, String baseline, String target) {
            return new Kpi(code, "1-2", "マイナンバーカードの普及", department, "マイナンバーカード交付率", "%", "percentage",
                    "increase", baseline, target, "cumulative");
        }

        public static Kpi realized(String code, String department) {
            return new Kpi(code, "1-3", "キャッシュレス決済の導入", department, "窓口キャッシュレス決済の導入", null, "boolean",
                    "achieve", null, null, "cumulative");
        }

        public static Kpi qualitative(String code, String department) {
            return new Kpi(code, "1-4", "デジタル人材の育成", department, "人材育成の取組状況", null, "qualitative", null,
                    null, null, "cumulative");
        }

        public static Kpi undefined(String code, String department) {
            return new Kpi(code, "2-1", "オープンデータの公開", department, "公開データセット数", "件", "undefined", null,
                    "10", null, "cumulative");
        }

        public Kpi in(String measure, String measureTitle) {
            return new Kpi(code, measure, measureTitle, department, name, unit, kind, direction, baseline, target, accumulation);
        }

        public Kpi perPeriod() {
            return new Kpi(code, measure, measureTitle, department, name, unit, kind, direction, baseline, target, "per-period");
        }
    }
}
