package jp.shinchoku.portal.web;

import java.util.Optional;

import jakarta.servlet.http.HttpServletResponse;
import jp.shinchoku.documents.ReportFont;
import jp.shinchoku.portal.api.PlanClient;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * 会議資料 for the 推進本部 (情報化推進会議): a plan's KPIs counted by status and 柱, what worsened since the last meeting,
 * overdue reports, open alerts, targets still 未設定, evaluations waiting and the decisions asked for; on a page and as
 * a PDF to hand out. The 推進本部's and the administrator's only ({@code PortalSecurity}).
 */
@Controller
class MeetingPackController {

    private final PlanClient planClient;
    private final MeetingPacks packs;
    private final MeetingPackPdf pdf;
    private final MessageSource messages;

    MeetingPackController(PlanClient planClient, MeetingPacks packs, MeetingPackPdf pdf, MessageSource messages) {
        this.planClient = planClient;
        this.packs = packs;
        this.pdf = pdf;
        this.messages = messages;
    }

    @GetMapping("/meeting-pack")
    String page(@RequestParam(required = false) String plan, @AuthenticationPrincipal OidcUser user, Model model) {
        Plans plans = Plans.of(planClient, plan);
        model.addAttribute("plans", plans);
        model.addAttribute("pack", plans.chosen() == null ? null
                : packs.of(plans.chosen().id(), Me.of(user), LocaleContextHolder.getLocale()));
        return "meeting-pack";
    }

    /**
     * The PDF, {@code meeting-pack-<plan>-<date>.pdf}; without the Japanese font the portal's error page says which
     * package to install (503), never a PDF with missing glyphs.
     */
    @GetMapping("/meeting-pack/pdf")
    Object pdf(@RequestParam String plan, @AuthenticationPrincipal OidcUser user, Model model,
            HttpServletResponse response) {
        if (!pdf.available()) {
            return fontMissing(model, response);
        }
        MeetingPack pack = packs.of(plan, Me.of(user), LocaleContextHolder.getLocale());
        Optional<byte[]> file = pdf.render(pack, LocaleContextHolder.getLocale());
        if (file.isEmpty()) {
            return fontMissing(model, response);
        }
        String name = "meeting-pack-" + pack.planId() + "-" + pack.isoDate() + ".pdf";
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build().toString())
                .body(file.get());
    }

    private String fontMissing(Model model, HttpServletResponse response) {
        response.setStatus(503);
        model.addAttribute("status", 503);
        model.addAttribute("detail", messages.getMessage("meeting.pdf.font-missing", new Object[] {ReportFont.PACKAGE},
                LocaleContextHolder.getLocale()));
        return PageModel.ERROR_PAGE;
    }
}
