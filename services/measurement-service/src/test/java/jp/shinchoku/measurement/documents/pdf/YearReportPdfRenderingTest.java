package jp.shinchoku.measurement.documents.pdf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jp.shinchoku.documents.ReportFont;
import jp.shinchoku.measurement.documents.YearReport;
import jp.shinchoku.measurement.evaluations.Evaluation;
import jp.shinchoku.measurement.progress.Grade;
import jp.shinchoku.measurement.progress.YearVerdict;
import jp.shinchoku.testsupport.PdfChecks;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

/**
 * The PDF report of a plan of 40 KPIs, without the service: every KPI and measure in it, user text printed as
 * written (never read as markup), made in at most 2 s once warm; no PDF at all without the Japanese font.
 */
class YearReportPdfRenderingTest {

    private final YearReportPdf pdf = new YearReportPdf(new ReportFont(Path.of(ReportFont.DEFAULT_PATH)));

    @Test
    void aPlanOf40KpisIsLaidOutQuickly() throws Exception {
        assumeThat(pdf.available()).as("no Japanese font at %s: install the Debian package %s to test the PDF report",
                ReportFont.DEFAULT_PATH, ReportFont.PACKAGE).isTrue();
        YearReport report = plan(40);

        long cold = System.nanoTime();
        byte[] first = pdf.render(report, true).orElseThrow();
        long coldMs = (System.nanoTime() - cold) / 1_000_000;
        long warm = System.nanoTime();
        byte[] file = pdf.render(report, true).orElseThrow();
        long warmMs = (System.nanoTime() - warm) / 1_000_000;
        System.out.printf("YearReportPdf, 40 KPIs: first %d ms (loading the font and the renderer), then %d ms, %d pages, %d bytes%n",
                coldMs, warmMs, pages(file), file.length);
        assertThat(first).isNotEmpty();
        assertThat(warmMs).as("a plan of 40 KPIs in at most 2 s").isLessThanOrEqualTo(2000);

        try (PDDocument document = Loader.loadPDF(file)) {
            PdfChecks.assertA4AndEmbedded(document);
            String text = new PDFTextStripper().getText(document).replaceAll("\\s+", "");
            for (int k = 1; k <= 40; k++) {
                assertThat(text).contains("指標" + k + "号<b>&amp;\"'");
            }
            for (int m = 1; m <= 10; m++) {
                assertThat(text).contains("施策" + m + "の推進");
            }
            assertThat(text).contains("令和6年度取組状況報告書", "令和8年3月31日", "達成", "未達", "取組<script>");
            PdfChecks.screenshots(document, "year-report-40-kpis");
        }
    }

    @Test
    void withoutTheFontThereIsNoPdf() {
        YearReportPdf missing = new YearReportPdf(new ReportFont(Path.of("target", "no-such-font.ttf")));
        assertThat(missing.available()).isFalse();
        assertThat(missing.render(plan(1), true)).isEmpty();
    }

    @Test
    void aFontWithoutJapaneseGlyphsIsNoFont() {
        Path latin = Path.of("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf");
        assumeThat(latin).as("a TrueType font without Japanese glyphs (fonts-dejavu-core)").isReadable();
        assertThat(new YearReportPdf(new ReportFont(latin)).available()).isFalse();
    }

    /** Measures of 4 KPIs each, in 2 柱, over 令和5年度 and 令和6年度; names with markup characters. */
    static YearReport plan(int kpis) {
        List<YearReport.Measure> first = new ArrayList<>();
        List<YearReport.Measure> second = new ArrayList<>();
        for (int m = 1; m <= (kpis + 3) / 4; m++) {
            List<YearReport.Kpi> list = new ArrayList<>();
            for (int k = (m - 1) * 4 + 1; k <= Math.min(kpis, m * 4); k++) {
                YearVerdict.Verdict verdict = k % 3 == 0 ? YearVerdict.Verdict.MISSED : YearVerdict.Verdict.ACHIEVED;
                list.add(new YearReport.Kpi("kpi-" + k, "指標" + k + "号<b>&amp;\"'", "件", new BigDecimal("100"),
                        new BigDecimal("1200.5"), LocalDate.of(2026, 3, 31),
                        Map.of(2023, figure(2023, "300", verdict), 2024, figure(2024, "640", verdict)), "ON_TRACK", "A"));
            }
            Evaluation evaluation = new Evaluation("e" + m, "pln", "462233", "m" + m, "somu", 2024,
                    Evaluation.State.EVALUATED, new Evaluation.SelfEvaluation("取組<script>alert(1)</script>", "実績" + m,
                            "課題" + m, Evaluation.Direction.CONTINUE, Grade.A, "somu", Instant.EPOCH),
                    new Evaluation.HqEvaluation("コメント" + m, Grade.B, Evaluation.Direction.EXPAND, "hq", Instant.EPOCH), 2);
            (m % 2 == 0 ? second : first).add(new YearReport.Measure(m + "-1", "施策" + m + "の推進", "somu", list,
                    evaluation));
        }
        return new YearReport("pln", 2024, "pln:FY2024:1", "CLOSED", Instant.parse("2025-04-20T01:00:00Z"),
                LocalDate.of(2025, 3, 31), List.of(2023, 2024), List.of(
                        new YearReport.Pillar("1", "行政手続のオンライン化", first),
                        new YearReport.Pillar("2", "オープンデータの推進", second)));
    }

    private static YearReport.YearFigure figure(int year, String value, YearVerdict.Verdict verdict) {
        return new YearReport.YearFigure(new BigDecimal(value), new YearVerdict(year, new BigDecimal(value),
                new BigDecimal("500"), verdict, List.of(), LocalDate.of(year + 1, 4, 1)));
    }

    private static int pages(byte[] file) throws Exception {
        try (PDDocument document = Loader.loadPDF(file)) {
            return document.getNumberOfPages();
        }
    }
}
