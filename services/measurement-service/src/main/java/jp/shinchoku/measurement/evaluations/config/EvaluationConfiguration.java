package jp.shinchoku.measurement.evaluations.config;

import java.time.Clock;

import jp.shinchoku.measurement.evaluations.EvaluationRepository;
import jp.shinchoku.measurement.evaluations.Evaluations;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class EvaluationConfiguration {

    @Bean
    Evaluations evaluations(EvaluationRepository evaluations, Clock clock) {
        return new Evaluations(evaluations, clock);
    }
}
