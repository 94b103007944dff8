package jp.shinchoku.measurement.years.web;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

import com.fasterxml.jackson.annotation.JsonInclude;
import jp.shinchoku.calendar.FiscalYear;
import jp.shinchoku.calendar.Texts;
import jp.shinchoku.measurement.progress.ProgressStatus;
import jp.shinchoku.measurement.progress.ProgressTexts;
import jp.shinchoku.measurement.years.Edition;

/**
 * The figures of a published edition as the public reads them: the 公開 KPIs only, frozen as the edition has them
 * (never live values), one row per KPI, with the column dictionary. A measure whose title is 非公開 is named by its
 * code alone (its title null, empty in the CSV).
 */
final class PublicFigures {

    private PublicFigures() {
    }

    /** A column: its JSON key, its Japanese name (the CSV header), its type, its meaning. */
    record Column(String key, String name, String type, String description, Function<Edition.Row, Object> value) {
    }

    record ColumnView(String key, String name, String type, String description) {
    }

    /** Every row carries every column, null where there is no value. */
    record Figures(String planId, int fiscalYear, String fiscalYearLabel, String editionId, LocalDate asOf,
            Instant publishedAt, List<ColumnView> dictionary,
            @JsonInclude(value = JsonInclude.Include.ALWAYS, content = JsonInclude.Include.ALWAYS)
            List<Map<String, Object>> rows) {
    }

    static final List<Column> COLUMNS = List.of(
            column("pillarCode", "string", Edition.Row::pillarCode),
            column("pillarTitle", "string", Edition.Row::pillarTitle),
            column("measureCode", "string", Edition.Row::measureCode),
            column("measureTitle", "string", row -> row.isMeasureTitlePublic() ? row.measureTitle() : null),
            column("departmentCode", "string", Edition.Row::departmentCode),
            column("kpiId", "string", Edition.Row::kpiId),
            column("kpiName", "string", Edition.Row::name),
            column("unit", "string", Edition.Row::unit),
            column("kind", "string", row -> row.kind() == null ? null : row.kind().toLowerCase(Locale.ROOT)),
            column("baselineValue", "number", Edition.Row::baseline),
            column("targetValue", "number", Edition.Row::target),
            column("targetDue", "date", Edition.Row::due),
            column("latestValue", "number", Edition.Row::value),
            column("achievement", "number", Edition.Row::achievement),
            column("status", "string", row -> status(row.status())),
            column("grade", "string", Edition.Row::grade),
            column("verdict", "string", row -> row.verdict() == null ? null
                    : ProgressTexts.TEXTS.ja("status." + Texts.keyOf(row.verdict().verdict().name()))));

    private static Column column(String key, String type, Function<Edition.Row, Object> value) {
        String textKey = "open-data." + key.replaceAll("([A-Z])", "-$1").toLowerCase(Locale.ROOT);
        return new Column(key, ProgressTexts.TEXTS.ja(textKey + ".name"), type,
                ProgressTexts.TEXTS.ja(textKey + ".description"), value);
    }

    static List<ColumnView> dictionary() {
        return COLUMNS.stream().map(c -> new ColumnView(c.key(), c.name(), c.type(), c.description())).toList();
    }

    /**
     * The edition's 公開 rows, as the public reads them ({@code publishedAt} null for a preview, which shows exactly
     * what publishing would).
     */
    static Figures of(Edition edition, Instant publishedAt) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Edition.Row row : edition.rows()) {
            if (!row.isPublic()) {
                continue;
            }
            Map<String, Object> values = new LinkedHashMap<>();
            COLUMNS.forEach(column -> values.put(column.key(), column.value().apply(row)));
            rows.add(values);
        }
        return new Figures(edition.planId(), edition.fiscalYear(), FiscalYear.of(edition.fiscalYear()).label(),
                edition.id(), edition.asOf(), publishedAt, dictionary(), rows);
    }

    private static String status(String status) {
        if (status == null) {
            return null;
        }
        try {
            return ProgressStatus.valueOf(status).label();
        } catch (IllegalArgumentException unknown) {
            return status;
        }
    }
}
