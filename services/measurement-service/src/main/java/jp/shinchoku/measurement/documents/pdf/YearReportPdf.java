package jp.shinchoku.measurement.documents.pdf;

import static jp.shinchoku.measurement.documents.DocumentWords.date;
import static jp.shinchoku.measurement.documents.DocumentWords.direction;
import static jp.shinchoku.measurement.documents.DocumentWords.status;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import jp.shinchoku.calendar.FiscalYear;
import jp.shinchoku.calendar.Texts;
import jp.shinchoku.documents.HtmlPdf;
import jp.shinchoku.documents.ReportFont;
import jp.shinchoku.documents.XhtmlTemplates;
import jp.shinchoku.measurement.documents.DocumentTexts;
import jp.shinchoku.measurement.documents.YearReport;
import jp.shinchoku.measurement.evaluations.Evaluation;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;

/**
 * 取組状況報告書 as a PDF: the {@link YearReport} put into an XHTML template (Thymeleaf, every text escaped) and laid
 * out by {@link HtmlPdf} (openhtmltopdf on PDFBox): A4 landscape, the title and the edition on top, a section per 柱
 * with a table per measure (each KPI's baseline, target, deadline, each year's value and verdict, status, grade) and
 * the measure's 自己評価 and 推進本部 evaluation under it, page numbers in the footer. Set in the {@link ReportFont}, embedded as a
 * subset; dates in 和暦 (in Japanese) or ISO (in English).
 */
public final class YearReportPdf {

    private static final Texts TEXTS = DocumentTexts.TEXTS;
    private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");
    private static final TemplateEngine TEMPLATES = templates();

    private final HtmlPdf pdf;

    public YearReportPdf(ReportFont font) {
        this.pdf = new HtmlPdf(font);
    }

    public ReportFont font() {
        return pdf.font();
    }

    /** Whether PDFs can be made: the Japanese font is there. */
    public boolean available() {
        return pdf.available();
    }

    /** The report as a PDF, or empty when the Japanese font is missing (never a PDF without its glyphs). */
    public Optional<byte[]> render(YearReport report, boolean japanese) {
        return pdf.render(() -> xhtml(page(report, japanese)));
    }

    /** The XHTML the PDF is laid out from. */
    static String xhtml(Page page) {
        Context context = new Context(page.japanese() ? Locale.JAPANESE : Locale.ENGLISH);
        context.setVariable("page", page);
        return TEMPLATES.process("year-report", context);
    }

    /** What the template shows, every text made: the template only places it. */
    record Page(boolean japanese, String lang, String title, String edition, String footer, List<String> headers,
            List<Section> pillars) {
    }

    record Section(String heading, List<MeasureView> measures) {
    }

    /** @param evaluation label and text of each evaluation field shown; empty with {@code none} when none */
    record MeasureView(String heading, List<List<Cell>> rows, List<Field> evaluation, String none) {
    }

    /** @param style the cell's classes ({@code num}, {@code verdict achieved}, …) */
    record Cell(String text, String style) {
    }

    record Field(String label, String text) {
    }

    static Page page(YearReport report, boolean japanese) {
        FiscalYear year = FiscalYear.of(report.fiscalYear());
        String title = TEXTS.in(japanese, "report.title", report.planId(), japanese ? year.label() : year.labelEn());
        String edition = TEXTS.in(japanese, "report.edition", report.editionId(),
                TEXTS.in(japanese, "report.cause." + report.editionCause().toLowerCase(Locale.ROOT)),
                date(report.frozenAt() == null ? null : report.frozenAt().atZone(TOKYO).toLocalDate(), japanese),
                date(report.asOf(), japanese));
        List<String> headers = new ArrayList<>();
        for (String key : List.of("kpi", "unit", "baseline", "target", "due")) {
            headers.add(TEXTS.in(japanese, "column." + key));
        }
        for (int fiscalYear : report.years()) {
            String label = japanese ? FiscalYear.of(fiscalYear).label() : FiscalYear.of(fiscalYear).labelEn();
            headers.add(TEXTS.in(japanese, "column.year-value", label));
            headers.add(TEXTS.in(japanese, "column.year-verdict", label));
        }
        headers.add(TEXTS.in(japanese, "column.status"));
        headers.add(TEXTS.in(japanese, "column.grade"));
        List<Section> pillars = new ArrayList<>();
        for (YearReport.Pillar pillar : report.pillars()) {
            String heading = pillar.title() == null ? TEXTS.in(japanese, "sheet.unplaced")
                    : (pillar.code() + " " + pillar.title()).strip();
            pillars.add(new Section(heading, pillar.measures().stream()
                    .map(measure -> measure(report, measure, japanese)).toList()));
        }
        return new Page(japanese, japanese ? "ja" : "en", title, edition, title + " — " + report.editionId(), headers,
                pillars);
    }

    private static MeasureView measure(YearReport report, YearReport.Measure measure, boolean japanese) {
        String heading = TEXTS.in(japanese, "pdf.measure", measure.code(), blank(measure.title()),
                blank(measure.departmentCode()));
        List<List<Cell>> rows = new ArrayList<>();
        for (YearReport.Kpi kpi : measure.kpis()) {
            List<Cell> row = new ArrayList<>();
            row.add(new Cell(blank(kpi.name()), "kpi"));
            row.add(new Cell(blank(kpi.unit()), ""));
            row.add(new Cell(number(kpi.baseline()), "num"));
            row.add(new Cell(number(kpi.target()), "num"));
            row.add(new Cell(blank(date(kpi.due(), japanese)), "date"));
            for (int fiscalYear : report.years()) {
                YearReport.YearFigure figure = kpi.years().get(fiscalYear);
                row.add(new Cell(figure == null ? "" : number(figure.value()), "num"));
                String verdict = figure == null || figure.verdict() == null ? null
                        : figure.verdict().verdict().name().toLowerCase(Locale.ROOT);
                row.add(new Cell(verdict == null ? "" : TEXTS.in(japanese, "verdict." + verdict),
                        verdict == null ? "" : "verdict " + verdict));
            }
            row.add(new Cell(blank(status(kpi.status(), japanese)), ""));
            row.add(new Cell(blank(kpi.grade()), "grade"));
            rows.add(row);
        }
        List<Field> fields = evaluation(measure.evaluation(), japanese);
        return new MeasureView(heading, rows, fields, fields.isEmpty() ? TEXTS.in(japanese, "pdf.no-evaluation") : "");
    }

    private static List<Field> evaluation(Evaluation evaluation, boolean japanese) {
        List<Field> fields = new ArrayList<>();
        if (evaluation == null) {
            return fields;
        }
        Evaluation.SelfEvaluation self = evaluation.self();
        if (evaluation.state() != Evaluation.State.DRAFT && self != null) {
            field(fields, japanese, "self-activities", self.activities());
            field(fields, japanese, "self-results", self.results());
            field(fields, japanese, "self-issues", self.issues());
            field(fields, japanese, "self-direction", direction(self.direction(), japanese));
            field(fields, japanese, "self-grade", self.grade() == null ? null : self.grade().label());
        }
        Evaluation.HqEvaluation hq = evaluation.hq();
        if (hq != null) {
            field(fields, japanese, "hq-grade", hq.grade() == null ? null : hq.grade().label());
            field(fields, japanese, "hq-direction", direction(hq.direction(), japanese));
            field(fields, japanese, "hq-comment", hq.comment());
        }
        return fields;
    }

    private static void field(List<Field> fields, boolean japanese, String key, String text) {
        fields.add(new Field(TEXTS.in(japanese, "column." + key), blank(text)));
    }

    private static String number(BigDecimal value) {
        if (value == null) {
            return "";
        }
        DecimalFormat format = new DecimalFormat("#,##0.##########", DecimalFormatSymbols.getInstance(Locale.ROOT));
        return format.format(value);
    }

    private static String blank(String text) {
        return text == null ? "" : text;
    }

    private static TemplateEngine templates() {
        TemplateEngine engine = new TemplateEngine();
        engine.setTemplateResolver(XhtmlTemplates.resolver(YearReportPdf.class.getClassLoader(),
                "jp/shinchoku/measurement/documents/pdf/", ".xhtml"));
        return engine;
    }
}
