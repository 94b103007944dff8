package jp.shinchoku.portal.web;

import java.math.BigDecimal;
import java.util.List;

import jp.shinchoku.calendar.FiscalYear;
import jp.shinchoku.portal.api.ApiProblemException;
import jp.shinchoku.portal.api.MeasurementClient;
import jp.shinchoku.portal.api.MeasurementClient.Publication;
import jp.shinchoku.portal.api.MeasurementClient.PublicFigures;
import jp.shinchoku.portal.api.MeasurementClient.PublicRow;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * 公表: the 推進本部 previews what an edition would show the public (its 公開 KPIs only, how many 非公開 ones are
 * left out), publishes it, and sees the plan's publications; an edition published before is said on the page. The
 * year's 取組状況報告書 (Excel, PDF) is passed on from here too.
 */
@Controller
class PublishingController {

    private final MeasurementClient measurement;
    private final MessageSource messages;

    PublishingController(MeasurementClient measurement, MessageSource messages) {
        this.measurement = measurement;
        this.messages = messages;
    }

    /** A KPI as the public would read it, each figure as text. */
    record PreviewRow(String pillar, String measure, String kpi, String baseline, String target, String due,
            String value, String status, String verdict) {
        static PreviewRow of(PublicRow row) {
            return new PreviewRow(joined(row.pillarCode(), row.pillarTitle()), joined(row.measureCode(), row.measureTitle()),
                    row.kpiName() == null ? row.kpiId() : row.kpiName(), number(row.baselineValue(), row.unit()),
                    number(row.targetValue(), row.unit()), PageModel.date(row.targetDue()),
                    number(row.latestValue(), row.unit()), dash(row.status()), dash(row.verdict()));
        }
    }

    /** A publication as listed: the edition, its year, who published it and when, whether the public reads it now. */
    record PublicationItem(String editionId, String year, String by, String at, boolean current) {
    }

    @GetMapping("/fiscal-years/publication")
    String preview(@RequestParam String plan, @RequestParam String edition, Model model) {
        MeasurementClient.Edition frozen = measurement.edition(plan, edition);
        PublicFigures figures = measurement.publicationPreview(plan, edition);
        List<Publication> publications = measurement.publications(plan);
        boolean english = "en".equals(LocaleContextHolder.getLocale().getLanguage());
        FiscalYear year = FiscalYear.of(frozen.fiscalYear());
        Publication earlier = publications.stream().filter(p -> edition.equals(p.editionId())).findFirst().orElse(null);
        model.addAttribute("plan", plan);
        model.addAttribute("edition", frozen);
        model.addAttribute("yearLabel", english ? year.labelEn() : year.label());
        model.addAttribute("asOf", PageModel.date(frozen.asOf()));
        model.addAttribute("rows", figures.rows().stream().map(PreviewRow::of).toList());
        model.addAttribute("privateCount", Math.max(0, frozen.rows().size() - figures.rows().size()));
        model.addAttribute("state", earlier == null ? "unpublished" : earlier.current() ? "current" : "earlier");
        model.addAttribute("publishedAt", earlier == null ? null : PageModel.time(earlier.at()));
        model.addAttribute("publications", publications.reversed().stream().map(p -> new PublicationItem(p.editionId(),
                english ? FiscalYear.of(p.fiscalYear()).labelEn() : FiscalYear.of(p.fiscalYear()).label(), p.by(),
                PageModel.time(p.at()), p.current())).toList());
        return "publication";
    }

    /** 公表; an edition published before is said on the preview, with when it was. */
    @PostMapping("/fiscal-years/publication")
    String publish(@RequestParam String plan, @RequestParam String edition, RedirectAttributes redirect) {
        try {
            Publication done = measurement.publish(plan, edition);
            redirect.addFlashAttribute("notice", text("publishing.done", edition,
                    done == null ? "—" : PageModel.time(done.at())));
        } catch (ApiProblemException refused) {
            if (refused.status() != 409) {
                throw refused;
            }
            String at = measurement.publications(plan).stream().filter(p -> edition.equals(p.editionId()))
                    .findFirst().map(p -> PageModel.time(p.at())).orElse("—");
            redirect.addFlashAttribute("problem", text("publishing.already-published", edition, at));
        }
        return "redirect:" + preview(plan, edition);
    }

    /** The year's 取組状況報告書 (Excel); a year not closed is said on the page it was asked from. */
    @GetMapping("/fiscal-years/report.xlsx")
    Object workbook(@RequestParam String plan, @RequestParam int fiscalYear,
            @RequestParam(required = false) String edition, RedirectAttributes redirect) {
        return YearReportFiles.download(measurement, YearReportFiles.Format.XLSX, plan, fiscalYear,
                back(plan, fiscalYear, edition), redirect);
    }

    /** The same as a PDF. */
    @GetMapping("/fiscal-years/report.pdf")
    Object pdf(@RequestParam String plan, @RequestParam int fiscalYear, @RequestParam(required = false) String edition,
            RedirectAttributes redirect) {
        return YearReportFiles.download(measurement, YearReportFiles.Format.PDF, plan, fiscalYear,
                back(plan, fiscalYear, edition), redirect);
    }

    /** The preview of the edition the link was on, else the fiscal year's page. */
    private static String back(String plan, int fiscalYear, String edition) {
        return edition == null || edition.isBlank()
                ? UriComponentsBuilder.fromPath("/fiscal-years").queryParam("plan", plan)
                        .queryParam("fiscalYear", fiscalYear).encode().build().toUriString()
                : preview(plan, edition);
    }

    private static String preview(String plan, String edition) {
        return UriComponentsBuilder.fromPath("/fiscal-years/publication").queryParam("plan", plan)
                .queryParam("edition", edition).encode().build().toUriString();
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, args, LocaleContextHolder.getLocale());
    }

    private static String joined(String code, String title) {
        if (code == null) {
            return dash(title);
        }
        return title == null ? code : code + " " + title;
    }

    private static String dash(String text) {
        return text == null || text.isBlank() ? "—" : text;
    }

    private static String number(BigDecimal value, String unit) {
        if (value == null) {
            return "—";
        }
        String plain = value.stripTrailingZeros().toPlainString();
        return unit == null || unit.isBlank() ? plain : plain + " " + unit;
    }
}
