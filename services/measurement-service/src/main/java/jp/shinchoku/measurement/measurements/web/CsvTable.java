package jp.shinchoku.measurement.measurements.web;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A CSV file as Japanese offices save it: UTF-8 with or without a BOM, or Shift_JIS (CP932, {@code windows-31j}, what
 * Excel writes by default). Fields follow RFC 4180: commas, double quotes around fields that hold commas, quotes or
 * line breaks, CRLF or LF between records.
 *
 * @param encoding the encoding the bytes were read in
 * @param records  every record, each with the line it starts on
 */
record CsvTable(String encoding, List<Record> records) {

    static final Charset CP932 = Charset.forName("windows-31j");

    record Record(int line, List<String> fields) {
        String field(int index) {
            return index < fields.size() ? fields.get(index).strip() : "";
        }

        boolean blank() {
            return fields.stream().allMatch(String::isBlank);
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

    static List<Record> parse(String text) {
        List<Record> records = new ArrayList<>();
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        int line = 1;
        int recordLine = 1;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    if (c == '\n') {
                        line++;
                    }
                    field.append(c);
                }
            } else if (c == '"' && field.isEmpty()) {
                quoted = true;
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
            } else if (c == '\r' || c == '\n') {
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                fields.add(field.toString());
                field.setLength(0);
                records.add(new Record(recordLine, List.copyOf(fields)));
                fields.clear();
                line++;
                recordLine = line;
            } else {
                field.append(c);
            }
        }
        if (!field.isEmpty() || !fields.isEmpty()) {
            fields.add(field.toString());
            records.add(new Record(recordLine, List.copyOf(fields)));
        }
        return records;
    }
}
