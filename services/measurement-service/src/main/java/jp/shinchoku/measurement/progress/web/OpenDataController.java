package jp.shinchoku.measurement.progress.web;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

import com.fasterxml.jackson.annotation.JsonInclude;
import jp.shinchoku.measurement.progress.ProgressQueries.Standing;
import jp.shinchoku.measurement.progress.ProgressQueries;
import jp.shinchoku.measurement.kpis.web.KpiAccess;
import jp.shinchoku.measurement.progress.ProgressTexts;
import jp.shinchoku.platform.web.CsvLines;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * A plan's live progress, one row per KPI (for those who read the whole plan; the public's open data is the published
 * editions, {@code PublicFiguresController}), as CSV (UTF-8 with BOM, so Excel opens it as it is; Japanese
 * column names) or JSON (English keys), each with the column dictionary that says what every column means.
 */
@RestController
class OpenDataController {

    static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);
    private static final String BOM = CsvLines.BOM;

    /** A column of the export: its JSON key, its Japanese name (the CSV header), its type and meaning. */
    record Column(String key, String name, String type, String description, Function<Standing, Object> value) {
    }

    record ColumnView(String key, String name, String type, String description) {
    }

    private static final List<Column> COLUMNS = List.of(
            column("asOf", "date", s -> s.progress().asOf()),
            column("planId", "string", s -> s.kpi().planId()),
            column("pillarCode", "string", s -> s.kpi().placement().pillarCode()),
            column("pillarTitle", "string", s -> s.kpi().placement().pillarTitle()),
            column("measureCode", "string", s -> s.kpi().placement().measureCode()),
            column("measureTitle", "string", s -> s.kpi().placement().measureTitle()),
            column("departmentCode", "string", s -> s.kpi().departmentCode()),
            column("kpiId", "string", s -> s.kpi().id()),
            column("kpiName", "string", s -> s.kpi().name()),
            column("unit", "string", s -> s.kpi().unit()),
            column("kind", "string", s -> s.kpi().kind().name().toLowerCase(Locale.ROOT)),
            column("baselineValue", "number", s -> s.kpi().baselineValue()),
            column("baselineAsOf", "date", s -> s.kpi().baselineAsOf()),
            column("targetValue", "number", s -> s.kpi().targetValue()),
            column("targetDue", "date", s -> s.kpi().due()),
            column("latestValue", "number", s -> s.progress().latestValue()),
            column("latestMeasuredOn", "date", s -> s.latest() == null ? null : s.latest().measuredOn()),
            column("latestText", "string", s -> s.latest() == null ? null : s.latest().text()),
            column("achievement", "number", s -> s.progress().achievement()),
            column("expectedAchievement", "number", s -> s.progress().expectedAchievement()),
            column("status", "string", s -> s.progress().status().label()),
            column("grade", "string", s -> s.progress().grade().label()));

    /**
     * A column whose Japanese name and description are {@code open-data.<key>.name} and {@code .description} of the
     * progress texts ({@code latestMeasuredOn} is {@code open-data.latest-measured-on}).
     */
    private static Column column(String key, String type, Function<Standing, Object> value) {
        String textKey = "open-data." + key.replaceAll("([A-Z])", "-$1").toLowerCase(Locale.ROOT);
        return new Column(key, ProgressTexts.TEXTS.ja(textKey + ".name"), type, ProgressTexts.TEXTS.ja(textKey + ".description"),
                value);
    }

    private final ProgressQueries queries;
    private final KpiAccess access;

    OpenDataController(ProgressQueries queries, KpiAccess access) {
        this.queries = queries;
        this.access = access;
    }

    @GetMapping("/api/open-data/progress/dictionary")
    List<ColumnView> dictionary() {
        return COLUMNS.stream().map(c -> new ColumnView(c.key(), c.name(), c.type(), c.description())).toList();
    }

    /** Every row carries every column, null where there is no value, as open data consumers expect. */
    record Export(String planId, LocalDate asOf, List<ColumnView> dictionary,
            @JsonInclude(value = JsonInclude.Include.ALWAYS, content = JsonInclude.Include.ALWAYS)
            List<Map<String, Object>> rows) {
    }

    /**
     * The live export, for whoever reads the whole plan: the public reads published editions only
     * ({@code /api/open-data/plans/{planId}/figures}), never live values.
     */
    @GetMapping(value = "/api/plans/{planId}/progress/export", produces = MediaType.APPLICATION_JSON_VALUE)
    Export json(@PathVariable String planId, @RequestParam(required = false) String asOf,
            @RequestParam(required = false) String fiscalYear) {
        access.wholePlan(planId);
        LocalDate day = ProgressQueryController.day(queries, asOf, fiscalYear);
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Standing standing : queries.standings(planId, day)) {
            Map<String, Object> row = new LinkedHashMap<>();
            COLUMNS.forEach(column -> row.put(column.key(), column.value().apply(standing)));
            rows.add(row);
        }
        return new Export(planId, day, dictionary(), rows);
    }

    @GetMapping(value = "/api/plans/{planId}/progress/export.csv", produces = "text/csv")
    ResponseEntity<byte[]> csv(@PathVariable String planId, @RequestParam(required = false) String asOf,
            @RequestParam(required = false) String fiscalYear) {
        access.wholePlan(planId);
        LocalDate day = ProgressQueryController.day(queries, asOf, fiscalYear);
        StringBuilder csv = new StringBuilder(BOM);
        line(csv, COLUMNS.stream().map(Column::name).toList());
        for (Standing standing : queries.standings(planId, day)) {
            line(csv, COLUMNS.stream().map(column -> text(column.value().apply(standing))).toList());
        }
        return attachment(csv, planId + "-progress-" + day + ".csv");
    }

    @GetMapping(value = "/api/open-data/progress/dictionary.csv", produces = "text/csv")
    ResponseEntity<byte[]> dictionaryCsv() {
        StringBuilder csv = new StringBuilder(BOM);
        line(csv, List.of(ProgressTexts.TEXTS.ja("open-data.dictionary.name"), ProgressTexts.TEXTS.ja("open-data.dictionary.key"),
                ProgressTexts.TEXTS.ja("open-data.dictionary.type"), ProgressTexts.TEXTS.ja("open-data.dictionary.description")));
        COLUMNS.forEach(c -> line(csv, List.of(c.name(), c.key(), c.type(), c.description())));
        return attachment(csv, "progress-dictionary.csv");
    }

    private static ResponseEntity<byte[]> attachment(StringBuilder csv, String filename) {
        return ResponseEntity.ok().contentType(CSV)
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(filename, StandardCharsets.UTF_8).build().toString())
                .body(csv.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static String text(Object value) {
        return switch (value) {
            case null -> "";
            case BigDecimal number -> number.toPlainString();
            default -> value.toString();
        };
    }

    /**
     * RFC 4180: fields with commas, quotes or line breaks are quoted; lines end in CRLF. A text that a spreadsheet
     * would run as a formula (beginning with = + - @, a tab or a carriage return) is written after a single quote;
     * numbers are not (-3 stays a number).
     */
    private static void line(StringBuilder csv, List<String> fields) {
        CsvLines.line(csv, fields);
    }
}
