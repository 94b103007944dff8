package jp.shinchoku.measurement.measurements.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jp.shinchoku.measurement.measurements.MeasurementRejectedException;
import jp.shinchoku.measurement.measurements.MeasurementService;
import jp.shinchoku.measurement.measurements.ReportedDay;
import jp.shinchoku.measurement.measurements.ReportedValue;
import jp.shinchoku.measurement.measurements.Reporter;
import jp.shinchoku.platform.security.Access;
import jp.shinchoku.platform.security.Role;
import jp.shinchoku.platform.web.ApiProblem;
import jp.shinchoku.platform.web.RequestLimits;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * Bulk upload: a department (or the 推進本部 for a whole plan) sends its values as a CSV file, as its spreadsheet
 * saved it. Each row is recorded on its own, so a bad row never costs the good ones, and the answer says row by row
 * what was accepted and what was rejected and why. Sending the same file again records nothing twice: a row
 * without its own idempotency key is keyed by its content.
 */
@RestController
class MeasurementCsvController {

    /** The columns, by their English and Japanese header names. */
    private static final Map<String, String> COLUMNS = Map.ofEntries(
            Map.entry("kpiid", "kpiId"), Map.entry("評価指標id", "kpiId"), Map.entry("指標id", "kpiId"),
            Map.entry("value", "value"), Map.entry("実績値", "value"), Map.entry("値", "value"),
            Map.entry("measuredon", "measuredOn"), Map.entry("測定日", "measuredOn"), Map.entry("基準日", "measuredOn"),
            Map.entry("period", "period"), Map.entry("報告期間", "period"), Map.entry("期間", "period"),
            Map.entry("comment", "comment"), Map.entry("コメント", "comment"), Map.entry("備考", "comment"),
            Map.entry("reportedby", "reportedBy"), Map.entry("報告者", "reportedBy"),
            Map.entry("idempotencykey", "idempotencyKey"), Map.entry("冪等キー", "idempotencyKey"),
            Map.entry("numerator", "numerator"), Map.entry("分子", "numerator"),
            Map.entry("denominator", "denominator"), Map.entry("分母", "denominator"));
    private static final List<String> REQUIRED = List.of("kpiId", "value", "measuredOn");
    private static final int BATCH = 500;

    private final MeasurementService measurements;
    private final RequestLimits limits;


    private final ReportMeters reportMeters;

    MeasurementCsvController(MeasurementService measurements, RequestLimits limits, ReportMeters reportMeters) {
        this.reportMeters = reportMeters;
        this.measurements = measurements;
        this.limits = limits;
    }

    /** One row's outcome: {@code accepted}, {@code replayed} (sent before) or {@code rejected} with the reason. */
    record RowResult(int line, String status, String kpiId, String measurementId, String messageJa, String messageEn) {
    }

    record UploadResult(String encoding, int accepted, int replayed, int rejected, List<RowResult> rows) {
    }

    @PostMapping(value = "/api/measurements/csv", consumes = {"text/csv", "application/csv", "text/plain"})
    UploadResult upload(@RequestBody byte[] body, @RequestHeader(HttpHeaders.CONTENT_TYPE) String contentType,
            @RequestHeader(name = ReportMeters.CHANNEL_HEADER, required = false) String channelHeader) {
        long arrived = System.currentTimeMillis();
        String channel = ReportMeters.channel(channelHeader, "csv");
        // departments (people and systems) report; each row is then checked against the KPI's department
        Access.anyOf(Role.DEPARTMENT, Role.SYSTEM, Role.ADMIN);
        CsvTable table = CsvTable.read(body, MediaType.parseMediaType(contentType).getCharset());
        List<CsvTable.Record> records = table.records().stream().filter(record -> !record.blank()).toList();
        if (records.isEmpty()) {
            throw invalidCsv("ファイルが空です", "the file is empty");
        }
        if (records.getFirst().broken()) {
            throw invalidCsv("見出し行を読めません: " + records.getFirst().problem(),
                    "the header row cannot be read: " + records.getFirst().problem());
        }
        limits.checkRows(records.size() - 1);
        Map<String, Integer> columns = columns(records.getFirst());
        int width = records.getFirst().fields().size();
        RowResult[] rows = new RowResult[records.size() - 1];
        List<Integer> lines = new ArrayList<>();
        List<MeasurementService.Report> reports = new ArrayList<>();
        Reporter reporter = Reporters.current();
        for (int i = 1; i < records.size(); i++) {
            CsvTable.Record record = records.get(i);
            if (record.broken() || record.fields().size() > width) {
                rows[i - 1] = unreadable(record, width);
                continue;
            }
            try {
                reports.add(report(record, columns, reporter));
                lines.add(i - 1);
            } catch (MeasurementRejectedException e) {
                rows[i - 1] = rejected(record.line(), normalize(cell(record, columns, "kpiId")), e);
            }
        }
        // recorded in batches: one read of their KPIs and one bulk write each
        for (int from = 0; from < reports.size(); from += BATCH) {
            List<MeasurementService.Report> batch = reports.subList(from, Math.min(reports.size(), from + BATCH));
            List<MeasurementService.Outcome> outcomes = measurements.recordAll(batch);
            reportMeters.recorded(channel, outcomes, java.util.Collections.nCopies(outcomes.size(), arrived));
            for (int j = 0; j < outcomes.size(); j++) {
                int row = lines.get(from + j);
                int line = records.get(row + 1).line();
                String kpiId = batch.get(j).kpiId();
                rows[row] = switch (outcomes.get(j)) {
                    case MeasurementService.Recorded recorded -> new RowResult(line,
                            recorded.replayed() ? "replayed" : "accepted", kpiId, recorded.measurement().id(), null, null);
                    case MeasurementService.Rejected(MeasurementRejectedException e) -> rejected(line, kpiId, e);
                };
            }
        }
        reportMeters.rejected(channel, records.size() - 1 - reports.size());
        return result(table.encoding(), List.of(rows));
    }

    private static UploadResult result(String encoding, List<RowResult> rows) {
        return new UploadResult(encoding, count(rows, "accepted"), count(rows, "replayed"), count(rows, "rejected"), rows);
    }

    private static RowResult unreadable(CsvTable.Record record, int width) {
        return record.broken()
                ? new RowResult(record.line(), "rejected", null, null, "この行を CSV として読めません: " + record.problem(),
                        "This row cannot be read as CSV: " + record.problem())
                : new RowResult(record.line(), "rejected", null, null,
                        "列が見出しより多くあります（" + record.fields().size() + "列、見出しは" + width + "列）。値の中のカンマは \"\" で囲んでください",
                        "The row has more columns than the header (" + record.fields().size() + " for " + width
                                + "); quote values that hold commas");
    }

    private static RowResult rejected(int line, String kpiId, MeasurementRejectedException e) {
        return new RowResult(line, "rejected", kpiId, null, e.messageJa(), e.getMessage());
    }

    /** A row's report; who reports is the signed-in caller (a {@code reportedBy} column is not believed). */
    private static MeasurementService.Report report(CsvTable.Record record, Map<String, Integer> columns,
            Reporter reporter) {
        String kpiId = normalize(cell(record, columns, "kpiId"));
        String value = cell(record, columns, "value");
        LocalDate measuredOn = ReportedDay.parse(cell(record, columns, "measuredOn"));
        String period = blankToNull(normalize(cell(record, columns, "period")));
        String comment = blankToNull(cell(record, columns, "comment"));
        String reportedBy = reporter.who();
        String key = blankToNull(cell(record, columns, "idempotencyKey"));
        String numerator = blankToNull(cell(record, columns, "numerator"));
        String denominator = blankToNull(cell(record, columns, "denominator"));
        if (key == null) {
            key = "csv-" + digest(kpiId + "|" + value + "|" + measuredOn + "|" + period + "|" + comment + "|" + reportedBy
                    + (numerator == null && denominator == null ? "" : "|" + numerator + "/" + denominator));
        }
        ReportedValue reported = ReportedValue.of(blankToNull(value) == null && numerator != null ? null
                : ReportedValue.text(value), ReportedValue.text(numerator), ReportedValue.text(denominator));
        return new MeasurementService.Report(kpiId, reported, measuredOn, period, comment, reporter, key, null, null);
    }

    private static Map<String, Integer> columns(CsvTable.Record header) {
        Map<String, Integer> columns = new LinkedHashMap<>();
        for (int i = 0; i < header.fields().size(); i++) {
            String name = COLUMNS.get(normalize(header.field(i)).toLowerCase(Locale.ROOT).replace(" ", ""));
            if (name != null) {
                columns.putIfAbsent(name, i);
            }
        }
        boolean fractions = columns.containsKey("numerator") && columns.containsKey("denominator");
        List<String> missing = REQUIRED.stream().filter(name -> !columns.containsKey(name))
                .filter(name -> !(fractions && name.equals("value"))).toList();
        if (!missing.isEmpty()) {
            throw invalidCsv("見出し行に必須の列がありません: " + String.join(", ", missing)
                            + "（評価指標ID・実績値（または分子と分母）・測定日 または kpiId・value・measuredOn）",
                    "the header row lacks required columns: " + String.join(", ", missing));
        }
        return columns;
    }

    private static String cell(CsvTable.Record record, Map<String, Integer> columns, String name) {
        Integer index = columns.get(name);
        return index == null ? "" : record.field(index);
    }

    /** NFKC: full-width digits, letters and signs as ASCII; for ids, numbers and dates, never for comments. */
    private static String normalize(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFKC).strip();
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }

    private static int count(List<RowResult> rows, String status) {
        return (int) rows.stream().filter(row -> row.status().equals(status)).count();
    }

    private static String digest(String content) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(content.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ApiProblem invalidCsv(String detailJa, String detailEn) {
        return new ApiProblem(HttpStatus.BAD_REQUEST, "invalid-csv", "CSV ファイルを受け付けられません",
                "The CSV file cannot be accepted", detailJa, detailEn);
    }
}
