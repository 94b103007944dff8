package jp.shinchoku.platform.web;

import java.util.List;
import java.util.regex.Pattern;

/**
 * CSV as the services export it (RFC 4180, CRLF; UTF-8 with a BOM so that Excel opens Japanese as it is), with
 * every cell that a spreadsheet would run as a formula ({@code = + - @}, tab, CR) defused by a leading quote.
 */
public final class CsvLines {

    public static final String BOM = "\uFEFF";
    private static final Pattern NUMBER = Pattern.compile("[+-]?\\d+(\\.\\d+)?");

    private CsvLines() {
    }

    public static void line(StringBuilder csv, List<String> fields) {
        for (int i = 0; i < fields.size(); i++) {
            String field = defused(fields.get(i) == null ? "" : fields.get(i));
            csv.append(i == 0 ? "" : ",");
            if (field.contains(",") || field.contains("\"") || field.contains("\n") || field.contains("\r")) {
                csv.append('"').append(field.replace("\"", "\"\"")).append('"');
            } else {
                csv.append(field);
            }
        }
        csv.append("\r\n");
    }

    /** The cell, or the cell behind a quote where a spreadsheet would take it for a formula (a signed number stays). */
    public static String defused(String field) {
        if (field.isEmpty() || "=+-@\t\r".indexOf(field.charAt(0)) < 0 || NUMBER.matcher(field).matches()) {
            return field;
        }
        return "'" + field;
    }
}
