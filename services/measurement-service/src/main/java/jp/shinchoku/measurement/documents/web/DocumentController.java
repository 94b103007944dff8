package jp.shinchoku.measurement.documents.web;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

import jp.shinchoku.calendar.FiscalYear;
import jp.shinchoku.documents.ReportFont;
import jp.shinchoku.measurement.documents.YearReports;
import jp.shinchoku.measurement.documents.pdf.YearReportPdf;
import jp.shinchoku.measurement.documents.xlsx.YearReportWorkbook;
import jp.shinchoku.measurement.kpis.web.KpiAccess;
import jp.shinchoku.platform.web.ApiProblem;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The year's documents, made from a frozen edition: 取組状況報告書 as an Excel workbook or a PDF. A year not closed
 * has none unless an edition is named (409); the whole file or nothing. Without its Japanese font the service makes
 * no PDF (503), never one with missing glyphs.
 */
@RestController
class DocumentController {

    static final String PROBLEMS = "jp.shinchoku.measurement.web.problems";
    static final MediaType XLSX = MediaType.parseMediaType(
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private final YearReports reports;
    private final KpiAccess access;
    private final YearReportPdf pdf;

    DocumentController(YearReports reports, KpiAccess access, YearReportPdf pdf) {
        this.reports = reports;
        this.access = access;
        this.pdf = pdf;
    }

    @GetMapping(value = "/api/plans/{planId}/fiscal-years/{fiscalYear}/report.xlsx")
    ResponseEntity<byte[]> workbook(@PathVariable String planId, @PathVariable int fiscalYear,
            @RequestParam(required = false) String edition) {
        access.wholePlan(planId);
        FiscalYear year = FiscalYear.of(fiscalYear);
        return switch (reports.of(planId, fiscalYear, edition)) {
            case YearReports.Outcome.Ready ready -> {
                boolean japanese = !Locale.ENGLISH.getLanguage().equals(LocaleContextHolder.getLocale().getLanguage());
                byte[] file = YearReportWorkbook.render(ready.report(), japanese);
                String name = planId + "-FY" + fiscalYear + "-report.xlsx";
                yield ResponseEntity.ok().contentType(XLSX).header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(name, StandardCharsets.UTF_8).build().toString())
                        .body(file);
            }
            case YearReports.Outcome.NotClosed notClosed -> throw ApiProblem.of(PROBLEMS, HttpStatus.CONFLICT,
                    "report-year-not-closed", year.label(), year.labelEn());
            case YearReports.Outcome.NoEdition missing -> throw ApiProblem.of(PROBLEMS, HttpStatus.NOT_FOUND,
                    "edition-not-found", String.valueOf(missing.editionId()));
        };
    }

    @GetMapping(value = "/api/plans/{planId}/fiscal-years/{fiscalYear}/report.pdf")
    ResponseEntity<byte[]> pdf(@PathVariable String planId, @PathVariable int fiscalYear,
            @RequestParam(required = false) String edition) {
        access.wholePlan(planId);
        FiscalYear year = FiscalYear.of(fiscalYear);
        if (!pdf.available()) {
            throw fontMissing();
        }
        return switch (reports.of(planId, fiscalYear, edition)) {
            case YearReports.Outcome.Ready ready -> {
                boolean japanese = !Locale.ENGLISH.getLanguage().equals(LocaleContextHolder.getLocale().getLanguage());
                byte[] file = pdf.render(ready.report(), japanese).orElseThrow(DocumentController::fontMissing);
                String name = planId + "-FY" + fiscalYear + "-report.pdf";
                yield ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF).header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(name, StandardCharsets.UTF_8).build().toString())
                        .body(file);
            }
            case YearReports.Outcome.NotClosed notClosed -> throw ApiProblem.of(PROBLEMS, HttpStatus.CONFLICT,
                    "report-year-not-closed", year.label(), year.labelEn());
            case YearReports.Outcome.NoEdition missing -> throw ApiProblem.of(PROBLEMS, HttpStatus.NOT_FOUND,
                    "edition-not-found", String.valueOf(missing.editionId()));
        };
    }

    private static ApiProblem fontMissing() {
        return ApiProblem.of(PROBLEMS, HttpStatus.SERVICE_UNAVAILABLE, "report-font-missing", ReportFont.PACKAGE);
    }
}
