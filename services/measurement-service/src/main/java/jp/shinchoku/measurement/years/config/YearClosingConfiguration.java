package jp.shinchoku.measurement.years.config;

import java.time.Clock;
import java.util.stream.Collectors;

import jp.shinchoku.measurement.approvals.Approvals;
import jp.shinchoku.measurement.kpis.KpiCatalog;
import jp.shinchoku.measurement.measurements.ClosedYears;
import jp.shinchoku.measurement.progress.ProgressCalculator;
import jp.shinchoku.measurement.progress.ProgressRepository;
import jp.shinchoku.measurement.years.EditionRepository;
import jp.shinchoku.measurement.years.PlanYears;
import jp.shinchoku.measurement.years.PlanYearsRepository;
import jp.shinchoku.measurement.years.PublicationRepository;
import jp.shinchoku.measurement.years.Publishing;
import jp.shinchoku.measurement.years.YearClosing;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class YearClosingConfiguration {

    @Bean
    YearClosing yearClosing(PlanYearsRepository years, KpiCatalog kpis, ProgressRepository progress,
            Approvals approvals, EditionRepository editions, ProgressCalculator calculator, Clock clock) {
        return new YearClosing(years, kpis, progress, approvals, editions, calculator, clock);
    }

    @Bean
    Publishing publishing(PublicationRepository publications, EditionRepository editions, Clock clock) {
        return new Publishing(publications, editions, clock);
    }

    /** The intake's view of the closed years: one read by key for a batch's plans. */
    @Bean
    ClosedYears closedYears(PlanYearsRepository years) {
        return planIds -> years.findAll(planIds).values().stream()
                .collect(Collectors.toMap(PlanYears::planId, PlanYears::closed));
    }
}
