package jp.shinchoku.documents;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;
import java.util.function.Supplier;

import com.openhtmltopdf.outputdevice.helper.ExternalResourceControlPriority;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;

/**
 * An XHTML document laid out as a PDF by openhtmltopdf on PDFBox, set in the {@link ReportFont} (embedded as a
 * subset; the document's style names its {@link ReportFont#FAMILY}). Nothing outside the document is ever read: no
 * images, style sheets or fonts from a file or the network. Without the Japanese font there is no PDF at all, never one
 * with missing glyphs.
 */
public final class HtmlPdf {

    static {
        OpenHtmlLogging.install();
    }

    private final ReportFont font;

    public HtmlPdf(ReportFont font) {
        this.font = font;
    }

    public ReportFont font() {
        return font;
    }

    /** Whether PDFs can be made: the Japanese font is there. */
    public boolean available() {
        return font.bytes().isPresent();
    }

    /**
     * The document as a PDF, or empty when the Japanese font is missing (the XHTML is then not even made).
     *
     * @param xhtml the well-formed XHTML to lay out (openhtmltopdf reads it as XML)
     */
    public Optional<byte[]> render(Supplier<String> xhtml) {
        return font.bytes().map(bytes -> render(xhtml.get(), bytes));
    }

    private static byte[] render(String xhtml, byte[] fontBytes) {
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            builder.useFont(() -> new ByteArrayInputStream(fontBytes), ReportFont.FAMILY);
            builder.useExternalResourceAccessControl((uri, type) -> false,
                    ExternalResourceControlPriority.RUN_BEFORE_RESOLVING_URI);
            builder.withHtmlContent(xhtml, null);
            builder.toStream(out);
            builder.run();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
