package jp.shinchoku.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.TestPropertySource;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The portal's error pages as a servlet container serves them: the failed request forwarded to {@code /error}, which
 * renders the portal's own page (never Spring Boot's "Whitelabel Error Page") in the reader's language. Nobody signs
 * in here: what a person signed in meets is {@code PortalBrowserTest}'s (deploy/launcher).
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "spring.config.name=portal")
@TestPropertySource(locations = "classpath:offline-sign-in.properties")
class PortalErrorPagesTest {

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void aFileThatDoesNotExistAnswers404WithThePortalsPageInJapaneseOrEnglish() {
        HttpResponse<String> japanese = send(page("/assets/no-such.css").GET());

        assertThat(japanese.statusCode()).isEqualTo(404);
        assertThat(japanese.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
        assertThat(japanese.body()).contains("<html lang=\"ja\">", "<h1>ページが見つかりません</h1>",
                "アドレスが正しいかご確認ください", "role=\"alert\"", "/assets/portal.css")
                .doesNotContain("Whitelabel");

        HttpResponse<String> english = send(page("/assets/no-such.css?lang=en").GET());
        assertThat(english.statusCode()).isEqualTo(404);
        assertThat(english.body()).contains("<html lang=\"en\">", "<h1>Page not found</h1>", "日本語").doesNotContain("Whitelabel");
    }

    @Test
    void aFormSentWithoutItsCsrfTokenAnswers403WithThePortalsPage() {
        HttpResponse<String> refused = send(page("/reports/pln-x.1-1.1").header("Content-Type",
                "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString("value=8")));

        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.body()).contains("<html lang=\"ja\">", "<h1>このページは表示できません</h1>",
                "ページを読み込み直してから").doesNotContain("Whitelabel");
    }

    @Test
    void anAddressOfAPageAsksWhoIsThereBeforeSayingWhetherItExists() {
        HttpResponse<String> unknown = send(page("/no-such-page").GET());

        assertThat(unknown.statusCode()).as("to the sign-in, as any page").isEqualTo(302);
    }

    private HttpRequest.Builder page(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).header("Accept", "text/html")
                .timeout(Duration.ofSeconds(10));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
