package jp.shinchoku.measurement.documents.config;

import jp.shinchoku.measurement.documents.YearReports;
import jp.shinchoku.measurement.evaluations.EvaluationRepository;
import jp.shinchoku.measurement.years.EditionRepository;
import jp.shinchoku.measurement.years.PlanYearsRepository;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class DocumentConfiguration {

    @Bean
    YearReports yearReports(PlanYearsRepository years, EditionRepository editions, EvaluationRepository evaluations) {
        return new YearReports(years, editions, evaluations);
    }
}
