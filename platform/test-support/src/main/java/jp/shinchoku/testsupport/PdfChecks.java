package jp.shinchoku.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.imageio.ImageIO;

import jp.shinchoku.documents.ReportFont;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.assertj.core.data.Offset;

/**
 * What the tests check of a PDF document (the measurement service's 取組状況報告書, the portal's 会議資料), with PDFBox;
 * its pages as screenshots. Its users bring PDFBox and {@code shinchoku-documents} (optional here).
 */
public final class PdfChecks {

    private static final float A4_SHORT = 595.28f;
    private static final float A4_LONG = 841.89f;

    private PdfChecks() {
    }

    /** Every page A4 (either way up), every font embedded, as a subset, and the Japanese one among them. */
    public static void assertA4AndEmbedded(PDDocument document) throws IOException {
        assertThat(document.getNumberOfPages()).isPositive();
        boolean japanese = false;
        for (PDPage page : document.getPages()) {
            float width = page.getMediaBox().getWidth();
            float height = page.getMediaBox().getHeight();
            assertThat(Math.min(width, height)).as("A4").isCloseTo(A4_SHORT, Offset.offset(1f));
            assertThat(Math.max(width, height)).as("A4").isCloseTo(A4_LONG, Offset.offset(1f));
            for (COSName name : page.getResources().getFontNames()) {
                PDFont font = page.getResources().getFont(name);
                assertThat(font.isEmbedded()).as("%s embedded", font.getName()).isTrue();
                assertThat(font.getName()).as("a subset").matches("[A-Z]{6}\\+.+");
                japanese |= font.getName().endsWith("+" + ReportFont.FAMILY);
            }
        }
        assertThat(japanese).as("set in " + ReportFont.FAMILY).isTrue();
    }

    /** Each page as a PNG in target/screenshots/ (not blank). */
    public static void screenshots(PDDocument document, String name) throws IOException {
        screenshots(document, name, Path.of("target", "screenshots"));
    }

    /** Each page as a PNG ({@code name-page1.png}, …) at 110 dpi in the folder (not blank). */
    public static void screenshots(PDDocument document, String name, Path folder) throws IOException {
        Files.createDirectories(folder);
        PDFRenderer renderer = new PDFRenderer(document);
        for (int page = 0; page < document.getNumberOfPages(); page++) {
            BufferedImage image = renderer.renderImageWithDPI(page, 110);
            Path png = folder.resolve(name + "-page" + (page + 1) + ".png");
            ImageIO.write(image, "png", png.toFile());
            assertThat(Files.size(png)).isPositive();
            assertThat(inked(image)).as("page %d has print on it", page + 1).isGreaterThan(1000);
        }
    }

    private static int inked(BufferedImage image) {
        int dark = 0;
        for (int y = 0; y < image.getHeight(); y += 2) {
            for (int x = 0; x < image.getWidth(); x += 2) {
                int rgb = image.getRGB(x, y);
                if (((rgb >> 16) & 0xff) + ((rgb >> 8) & 0xff) + (rgb & 0xff) < 300) {
                    dark++;
                }
            }
        }
        return dark;
    }

    /** The text without its line breaks and spaces (a table cell may wrap anywhere). */
    public static String flat(String text) {
        return text.replaceAll("\\s+", "");
    }
}
