package jp.shinchoku.measurement.progress.web;

import jp.shinchoku.platform.web.CsvLines;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

import jp.shinchoku.measurement.progress.ProgressQueries;
import jp.shinchoku.measurement.progress.ProgressQueries.Standing;
import com.fasterxml.jackson.annotation.JsonInclude;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * オープンデータ: a plan's progress, one row per KPI, as CSV (UTF-8 with BOM, so Excel opens it as it is; Japanese
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
            new Column("asOf", "基準日", "date", "この行の進捗を計算した日（西暦 YYYY-MM-DD）", s -> s.progress().asOf()),
            new Column("planId", "計画ID", "string", "計画の識別子", s -> s.kpi().planId()),
            new Column("pillarCode", "柱番号", "string", "施策の柱の番号", s -> s.kpi().placement().pillarCode()),
            new Column("pillarTitle", "柱", "string", "施策の柱の名称", s -> s.kpi().placement().pillarTitle()),
            new Column("measureCode", "施策番号", "string", "個別施策の番号", s -> s.kpi().placement().measureCode()),
            new Column("measureTitle", "個別施策", "string", "個別施策の名称", s -> s.kpi().placement().measureTitle()),
            new Column("departmentCode", "担当部署", "string", "担当部署のコード", s -> s.kpi().departmentCode()),
            new Column("kpiId", "評価指標ID", "string", "評価指標の識別子", s -> s.kpi().id()),
            new Column("kpiName", "評価指標", "string", "評価指標の名称", s -> s.kpi().name()),
            new Column("unit", "単位", "string", "値の単位（件、%など）", s -> s.kpi().unit()),
            new Column("kind", "種類", "string",
                    "count（件数）, percentage（割合）, boolean（実現の有無：1=実現）, recurring（回数）, relative（前年度比）, undefined（目標未設定）, qualitative（定性）",
                    s -> s.kpi().kind().name().toLowerCase(Locale.ROOT)),
            new Column("baselineValue", "現状値", "number", "計画策定時の値", s -> s.kpi().baselineValue()),
            new Column("baselineAsOf", "現状値の時点", "date", "現状値を測った日", s -> s.kpi().baselineAsOf()),
            new Column("targetValue", "目標値", "number", "目標とする値", s -> s.kpi().targetValue()),
            new Column("targetDue", "目標期限", "date", "目標値の達成期限", s -> s.kpi().due()),
            new Column("latestValue", "実績値", "number",
                    "基準日までの最新の実績値（期間ごとに報告する評価指標は年度の合計、年度途中は年度換算）", s -> s.progress().latestValue()),
            new Column("latestMeasuredOn", "実績値の測定日", "date", "実績値を測った日", s -> s.latest() == null ? null : s.latest().measuredOn()),
            new Column("latestText", "定性の報告", "string", "定性の評価指標の最新の報告", s -> s.latest() == null ? null : s.latest().text()),
            new Column("achievement", "達成度", "number", "現状値を0、目標値を1とした実績値の位置（1以上は達成）", s -> s.progress().achievement()),
            new Column("expectedAchievement", "計画上の達成度", "number", "基準日に計画の推移（現状値から中間目標を経て目標値へ）が見込む達成度",
                    s -> s.progress().expectedAchievement()),
            new Column("status", "進捗状況", "string", "達成, 順調, 注意, 遅れ, 未達, 未報告, 目標未設定, 定性", s -> s.progress().status().label()),
            new Column("grade", "評価", "string", "S（目標値以上）, A（現状値より改善）, B（現状値の±10%以内）, C（現状値より悪化）, −（評価不能）",
                    s -> s.progress().grade().label()));

    private final ProgressQueries queries;

    OpenDataController(ProgressQueries queries) {
        this.queries = queries;
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

    /** Open data: anyone may read it (shinchoku.security.public-paths). */
    @GetMapping(value = "/api/plans/{planId}/progress/export", produces = MediaType.APPLICATION_JSON_VALUE)
    Export json(@PathVariable String planId, @RequestParam(required = false) String asOf,
            @RequestParam(required = false) String fiscalYear) {
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
        line(csv, List.of("項目名", "キー", "型", "説明"));
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
