package jp.shinchoku.measurement.progress.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import jp.shinchoku.calendar.FiscalYear;
import jp.shinchoku.calendar.ReportingCadence;
import jp.shinchoku.calendar.ReportingPeriod;
import jp.shinchoku.measurement.kpis.Direction;
import jp.shinchoku.measurement.kpis.KpiCatalog;
import jp.shinchoku.measurement.kpis.KpiDefinition;
import jp.shinchoku.measurement.kpis.KpiKind;
import jp.shinchoku.measurement.measurements.Measurement;
import jp.shinchoku.measurement.progress.ProgressCalculator;
import jp.shinchoku.measurement.progress.ProgressRepository;
import jp.shinchoku.measurement.progress.ProgressState;
import jp.shinchoku.measurement.progress.ProgressThresholds;
import jp.shinchoku.testsupport.MovableClock;
import org.junit.jupiter.api.Test;

/**
 * The 推進本部 overview's gauges follow the days: a report not in becomes overdue the day after its 翌月末, and the
 * status the real engine computes for the day is what is counted, per municipality and pillar.
 */
class ProgressMetricsTest {

    private final ProgressCalculator calculator = new ProgressCalculator(ProgressThresholds.DEFAULTS);
    private final MovableClock clock = MovableClock.at(LocalDate.parse("2023-04-20"));
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final Map<String, ProgressState> states = new HashMap<>();

    private final KpiDefinition silent = kpi("pln-m.3-1.1");
    private final KpiDefinition reported = kpi("pln-m.3-1.2");

    @Test
    void aReportNotInTurnsOverdueTheDayAfterItsDueDayAndTheStatusesAreTheEnginesOfTheDay() {
        KpiCatalog kpis = mock(KpiCatalog.class);
        doAnswer(call -> {
            call.<Consumer<List<KpiDefinition>>>getArgument(1).accept(List.of(silent, reported));
            return null;
        }).when(kpis).forEachBatch(anyInt(), any());
        ProgressRepository progress = mock(ProgressRepository.class);
        when(progress.findAll(any())).thenAnswer(call -> Map.copyOf(states));
        ProgressMetrics.Gauges gauges = new ProgressMetrics.Gauges(kpis, progress, clock, meters);
        Measurement fy2022 = new Measurement("msr-1", reported.id(), "pln-m", "shimin", new BigDecimal("20"), null,
                LocalDate.parse("2023-03-31"), ReportingPeriod.containing(ReportingCadence.ANNUAL,
                LocalDate.parse("2023-03-31")), null, "shimin", "k1", Instant.parse("2023-04-10T00:00:00Z"), null, null);
        states.put(reported.id(), new ProgressState(calculator.compute(reported, List.of(fy2022), clock.today()),
                List.of(fy2022)));

        // 20 April 2023: 令和4年度's reports are due by 30 April
        gauges.refresh();
        assertThat(overdue()).as("not yet due").isZero();
        assertThat(kpis("NO_DATA")).isEqualTo(1);

        clock.moveTo(LocalDate.parse("2023-05-01"));
        gauges.refresh();
        assertThat(overdue()).as("the silent KPI's report is overdue; the reported one's is in").isEqualTo(1);

        // a year on, without a report since, the reported KPI's status is what the engine says of that day
        clock.moveTo(LocalDate.parse("2024-05-01"));
        states.put(reported.id(), new ProgressState(calculator.compute(reported, List.of(fy2022), clock.today()),
                List.of(fy2022)));
        gauges.refresh();
        assertThat(overdue()).as("令和5年度's reports of both are overdue").isEqualTo(2);
        String status = states.get(reported.id()).progress().status().name();
        assertThat(kpis(status)).isEqualTo(1);
    }

    private double overdue() {
        Gauge gauge = meters.find("shinchoku.reports.overdue").tag("municipality", "462233").gauge();
        return gauge == null ? 0 : gauge.value();
    }

    private double kpis(String status) {
        Gauge gauge = meters.find("shinchoku.kpis").tags("municipality", "462233", "pillar", "3", "status", status).gauge();
        return gauge == null ? 0 : gauge.value();
    }

    private static KpiDefinition kpi(String id) {
        return new KpiDefinition(id, "pln-m", "shimin", "窓口申請のオンライン化率", "%", KpiKind.PERCENTAGE,
                Direction.INCREASE, new BigDecimal("10"), LocalDate.parse("2022-03-31"), new BigDecimal("50"),
                LocalDate.parse("2027-03-31"), 1, false, "462233", List.of(), null, null,
                new KpiDefinition.Placement("3", "オンライン化", "3-1", "行政手続のオンライン化"),
                KpiDefinition.Accumulation.CUMULATIVE, ReportingCadence.ANNUAL, FiscalYear.of(2022), FiscalYear.of(2026));
    }
}
