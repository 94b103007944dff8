package jp.shinchoku.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.LocalDate;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jp.shinchoku.launcher.LocalSystem.Service;
import jp.shinchoku.testsupport.SharedInfrastructure;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Two replicas of the portal behind one address share who is signed in: their sessions are kept in the store
 * ({@code shinchoku.portal.session-store}). A person signs in through one (the real authorization code flow at the
 * launcher's authorization server, as a browser does it), then their requests go to either in turn: each shows the
 * page, a form rendered by one is accepted by the other (the CSRF token is in the shared session), and signing out at
 * one signs them out of both.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PortalReplicasTest {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"|value=\"([^\"]+)\"[^>]*name=\"_csrf\"");

    private LocalAuthorizationServer auth;
    private LocalSystem system;
    private LocalPortal first;
    private LocalPortal second;

    @BeforeAll
    void startTwoPortalsOnOneSessionStore() throws IOException {
        LocalTokens tokens = LocalTokens.in(Files.createTempDirectory("shinchoku-replicas"));
        auth = LocalAuthorizationServer.start(tokens, 0);
        tokens = tokens.issuedBy(auth.issuer());
        system = LocalSystem.start(new LocalSystem.Settings(SharedInfrastructure.get().bootstrapServers(),
                SharedInfrastructure.get().mongoUri(), "replicas-" + UUID.randomUUID().toString().substring(0, 8) + "-",
                null, LocalDate.parse("2023-10-02")).with(LocalSystem.PUBLIC_KEY_PROPERTY, tokens.publicKeyLocation()));
        assertThat(LocalLauncher.loadDemoPlan(system.url(Service.PLAN), tokens.admin())).contains("loaded");
        String sessions = SharedInfrastructure.get().mongoUri() + "/portal-sessions-"
                + UUID.randomUUID().toString().substring(0, 8);
        first = LocalPortal.start(system, auth.issuer(), 0, sessions);
        second = LocalPortal.start(system, auth.issuer(), 0, sessions);
    }

    @AfterAll
    void stop() {
        for (AutoCloseable running : new AutoCloseable[] {first, second, system, auth}) {
            if (running != null) {
                try {
                    running.close();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }
        }
    }

    @Test
    void oneSignedInPersonIsServedByEitherReplicaInTurn() throws Exception {
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
                .followRedirects(HttpClient.Redirect.NEVER).build();
        HttpResponse<String> signedIn = signIn(browser, first, "setouchi-hq");
        assertThat(signedIn.statusCode()).isEqualTo(200);

        String form = null;
        for (int request = 0; request < 4; request++) {
            LocalPortal replica = request % 2 == 0 ? second : first;
            HttpResponse<String> page = get(browser, replica.url() + "/plans");
            assertThat(page.statusCode()).as("request %d on the %s replica", request, request % 2 == 0 ? "second" : "first")
                    .isEqualTo(200);
            assertThat(page.body()).contains("瀬戸内町");
            if (replica == first) {
                form = page.body();
            }
        }

        // a form the first rendered, sent to the second: signs the person out of both
        HttpResponse<String> signOut = post(browser, second.url() + "/logout", "_csrf=" + csrf(form));
        assertThat(signOut.statusCode()).isEqualTo(302);
        assertThat(signOut.headers().firstValue("Location").orElseThrow()).startsWith(auth.issuer());
        HttpResponse<String> afterwards = get(browser, first.url() + "/plans");
        assertThat(afterwards.statusCode()).isEqualTo(302);
        assertThat(afterwards.headers().firstValue("Location").orElseThrow()).contains("/oauth2/authorization/");
    }

    /** The authorization code flow as a browser goes through it, following redirects; returns the page it ends on. */
    private HttpResponse<String> signIn(HttpClient browser, LocalPortal portal, String user) throws Exception {
        HttpResponse<String> response = follow(browser, get(browser, portal.url() + "/plans"));
        assertThat(response.uri().getPath()).isEqualTo("/login");
        response = post(browser, response.uri().toString(), "username=" + user + "&password="
                + LocalAuthorizationServer.DEMO_PASSWORD + "&_csrf=" + csrf(response.body()));
        return follow(browser, response);
    }

    private HttpResponse<String> follow(HttpClient browser, HttpResponse<String> response) throws Exception {
        for (int hops = 0; response.statusCode() / 100 == 3 && hops < 10; hops++) {
            response = get(browser, response.uri().resolve(response.headers().firstValue("Location").orElseThrow())
                    .toString());
        }
        return response;
    }

    private static HttpResponse<String> get(HttpClient browser, String url) throws Exception {
        return browser.send(HttpRequest.newBuilder(URI.create(url)).GET().build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static HttpResponse<String> post(HttpClient browser, String url, String form) throws Exception {
        return browser.send(HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String csrf(String page) {
        Matcher token = CSRF.matcher(page);
        assertThat(token.find()).as("a CSRF token in the page").isTrue();
        return URLEncoder.encode(token.group(1) != null ? token.group(1) : token.group(2), StandardCharsets.UTF_8);
    }
}
