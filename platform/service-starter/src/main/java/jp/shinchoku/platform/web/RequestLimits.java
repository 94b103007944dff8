package jp.shinchoku.platform.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.util.unit.DataSize;

/**
 * What a service accepts at the most, so that no single request can stall it or make an event the broker refuses:
 * a request body ({@code max-body}), a file upload ({@code max-upload}: CSV, spreadsheets, multipart), the rows of an
 * uploaded file ({@code max-rows}) and the text a person types (a comment, a reason: {@code max-text} characters).
 * Beyond them the answer is a problem: 413 for a body or file, 400 for a text.
 */
@ConfigurationProperties("shinchoku.web.limits")
public record RequestLimits(DataSize maxBody, DataSize maxUpload, int maxRows, int maxText) {

    public static final RequestLimits DEFAULTS = new RequestLimits(null, null, 0, 0);

    public RequestLimits {
        maxBody = maxBody == null ? DataSize.ofMegabytes(1) : maxBody;
        maxUpload = maxUpload == null ? DataSize.ofMegabytes(2) : maxUpload;
        maxRows = maxRows <= 0 ? 5_000 : maxRows;
        maxText = maxText <= 0 ? 2_000 : maxText;
    }

    /** The most bytes a request of this content type may carry. */
    public long maxBytes(String contentType) {
        return upload(contentType) ? maxUpload.toBytes() : maxBody.toBytes();
    }

    private static boolean upload(String contentType) {
        if (contentType == null) {
            return false;
        }
        try {
            MediaType type = MediaType.parseMediaType(contentType);
            return type.getSubtype().contains("csv") || type.isCompatibleWith(MediaType.MULTIPART_FORM_DATA)
                    || type.getSubtype().contains("spreadsheetml") || type.getSubtype().contains("ms-excel");
        } catch (RuntimeException unreadable) {
            return false;
        }
    }

    /** Refuses a text a person typed that is longer than {@code max-text} characters. */
    public void checkText(String field, String text) {
        checkText(field, text, maxText);
    }

    public static void checkText(String field, String text, int max) {
        if (text != null && text.length() > max) {
            throw ApiProblem.of(HttpStatus.BAD_REQUEST, "too-long", field, max).with("field", field)
                    .with("length", text.length());
        }
    }

    /** Refuses a file of more than {@code max-rows} rows (413: split it). */
    public void checkRows(int rows) {
        if (rows > maxRows) {
            throw ApiProblem.of(HttpStatus.CONTENT_TOO_LARGE, "too-many-rows", maxRows).with("rows", rows);
        }
    }

    static ApiProblem tooLarge(long maxBytes) {
        return ApiProblem.of(HttpStatus.CONTENT_TOO_LARGE, "payload-too-large", maxBytes);
    }
}
