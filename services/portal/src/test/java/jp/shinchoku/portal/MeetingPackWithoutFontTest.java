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
import org.springframework.test.context.TestPropertySource;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Where the Japanese font is missing the portal makes no meeting pack PDF (never one with missing glyphs): its error
 * page says so with the package to install, answered 503, and no service is asked for anything.
 */
@PortalPageTest
@TestPropertySource(properties = "shinchoku.documents.font=target/no-such-font/ipaexg.ttf")
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
