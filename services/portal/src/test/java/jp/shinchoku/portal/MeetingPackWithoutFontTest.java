package jp.shinchoku.portal;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.oidcLogin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;

import jp.shinchoku.portal.api.Api;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Where the Japanese font is missing the portal makes no meeting pack PDF (never one with missing glyphs): its error
 * page says so with the package to install, answered 503, and no service is asked for anything.
 */
@SpringBootTest(properties = {
        "spring.config.name=portal",
        "shinchoku.documents.font=target/no-such-font/ipaexg.ttf",
        "spring.security.oauth2.client.registration.shinchoku.provider=test",
        "spring.security.oauth2.client.provider.test.authorization-uri=http://auth.test/oauth2/authorize",
        "spring.security.oauth2.client.provider.test.token-uri=http://auth.test/oauth2/token",
        "spring.security.oauth2.client.provider.test.jwk-set-uri=http://auth.test/oauth2/jwks",
        "spring.security.oauth2.client.provider.test.user-name-attribute=sub"})
@AutoConfigureMockMvc
class MeetingPackWithoutFontTest {

    @Autowired
    MockMvc mvc;

    @MockitoBean
    Api api;

    @Test
    void thePdfIsRefusedWithAPageSayingWhichPackageToInstall() throws Exception {
        mvc.perform(get("/meeting-pack/pdf").param("plan", "pln-setouchi")
                        .with(oidcLogin().authorities(new SimpleGrantedAuthority("ROLE_HQ"))
                                .idToken(token -> token.subject("setouchi-hq").claim("roles", List.of("HQ"))
                                        .claim("municipality", "瀬戸内町").claim("name", "瀬戸内町 推進本部"))))
                .andExpect(status().isServiceUnavailable())
                .andExpect(content().string(allOf(containsString("日本語フォントがありません"),
                        containsString("fonts-ipaexfont-gothic"))));
        verifyNoInteractions(api);
    }
}
