package jp.shinchoku.measurement.documents.config;

import java.nio.file.Path;

import jp.shinchoku.documents.ReportFont;
import jp.shinchoku.measurement.documents.YearReports;
import jp.shinchoku.measurement.documents.pdf.YearReportPdf;
import jp.shinchoku.measurement.evaluations.EvaluationRepository;
import jp.shinchoku.measurement.years.EditionRepository;
import jp.shinchoku.measurement.years.PlanYearsRepository;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class DocumentConfiguration {

    @Bean
    YearReports yearReports(PlanYearsRepository years, EditionRepository editions, EvaluationRepository evaluations) {
        return new YearReports(years, editions, evaluations);
    }

    /** The PDF report's Japanese font: {@code shinchoku.documents.font}, by default where fonts-ipaexfont-gothic puts it. */
    @Bean
    YearReportPdf yearReportPdf(@Value("${shinchoku.documents.font:" + ReportFont.DEFAULT_PATH + "}") String font) {
        return new YearReportPdf(new ReportFont(Path.of(font)));
    }
}
