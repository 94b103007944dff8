package jp.shinchoku.documents;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import org.apache.fontbox.ttf.CmapLookup;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Japanese TrueType font the PDF documents (the measurement service's 取組状況報告書, the portal's 会議資料) are
 * set in and embed (IPAexゴシック, Debian's {@code fonts-ipaexfont-gothic}), read from a file at run time. A file that is missing, unreadable, not TrueType or
 * without the Japanese glyphs the documents print counts as no font: a PDF is then refused, never made with missing
 * glyphs. Read once and kept; a missing file is looked for again on each use (it may be installed later).
 */
public final class ReportFont {

    /** The family the templates name. */
    public static final String FAMILY = "IPAexGothic";
    /** Where Debian's fonts-ipaexfont-gothic puts it. */
    public static final String DEFAULT_PATH = "/usr/share/fonts/opentype/ipaexfont-gothic/ipaexg.ttf";
    /** The package that brings it. */
    public static final String PACKAGE = "fonts-ipaexfont-gothic";

    private static final Logger log = LoggerFactory.getLogger(ReportFont.class);
    private static final String SAMPLE = "令和年度取組状況報告書会議資料達成未達悪化未設定自己評価推進本部順調遅れ件";

    private final Path path;
    private volatile byte[] loaded;

    public ReportFont(Path path) {
        this.path = path;
    }

    public Path path() {
        return path;
    }

    /** The font file's bytes, or empty when there is no usable Japanese TrueType font at the path. */
    public Optional<byte[]> bytes() {
        byte[] font = loaded;
        if (font != null) {
            return Optional.of(font);
        }
        if (!Files.isReadable(path)) {
            log.warn("No Japanese font at {} (shinchoku.documents.font): PDF documents are refused; install {}", path,
                    PACKAGE);
            return Optional.empty();
        }
        try {
            byte[] read = Files.readAllBytes(path);
            if (!japanese(read)) {
                log.warn("The font at {} lacks Japanese glyphs: PDF documents are refused", path);
                return Optional.empty();
            }
            loaded = read;
            return Optional.of(read);
        } catch (IOException | RuntimeException e) {
            log.warn("The font at {} cannot be read as TrueType: PDF documents are refused", path, e);
            return Optional.empty();
        }
    }

    private static boolean japanese(byte[] font) throws IOException {
        try (TrueTypeFont ttf = new TTFParser().parse(new RandomAccessReadBuffer(font))) {
            CmapLookup cmap = ttf.getUnicodeCmapLookup(false);
            return cmap != null && SAMPLE.codePoints().allMatch(c -> cmap.getGlyphId(c) > 0);
        }
    }
}
