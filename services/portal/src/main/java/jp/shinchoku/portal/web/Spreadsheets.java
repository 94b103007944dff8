package jp.shinchoku.portal.web;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.FormulaEvaluator;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Excel (.xlsx) as departments keep their figures: the template of their KPIs as a workbook, and an uploaded workbook's
 * first sheet read as the CSV the measurement service takes (cells as Excel shows them, dates as {@code YYYY-MM-DD},
 * formulas by their last computed value), so that one rule reads both.
 */
final class Spreadsheets {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private Spreadsheets() {
    }

    static boolean isWorkbook(String filename, String contentType) {
        return XLSX.equals(contentType) || (filename != null && filename.toLowerCase(java.util.Locale.ROOT).endsWith(".xlsx"));
    }

    /** The first sheet as CSV (UTF-8); rows past the last filled one are left out. */
    static byte[] toCsv(byte[] workbook) throws IOException {
        try (Workbook book = new XSSFWorkbook(new ByteArrayInputStream(workbook))) {
            Sheet sheet = book.getSheetAt(0);
            DataFormatter shown = new DataFormatter(java.util.Locale.JAPAN);
            FormulaEvaluator formulas = book.getCreationHelper().createFormulaEvaluator();
            StringBuilder csv = new StringBuilder();
            int width = sheet.getRow(sheet.getFirstRowNum()) == null ? 0 : sheet.getRow(sheet.getFirstRowNum()).getLastCellNum();
            for (int r = sheet.getFirstRowNum(); r <= sheet.getLastRowNum(); r++) {
                Row row = sheet.getRow(r);
                List<String> cells = new ArrayList<>();
                for (int c = 0; c < width; c++) {
                    cells.add(row == null ? "" : text(row.getCell(c), shown, formulas));
                }
                line(csv, cells);
            }
            return csv.toString().getBytes(StandardCharsets.UTF_8);
        }
    }

    private static String text(Cell cell, DataFormatter shown, FormulaEvaluator formulas) {
        if (cell == null) {
            return "";
        }
        CellType type = cell.getCellType() == CellType.FORMULA ? cell.getCachedFormulaResultType() : cell.getCellType();
        if (type == CellType.NUMERIC && DateUtil.isCellDateFormatted(cell)) {
            return cell.getDateCellValue().toInstant().atZone(ZoneId.systemDefault()).toLocalDate().toString();
        }
        return shown.formatCellValue(cell, formulas);
    }

    private static void line(StringBuilder csv, List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            String cell = cells.get(i);
            csv.append(i == 0 ? "" : ",");
            csv.append(cell.contains(",") || cell.contains("\"") || cell.contains("\n")
                    ? "\"" + cell.replace("\"", "\"\"") + "\"" : cell);
        }
        csv.append("\r\n");
    }

    /** The department's template: a header row and one row per KPI, its id and name filled in. */
    static byte[] template(List<List<String>> rows) throws IOException {
        try (Workbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = book.createSheet("報告");
            CellStyle header = book.createCellStyle();
            Font bold = book.createFont();
            bold.setBold(true);
            header.setFont(bold);
            CellStyle text = book.createCellStyle();
            text.setDataFormat(book.createDataFormat().getFormat("@"));
            for (int r = 0; r < rows.size(); r++) {
                Row row = sheet.createRow(r);
                for (int c = 0; c < rows.get(r).size(); c++) {
                    Cell cell = row.createCell(c);
                    cell.setCellValue(rows.get(r).get(c));
                    cell.setCellStyle(r == 0 ? header : text);
                }
            }
            for (int c = 0; c < (rows.isEmpty() ? 0 : rows.getFirst().size()); c++) {
                sheet.setColumnWidth(c, c == 1 ? 40 * 256 : 18 * 256);
            }
            sheet.createFreezePane(0, 1);
            book.write(out);
            return out.toByteArray();
        }
    }
}
