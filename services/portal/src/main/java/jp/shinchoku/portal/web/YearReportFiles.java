package jp.shinchoku.portal.web;

import java.util.Locale;

import jp.shinchoku.portal.api.ApiProblemException;
import jp.shinchoku.portal.api.MeasurementClient;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 取組状況報告書 of a fiscal year, passed on as the measurement service makes it (Excel or PDF, in the reader's
 * language); a year not closed (409) is said on the page the reader came from, never an error page.
 */
final class YearReportFiles {

    /** The two files the service makes of a year. */
    enum Format {
        XLSX("xlsx", MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")),
        PDF("pdf", MediaType.APPLICATION_PDF);

        private final String extension;
        private final MediaType type;

        Format(String extension, MediaType type) {
            this.extension = extension;
            this.type = type;
        }

        private byte[] fetch(MeasurementClient measurement, String plan, int fiscalYear, Locale language) {
            return switch (this) {
                case XLSX -> measurement.reportWorkbook(plan, fiscalYear, language);
                case PDF -> measurement.reportPdf(plan, fiscalYear, language);
            };
        }
    }

    private YearReportFiles() {
    }

    /** The file, or a redirect to {@code back} with the service's words where the year is not closed. */
    static Object download(MeasurementClient measurement, Format format, String plan, int fiscalYear, String back,
            RedirectAttributes redirect) {
        byte[] file;
        try {
            file = format.fetch(measurement, plan, fiscalYear,
                    "en".equals(LocaleContextHolder.getLocale().getLanguage()) ? Locale.ENGLISH : Locale.JAPANESE);
        } catch (ApiProblemException refused) {
            if (refused.status() != 409) {
                throw refused;
            }
            redirect.addFlashAttribute("problem", refused.detail(LocaleContextHolder.getLocale()));
            return "redirect:" + back;
        }
        String name = "report-" + plan + "-FY" + fiscalYear + "." + format.extension;
        return ResponseEntity.ok().contentType(format.type)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build().toString())
                .body(file);
    }
}
