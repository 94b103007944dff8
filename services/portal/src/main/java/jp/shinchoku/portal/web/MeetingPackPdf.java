package jp.shinchoku.portal.web;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

import jp.shinchoku.documents.HtmlPdf;
import jp.shinchoku.documents.ReportFont;
import jp.shinchoku.documents.XhtmlTemplates;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;

/**
 * The {@link MeetingPack} as a PDF for the meeting's table: {@code meeting-pack-print.html}, XHTML processed by
 * Thymeleaf in XML mode with the portal's texts ({@code messages/meeting}, the statuses' names of
 * {@code messages/portal}) in the reader's language, laid out by openhtmltopdf on A4 in the Japanese font
 * ({@code shinchoku.documents.font}, by default where Debian's fonts-ipaexfont-gothic puts it), embedded.
 */
@Component
class MeetingPackPdf {

    private final HtmlPdf pdf;
    private final SpringTemplateEngine templates;

    MeetingPackPdf(@Value("${shinchoku.documents.font:" + ReportFont.DEFAULT_PATH + "}") String font,
            MessageSource messages) {
        this.pdf = new HtmlPdf(new ReportFont(Path.of(font)));
        this.templates = new SpringTemplateEngine();
        templates.setTemplateResolver(XhtmlTemplates.resolver(MeetingPackPdf.class.getClassLoader(),
                "templates/portal/", ".html"));
        templates.setTemplateEngineMessageSource(messages);
    }

    /** Whether PDFs can be made: the Japanese font is there. */
    boolean available() {
        return pdf.available();
    }

    /** The pack as a PDF, or empty when the Japanese font is missing (never a PDF without its glyphs). */
    Optional<byte[]> render(MeetingPack pack, Locale locale) {
        return pdf.render(() -> xhtml(pack, locale));
    }

    /** The XHTML the PDF is laid out from. */
    String xhtml(MeetingPack pack, Locale locale) {
        Context context = new Context(locale);
        context.setVariable("pack", pack);
        context.setVariable("english", Locale.ENGLISH.getLanguage().equals(locale.getLanguage()));
        return templates.process("meeting-pack-print", context);
    }
}
