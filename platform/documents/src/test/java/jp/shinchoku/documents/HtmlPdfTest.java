package jp.shinchoku.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

/** XHTML laid out as a PDF in the embedded Japanese font; nothing at all without the font, not even the XHTML made. */
class HtmlPdfTest {

    private static final String XHTML = """
            <html xmlns="http://www.w3.org/1999/xhtml"><head><style>
            @page { size: A4; } * { font-family: 'IPAexGothic'; }
            </style></head><body><h1>推進本部会議資料</h1><p>令和5年10月2日</p>
            <img src="http://example.invalid/tracker.png" alt=""/></body></html>""";

    @Test
    void theTextIsSetInTheJapaneseFontEmbedded() throws Exception {
        HtmlPdf pdf = new HtmlPdf(new ReportFont(Path.of(ReportFont.DEFAULT_PATH)));
        assumeThat(pdf.available()).as("the Japanese font (Debian's %s)", ReportFont.PACKAGE).isTrue();

        byte[] file = pdf.render(() -> XHTML).orElseThrow();

        try (PDDocument document = Loader.loadPDF(file)) {
            assertThat(new PDFTextStripper().getText(document)).contains("推進本部会議資料", "令和5年10月2日");
            PDFont font = document.getPage(0).getResources()
                    .getFont(document.getPage(0).getResources().getFontNames().iterator().next());
            assertThat(font.isEmbedded()).isTrue();
            assertThat(font.getName()).endsWith("+" + ReportFont.FAMILY);
            assertThat(document.getPage(0).getMediaBox().getWidth()).isBetween(594f, 596f);
        }
    }

    @Test
    void withoutTheFontThereIsNoPdf() {
        HtmlPdf pdf = new HtmlPdf(new ReportFont(Path.of("target", "no-such-font.ttf")));
        AtomicBoolean made = new AtomicBoolean();

        assertThat(pdf.available()).isFalse();
        assertThat(pdf.render(() -> {
            made.set(true);
            return XHTML;
        })).isEmpty();
        assertThat(made).isFalse();
    }
}
