package jp.shinchoku.measurement.documents.xlsx;

import static jp.shinchoku.measurement.documents.DocumentWords.date;
import static jp.shinchoku.measurement.documents.DocumentWords.direction;
import static jp.shinchoku.measurement.documents.DocumentWords.status;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import jp.shinchoku.calendar.FiscalYear;
import jp.shinchoku.calendar.Texts;
import jp.shinchoku.measurement.documents.DocumentTexts;
import jp.shinchoku.measurement.documents.YearReport;
import jp.shinchoku.measurement.evaluations.Evaluation;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.WorkbookUtil;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * 取組状況報告書 as an Excel workbook (Apache POI): one sheet per 柱, its title and the edition it comes from on top,
 * then a row per KPI under its measure: baseline, target, deadline, each year's value and verdict, status, grade, and
 * on the measure's first row the department's 自己評価 and the 推進本部's evaluation. Numbers are number cells; dates
 * are written in 和暦 (in Japanese) or ISO (in English).
 */
public final class YearReportWorkbook {

    private static final Texts TEXTS = DocumentTexts.TEXTS;
    private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");

    private YearReportWorkbook() {
    }

    public static byte[] render(YearReport report, boolean japanese) {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Styles styles = new Styles(workbook);
            Set<String> names = new HashSet<>();
            for (YearReport.Pillar pillar : report.pillars()) {
                sheet(workbook.createSheet(sheetName(pillar, japanese, names)), report, pillar, japanese, styles);
            }
            if (report.pillars().isEmpty()) {
                sheet(workbook.createSheet(TEXTS.in(japanese, "sheet.unplaced")), report,
                        new YearReport.Pillar("", null, List.of()), japanese, styles);
            }
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void sheet(Sheet sheet, YearReport report, YearReport.Pillar pillar, boolean japanese,
            Styles styles) {
        FiscalYear year = FiscalYear.of(report.fiscalYear());
        text(sheet.createRow(0), 0, TEXTS.in(japanese, "report.title", report.planId(),
                japanese ? year.label() : year.labelEn()), styles.title);
        text(sheet.createRow(1), 0, TEXTS.in(japanese, "report.edition", report.editionId(),
                TEXTS.in(japanese, "report.cause." + report.editionCause().toLowerCase(Locale.ROOT)),
                date(report.frozenAt() == null ? null : report.frozenAt().atZone(TOKYO).toLocalDate(), japanese),
                date(report.asOf(), japanese)), null);
        if (pillar.title() != null) {
            text(sheet.createRow(2), 0, pillar.code() + " " + pillar.title(), styles.heading);
        }
        List<String> headers = new ArrayList<>(List.of("measure-code", "measure", "department", "kpi", "unit",
                "baseline", "target", "due"));
        Row header = sheet.createRow(4);
        int column = 0;
        for (String key : headers) {
            text(header, column++, TEXTS.in(japanese, "column." + key), styles.heading);
        }
        for (int fiscalYear : report.years()) {
            String label = japanese ? FiscalYear.of(fiscalYear).label() : FiscalYear.of(fiscalYear).labelEn();
            text(header, column++, TEXTS.in(japanese, "column.year-value", label), styles.heading);
            text(header, column++, TEXTS.in(japanese, "column.year-verdict", label), styles.heading);
        }
        for (String key : List.of("status", "grade", "self-activities", "self-results", "self-issues",
                "self-direction", "self-grade", "hq-grade", "hq-direction", "hq-comment")) {
            text(header, column++, TEXTS.in(japanese, "column." + key), styles.heading);
        }
        int rowNumber = 5;
        for (YearReport.Measure measure : pillar.measures()) {
            boolean first = true;
            for (YearReport.Kpi kpi : measure.kpis()) {
                Row row = sheet.createRow(rowNumber++);
                int c = 0;
                text(row, c++, measure.code(), styles.wrapped);
                text(row, c++, measure.title(), styles.wrapped);
                text(row, c++, measure.departmentCode(), null);
                text(row, c++, kpi.name(), styles.wrapped);
                text(row, c++, kpi.unit(), null);
                number(row, c++, kpi.baseline());
                number(row, c++, kpi.target());
                text(row, c++, date(kpi.due(), japanese), null);
                for (int fiscalYear : report.years()) {
                    YearReport.YearFigure figure = kpi.years().get(fiscalYear);
                    number(row, c++, figure == null ? null : figure.value());
                    text(row, c++, figure == null || figure.verdict() == null ? null
                            : TEXTS.in(japanese, "verdict." + figure.verdict().verdict().name().toLowerCase(Locale.ROOT)),
                            null);
                }
                text(row, c++, status(kpi.status(), japanese), null);
                text(row, c++, kpi.grade(), null);
                if (first && measure.evaluation() != null) {
                    evaluation(row, c, measure.evaluation(), japanese, styles);
                }
                first = false;
            }
        }
        for (int c = 0; c < column; c++) {
            sheet.setColumnWidth(c, c == 1 || c == 3 || c >= column - 10 ? 30 * 256 : 12 * 256);
        }
        sheet.createFreezePane(4, 5);
    }

    private static void evaluation(Row row, int column, Evaluation evaluation, boolean japanese, Styles styles) {
        Evaluation.SelfEvaluation self = evaluation.self();
        Evaluation.HqEvaluation hq = evaluation.hq();
        boolean submitted = evaluation.state() != Evaluation.State.DRAFT && self != null;
        text(row, column++, submitted ? self.activities() : null, styles.wrapped);
        text(row, column++, submitted ? self.results() : null, styles.wrapped);
        text(row, column++, submitted ? self.issues() : null, styles.wrapped);
        text(row, column++, submitted ? direction(self.direction(), japanese) : null, null);
        text(row, column++, submitted && self.grade() != null ? self.grade().label() : null, null);
        text(row, column++, hq == null ? null : hq.grade().label(), null);
        text(row, column++, hq == null ? null : direction(hq.direction(), japanese), null);
        text(row, column, hq == null ? null : hq.comment(), styles.wrapped);
    }




    private static void text(Row row, int column, String value, CellStyle style) {
        if (value == null) {
            return;
        }
        var cell = row.createCell(column);
        cell.setCellValue(value);
        if (style != null) {
            cell.setCellStyle(style);
        }
    }

    private static void number(Row row, int column, BigDecimal value) {
        if (value != null) {
            row.createCell(column).setCellValue(value.doubleValue());
        }
    }

    /** A sheet's name: the 柱's code and title, as Excel allows (31 characters, no []:*?/\), each name once. */
    private static String sheetName(YearReport.Pillar pillar, boolean japanese, Set<String> taken) {
        String wanted = pillar.title() == null ? TEXTS.in(japanese, "sheet.unplaced")
                : (pillar.code() + " " + pillar.title()).strip();
        String name = WorkbookUtil.createSafeSheetName(wanted);
        String unique = name;
        for (int n = 2; !taken.add(unique.toLowerCase(Locale.ROOT)); n++) {
            String suffix = " (" + n + ")";
            unique = name.substring(0, Math.min(name.length(), 31 - suffix.length())) + suffix;
        }
        return unique;
    }

    /** The workbook's few styles, made once (a workbook holds a limited number). */
    private static final class Styles {
        final CellStyle title;
        final CellStyle heading;
        final CellStyle wrapped;

        Styles(Workbook workbook) {
            Font bold = workbook.createFont();
            bold.setBold(true);
            Font large = workbook.createFont();
            large.setBold(true);
            large.setFontHeightInPoints((short) 14);
            title = workbook.createCellStyle();
            title.setFont(large);
            heading = workbook.createCellStyle();
            heading.setFont(bold);
            heading.setWrapText(true);
            wrapped = workbook.createCellStyle();
            wrapped.setWrapText(true);
        }
    }
}
