package jp.shinchoku.portal.web;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** Where each person starts: a department at its reports, the 推進本部 (and prefectures) at the plan's progress. */
@Controller
class HomeController {

    @GetMapping("/")
    String home(@AuthenticationPrincipal OidcUser user) {
        return Me.of(user).oversees() ? "redirect:/progress" : "redirect:/reports";
    }

    @GetMapping("/signed-out")
    String signedOut() {
        return "signed-out";
    }
}
