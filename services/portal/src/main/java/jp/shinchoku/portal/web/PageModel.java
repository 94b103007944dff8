package jp.shinchoku.portal.web;

import java.time.LocalDate;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jp.shinchoku.calendar.Wareki;
import jp.shinchoku.portal.api.ApiProblemException;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.client.ResourceAccessException;

/** What every page shows: who is signed in, the language switch, the path (for the current menu item). */
@ControllerAdvice
class PageModel {

    private static final String RETRY_AFTER_SECONDS = "30";

    /**
     * The portal's one error page, also the view Spring Boot's error controller renders for an address that does not
     * exist (404), a request refused before any page (403) and a failure (500): titled by the status, in the reader's
     * language, with the page's header (the attributes below apply to that controller too).
     */
    static final String ERROR_PAGE = "error";

    private final MessageSource messages;

    PageModel(MessageSource messages) {
        this.messages = messages;
    }

    @ModelAttribute("me")
    Me me(@AuthenticationPrincipal OidcUser user) {
        return user == null ? null : Me.of(user);
    }

    @ModelAttribute("path")
    String path(HttpServletRequest request) {
        return request.getRequestURI();
    }

    @ModelAttribute("english")
    boolean english() {
        return Locale.ENGLISH.getLanguage().equals(LocaleContextHolder.getLocale().getLanguage());
    }

    /** A refusal the page could not turn into a message of its own: the service's reason, on an error page. */
    @ExceptionHandler(ApiProblemException.class)
    String refused(ApiProblemException problem, Model model, HttpServletRequest request,
            jakarta.servlet.http.HttpServletResponse response, @AuthenticationPrincipal OidcUser user) {
        page(model, request, user);
        int status = problem.status() == 401 ? 403 : problem.status();
        response.setStatus(status);
        if (status == 503) {
            response.setHeader("Retry-After", RETRY_AFTER_SECONDS);
        }
        model.addAttribute("status", status);
        model.addAttribute("detail", problem.detail(LocaleContextHolder.getLocale()));
        return ERROR_PAGE;
    }

    /** What every page shows, for an exception handler's model, which has none of the page's attributes. */
    private void page(Model model, HttpServletRequest request, OidcUser user) {
        model.addAttribute("me", me(user));
        model.addAttribute("path", path(request));
        model.addAttribute("english", english());
    }

    /** A service cannot be reached at all (stopped, restarting): the page says so, answered 503. */
    @ExceptionHandler(ResourceAccessException.class)
    String unavailable(ResourceAccessException e, Model model, HttpServletRequest request,
            jakarta.servlet.http.HttpServletResponse response, @AuthenticationPrincipal OidcUser user) {
        page(model, request, user);
        response.setStatus(503);
        response.setHeader("Retry-After", RETRY_AFTER_SECONDS);
        model.addAttribute("status", 503);
        model.addAttribute("detail", messages.getMessage("unavailable.detail", new Object[] {RETRY_AFTER_SECONDS},
                LocaleContextHolder.getLocale()));
        return ERROR_PAGE;
    }

    /** A moment as its day in 和暦 with 西暦 and its time in Japan ({@code 令和5年10月2日（2023-10-02） 09:05}), or a dash. */
    static String time(java.time.Instant at) {
        if (at == null) {
            return "—";
        }
        java.time.ZonedDateTime japan = at.atZone(java.time.ZoneId.of("Asia/Tokyo"));
        return Wareki.formatBoth(japan.toLocalDate()) + " "
                + japan.toLocalTime().format(java.time.format.DateTimeFormatter.ofPattern("HH:mm"));
    }

    /** A date as 和暦 with 西暦 ({@code 令和5年9月30日（2023-09-30）}), or a dash. */
    static String date(String isoDate) {
        return isoDate == null || isoDate.isBlank() || "null".equals(isoDate) ? "—"
                : Wareki.formatBoth(LocalDate.parse(isoDate.substring(0, Math.min(10, isoDate.length()))));
    }
}
