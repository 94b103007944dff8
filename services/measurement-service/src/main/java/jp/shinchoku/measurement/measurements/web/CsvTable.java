package jp.shinchoku.measurement.measurements.web;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import jp.shinchoku.platform.support.Throwables;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * A CSV file as Japanese offices save it: UTF-8 with or without a BOM, or Shift_JIS (CP932, {@code windows-31j}, what
 * Excel writes by default). Fields follow RFC 4180: commas, double quotes around fields that hold commas, quotes or
 * line breaks, CRLF or LF between records, as Commons CSV reads them.
 *
 * @param encoding the encoding the bytes were read in
 * @param records  every record, each with the line it starts on
 */
record CsvTable(String encoding, List<Record> records) {

    static final Charset CP932 = Charset.forName("windows-31j");

    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(false).get();

    /** A record as read, or a broken one: {@code problem} says why it could not be read. */
    record Record(int line, List<String> fields, String problem) {
        String field(int index) {
            return index < fields.size() ? fields.get(index).strip() : "";
        }

        boolean broken() {
            return problem != null;
        }

        boolean blank() {
            return !broken() && fields.stream().allMatch(String::isBlank);
        }
    }

    /** Reads the bytes in the declared charset, or else: UTF-8 if they start with a BOM or decode as UTF-8, CP932 if not. */
    static CsvTable read(byte[] bytes, Charset declared) {
        if (declared != null) {
            String text = new String(bytes, declared);
            return new CsvTable(declared.name(), parse(text.startsWith("\uFEFF") ? text.substring(1) : text));
        }
        if (bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF) {
            return new CsvTable("UTF-8 (BOM)", parse(new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8)));
        }
        try {
            String text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
            return new CsvTable("UTF-8", parse(text));
        } catch (CharacterCodingException notUtf8) {
            return new CsvTable("Shift_JIS (CP932)", parse(new String(bytes, CP932)));
        }
    }

    /**
     * The records, read by Commons CSV (RFC 4180). A record the parser cannot read (a stray quote, a quoted field
     * left open) becomes a broken record on its line, and reading goes on from the next line, so one bad row never
     * costs the rest of the file, nor is it silently misread.
     */
    static List<Record> parse(String text) {
        List<Record> records = new ArrayList<>();
        List<Integer> lineStarts = lineStarts(text);
        int fromLine = 1;
        while (fromLine <= lineStarts.size()) {
            int broken = readFrom(text.substring(lineStarts.get(fromLine - 1)), fromLine, records);
            if (broken == 0) {
                break;
            }
            fromLine = broken + 1;
        }
        return records;
    }

    /** Reads records starting at the line; the line of a broken record (reading stops there), or 0 at the end. */
    private static int readFrom(String text, int firstLine, List<Record> records) {
        try (CSVParser parser = FORMAT.parse(new StringReader(text))) {
            Iterator<CSVRecord> iterator = parser.iterator();
            int line = firstLine;
            while (true) {
                CSVRecord record;
                try {
                    if (!iterator.hasNext()) {
                        return 0;
                    }
                    record = iterator.next();
                } catch (RuntimeException unreadable) {
                    records.add(new Record(line, List.of(), Throwables.rootMessage(unreadable)));
                    return line;
                }
                records.add(new Record(line, record.toList(), null));
                line = firstLine + (int) parser.getCurrentLineNumber();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Integer> lineStarts(String text) {
        List<Integer> starts = new ArrayList<>();
        if (text.isEmpty()) {
            return starts;
        }
        starts.add(0);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                i++;
            }
            if ((c == '\r' || c == '\n') && i + 1 < text.length()) {
                starts.add(i + 1);
            }
        }
        return starts;
    }
}
