package jp.shinchoku.measurement.years.web;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;

import jp.shinchoku.calendar.FiscalYear;
import jp.shinchoku.measurement.years.PublicationRepository;
import jp.shinchoku.platform.web.ApiProblem;
import jp.shinchoku.platform.web.CsvLines;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * オープンデータ of published figures, for anyone (shinchoku.security.public-paths {@code /api/open-data/**}): the plans
 * with a published edition, and a plan's published figures as JSON or CSV (UTF-8 with BOM, Japanese column names),
 * each with its dictionary. Only the latest published edition's 公開 KPIs, never live values: a correction after
 * publication shows here once a new edition is published.
 */
@RestController
class PublicFiguresController {

    static final String PROBLEMS = "jp.shinchoku.measurement.web.problems";
    static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

    private final PublishedFigures published;
    private final PublicationRepository publications;

    PublicFiguresController(PublishedFigures published, PublicationRepository publications) {
        this.published = published;
        this.publications = publications;
    }

    /** A plan with figures published: which year and edition the public reads, since when. */
    record PublishedPlan(String planId, int fiscalYear, String fiscalYearLabel, String editionId, Instant publishedAt) {
    }

    @GetMapping("/api/open-data/plans")
    List<PublishedPlan> plans() {
        return publications.findPublished().stream().flatMap(plan -> plan.current().stream()
                .map(current -> new PublishedPlan(plan.planId(), current.fiscalYear(),
                        FiscalYear.of(current.fiscalYear()).label(), current.editionId(), current.at())))
                .sorted(Comparator.comparing(PublishedPlan::planId)).toList();
    }

    @GetMapping("/api/open-data/plans/{planId}/figures")
    PublicFigures.Figures figures(@PathVariable String planId) {
        return published.of(planId).orElseThrow(() -> ApiProblem.of(PROBLEMS, HttpStatus.NOT_FOUND,
                "nothing-published", planId));
    }

    /**
     * The latest published edition of each fiscal year, oldest first: a KPI's published value year by year (what the
     * public page's charts draw). Empty when nothing is published.
     */
    @GetMapping("/api/open-data/plans/{planId}/figures/years")
    List<PublicFigures.Figures> years(@PathVariable String planId) {
        return published.years(planId);
    }

    @GetMapping(value = "/api/open-data/plans/{planId}/figures.csv", produces = "text/csv")
    ResponseEntity<byte[]> csv(@PathVariable String planId) {
        PublicFigures.Figures figures = figures(planId);
        StringBuilder csv = new StringBuilder(CsvLines.BOM);
        CsvLines.line(csv, PublicFigures.COLUMNS.stream().map(PublicFigures.Column::name).toList());
        for (var row : figures.rows()) {
            CsvLines.line(csv, PublicFigures.COLUMNS.stream().map(column -> text(row.get(column.key()))).toList());
        }
        String name = planId + "-FY" + figures.fiscalYear() + "-figures.csv";
        return ResponseEntity.ok().contentType(CSV).header(HttpHeaders.CONTENT_DISPOSITION,
                ContentDisposition.attachment().filename(name, StandardCharsets.UTF_8).build().toString())
                .body(csv.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static String text(Object value) {
        return switch (value) {
            case null -> "";
            case java.math.BigDecimal number -> number.toPlainString();
            default -> value.toString();
        };
    }
}
