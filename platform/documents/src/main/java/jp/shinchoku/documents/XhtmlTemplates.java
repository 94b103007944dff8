package jp.shinchoku.documents;

import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * Where a PDF document's template is read: an XHTML file on the class path, processed by Thymeleaf in XML mode (so
 * what it writes stays well-formed XML for openhtmltopdf, every text escaped), UTF-8, cached.
 */
public final class XhtmlTemplates {

    private XhtmlTemplates() {
    }

    /**
     * The templates at {@code prefix} + name + {@code suffix} on the class path of {@code loader}
     * ({@code jp/shinchoku/measurement/documents/pdf/} and {@code .xhtml}).
     */
    public static ClassLoaderTemplateResolver resolver(ClassLoader loader, String prefix, String suffix) {
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver(loader);
        resolver.setPrefix(prefix);
        resolver.setSuffix(suffix);
        resolver.setTemplateMode(TemplateMode.XML);
        resolver.setCharacterEncoding("UTF-8");
        resolver.setCacheable(true);
        return resolver;
    }
}
