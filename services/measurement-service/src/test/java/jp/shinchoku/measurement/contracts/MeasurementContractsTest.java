package jp.shinchoku.measurement.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import jp.shinchoku.calendar.FiscalYear;
import jp.shinchoku.calendar.ReportingCadence;
import jp.shinchoku.calendar.ReportingPeriod;
import jp.shinchoku.contracts.Events;
import jp.shinchoku.measurement.kpis.Direction;
import jp.shinchoku.measurement.kpis.IndicatorType;
import jp.shinchoku.measurement.kpis.KpiDefinition;
import jp.shinchoku.measurement.kpis.KpiKind;
import jp.shinchoku.measurement.kpis.messaging.KpiContracts;
import jp.shinchoku.measurement.measurements.Measurement;
import jp.shinchoku.measurement.measurements.messaging.MeasurementContracts;
import jp.shinchoku.measurement.progress.Grade;
import jp.shinchoku.measurement.progress.Progress;
import jp.shinchoku.measurement.progress.ProgressChange;
import jp.shinchoku.measurement.progress.ProgressStatus;
import jp.shinchoku.measurement.progress.YearVerdict;
import jp.shinchoku.measurement.progress.messaging.ProgressContracts;
import jp.shinchoku.platform.events.EventJson;
import jp.shinchoku.testsupport.GoldenSamples;
import org.junit.jupiter.api.Test;

/** Both sides of the contracts this service takes part in. */
class MeasurementContractsTest {

    private final EventJson json = new EventJson();
    private final KpiDefinition kpi = new KpiDefinition("pln-7c1e.3-1.1", "pln-7c1e", "shimin", "マイナンバーカードの普及率",
            "%", KpiKind.PERCENTAGE, Direction.INCREASE, new BigDecimal("10.5"), LocalDate.parse("2018-04-01"),
            BigDecimal.valueOf(20), LocalDate.parse("2024-03-31"), 1, false, "瀬戸内町", List.of(), null, null,
            new KpiDefinition.Placement("3", "マイナンバーカードの普及・活用", "3-1", "マイナンバーカードの取得率及び住民利便性の向上"),
            KpiDefinition.Accumulation.CUMULATIVE, ReportingCadence.ANNUAL, FiscalYear.of(2018), FiscalYear.of(2023),
            KpiDefinition.RelativeTo.PREVIOUS_YEAR, true,
            new KpiDefinition.Ratio("マイナンバーカード交付枚数", "住民基本台帳人口"), IndicatorType.OUTCOME, true, true);

    @Test
    void readsKpiDefined() {
        var event = json.read(GoldenSamples.bytes(Events.KPI_DEFINED), Events.KPI_DEFINED.payloadType());
        assertThat(KpiContracts.toDefinition(event)).isEqualTo(kpi);
    }

    @Test
    void keepsAKpisIndicatorTypeAndPublicationAndReadsAnOlderDefinitionAsPublicOfNoType() {
        var unpublished = json.read("""
                {"kpiId": "pln-1.1-1.1", "planId": "pln-1", "name": "研修の実施回数", "kind": "count",
                 "direction": "increase", "revision": 2, "indicatorType": "output", "published": false}"""
                .getBytes(StandardCharsets.UTF_8), Events.KPI_DEFINED.payloadType());
        assertThat(KpiContracts.toDefinition(unpublished)).satisfies(definition -> {
            assertThat(definition.indicatorType()).isEqualTo(IndicatorType.OUTPUT);
            assertThat(definition.published()).isFalse();
        });

        var older = json.read("""
                {"kpiId": "pln-1.1-1.1", "planId": "pln-1", "name": "研修の実施回数", "kind": "count",
                 "direction": "increase", "revision": 1}""".getBytes(StandardCharsets.UTF_8),
                Events.KPI_DEFINED.payloadType());
        assertThat(KpiContracts.toDefinition(older)).satisfies(definition -> {
            assertThat(definition.indicatorType()).isNull();
            assertThat(definition.published()).isTrue();
            assertThat(definition.measureTitlePublished()).isTrue();
        });
    }

    @Test
    void keepsWhetherAKpisMeasureTitleIsPublishedWithTheTitle() {
        var hidden = json.read("""
                {"kpiId": "pln-1.1-1.1", "planId": "pln-1", "measureCode": "1-1", "measureTitle": "庁内研修の充実",
                 "name": "研修の実施回数", "kind": "count", "direction": "increase", "revision": 2,
                 "measureTitlePublished": false}""".getBytes(StandardCharsets.UTF_8), Events.KPI_DEFINED.payloadType());
        assertThat(KpiContracts.toDefinition(hidden)).satisfies(definition -> {
            assertThat(definition.measureTitlePublished()).isFalse();
            assertThat(definition.placement().measureTitle()).isEqualTo("庁内研修の充実");
            assertThat(definition.published()).isTrue();
        });
    }

    @Test
    void writesMeasurementRecorded() {
        Measurement measurement = new Measurement("msr-51d0", kpi.id(), kpi.planId(), "shimin", new BigDecimal("12.5"),
                null, LocalDate.parse("2021-03-31"), ReportingPeriod.parse("FY2020"), "3月末時点の交付枚数から算出", "shimin",
                "key", Instant.parse("2021-04-05T01:30:00Z"), null, null, BigDecimal.valueOf(1250), BigDecimal.valueOf(10000),
                "rest", true);
        GoldenSamples.assertMatches(Events.MEASUREMENT_RECORDED, json.writeString(MeasurementContracts.recorded(measurement)));
    }

    @Test
    void writesKpiProgressChanged() {
        LocalDate asOf = LocalDate.parse("2021-04-05");
        Progress before = new Progress(kpi.id(), 0, asOf, null, null, null, ProgressStatus.NO_DATA, Grade.NONE);
        Progress after = new Progress(kpi.id(), 1, asOf, new BigDecimal("12.5"), new BigDecimal("0.2105"),
                new BigDecimal("0.5011"), ProgressStatus.BEHIND, Grade.A);
        GoldenSamples.assertMatches(Events.KPI_PROGRESS_CHANGED,
                json.writeString(ProgressContracts.changed(new ProgressChange(kpi, before, after))));
    }

    @Test
    void writesKpiYearJudged() {
        KpiDefinition monthly = new KpiDefinition("pln-7c1e.4-2.1", "pln-7c1e", "somu", "研修の実施回数", "回",
                KpiKind.RECURRING, Direction.INCREASE, null, null, null, null, 1, false, "462233", List.of(),
                new KpiDefinition.Recurrence(2, "month"), null);
        YearVerdict missed = new YearVerdict(2023, BigDecimal.valueOf(20), BigDecimal.valueOf(24),
                YearVerdict.Verdict.MISSED, List.of("2023-08", "2024-01"), LocalDate.parse("2024-04-01"));
        GoldenSamples.assertMatches(Events.KPI_YEAR_JUDGED,
                json.writeString(ProgressContracts.judged(new ProgressChange.YearJudged(monthly, missed, null))));
    }
}
