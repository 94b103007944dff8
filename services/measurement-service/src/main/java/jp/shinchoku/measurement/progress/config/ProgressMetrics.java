package jp.shinchoku.measurement.progress.config;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import jp.shinchoku.calendar.ReportingPeriod;
import jp.shinchoku.measurement.kpis.KpiCatalog;
import jp.shinchoku.measurement.kpis.KpiDefinition;
import jp.shinchoku.measurement.progress.ProgressRepository;
import jp.shinchoku.measurement.progress.ProgressState;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * What the 推進本部 overview shows, as gauges: the KPIs by status per municipality and pillar, by grade per
 * municipality, and the reports overdue per municipality (the period that ended last, past its 翌月末, unreported).
 * Counted by walking every KPI in batches every {@code shinchoku.progress.metrics.refresh} (five minutes), never on a
 * report's path. Labels are bounded: municipalities × pillars × statuses.
 */
@Configuration(proxyBeanMethods = false)
public class ProgressMetrics {

    static final int BATCH = 500;

    @Bean
    Gauges progressGauges(KpiCatalog kpis, ProgressRepository progress, Clock clock, MeterRegistry meters) {
        return new Gauges(kpis, progress, clock, meters);
    }

    /** The gauges and their refresh. */
    public static class Gauges {

        private final KpiCatalog kpis;
        private final ProgressRepository progress;
        private final Clock clock;
        private final MultiGauge byStatus;
        private final MultiGauge byGrade;
        private final MultiGauge overdue;

        Gauges(KpiCatalog kpis, ProgressRepository progress, Clock clock, MeterRegistry meters) {
            this.kpis = kpis;
            this.progress = progress;
            this.clock = clock;
            this.byStatus = MultiGauge.builder("shinchoku.kpis").description("KPIs by status, municipality and pillar")
                    .register(meters);
            this.byGrade = MultiGauge.builder("shinchoku.kpis.by.grade").description("KPIs by grade and municipality")
                    .register(meters);
            this.overdue = MultiGauge.builder("shinchoku.reports.overdue")
                    .description("KPIs whose report for the period that ended last is overdue, by municipality")
                    .register(meters);
        }

        @Scheduled(initialDelayString = "${shinchoku.progress.metrics.first:PT30S}",
                fixedDelayString = "${shinchoku.progress.metrics.refresh:PT5M}")
        public void refresh() {
            LocalDate today = LocalDate.now(clock);
            Map<Tags, Integer> statuses = new HashMap<>();
            Map<Tags, Integer> grades = new HashMap<>();
            Map<Tags, Integer> late = new HashMap<>();
            kpis.forEachBatch(BATCH, batch -> {
                List<KpiDefinition> live = batch.stream().filter(kpi -> !kpi.retired()).toList();
                Map<String, ProgressState> states = progress.findAll(live.stream().map(KpiDefinition::id).toList());
                for (KpiDefinition kpi : live) {
                    String municipality = Objects.requireNonNullElse(kpi.municipalityCode(), "unknown");
                    String pillar = Objects.requireNonNullElse(kpi.placement().pillarCode(), "none");
                    ProgressState state = states.get(kpi.id());
                    String status = state == null || state.progress() == null ? "NO_DATA"
                            : state.progress().status().name();
                    String grade = state == null || state.progress() == null || state.progress().grade() == null ? "NONE"
                            : state.progress().grade().name();
                    statuses.merge(Tags.of("municipality", municipality, "pillar", pillar, "status", status), 1,
                            Integer::sum);
                    grades.merge(Tags.of("municipality", municipality, "grade", grade), 1, Integer::sum);
                    if (overdue(kpi, state, today)) {
                        late.merge(Tags.of("municipality", municipality), 1, Integer::sum);
                    }
                }
            });
            byStatus.register(rows(statuses), true);
            byGrade.register(rows(grades), true);
            overdue.register(rows(late), true);
        }

        /** The report for the period that ended last is past its due day (翌月末) and not in. */
        static boolean overdue(KpiDefinition kpi, ProgressState state, LocalDate today) {
            ReportingPeriod period = ReportingPeriod.containing(kpi.cadence(), today).previous();
            if ((kpi.planFrom() != null && period.fiscalYear().compareTo(kpi.planFrom()) < 0)
                    || (kpi.planTo() != null && period.fiscalYear().compareTo(kpi.planTo()) > 0)
                    || !today.isAfter(period.reportDue())) {
                return false;
            }
            if (state == null) {
                return true; // never reported
            }
            // values not kept for the KPI: it cannot be told here, and is not counted
            return state.values() != null && state.values().stream().noneMatch(m -> m.period().equals(period));
        }

        private static List<MultiGauge.Row<?>> rows(Map<Tags, Integer> counts) {
            List<MultiGauge.Row<?>> rows = new ArrayList<>();
            counts.forEach((tags, count) -> rows.add(MultiGauge.Row.of(tags, count)));
            return rows;
        }
    }
}
