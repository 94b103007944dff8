package jp.shinchoku.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jwt.SignedJWT;
import jp.shinchoku.platform.security.Caller;
import jp.shinchoku.platform.security.Role;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The launcher's sign-in server, through HTTP only, as a script or a browser uses it: its discovery document and key
 * set, a system's client credentials, a person's authorization code with PKCE (the steps of {@code sign-in.sh}); and
 * its tokens carry the claims the services read, signed with the key whose public half the services are given.
 */
class LocalAuthorizationServerTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String REDIRECT_URI = LocalAuthorizationServer.CLI_REDIRECT_URI;

    @TempDir
    static Path keyFolder;

    private static LocalTokens tokens;
    private static LocalAuthorizationServer server;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeAll
    static void start() {
        tokens = LocalTokens.in(keyFolder);
        server = LocalAuthorizationServer.start(tokens, 0);
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void discoveryNamesTheIssuerAndTheKeySetHoldsTheLaunchersKey() throws Exception {
        HttpResponse<String> discovery = send(http, get(URI.create(server.issuer() + "/.well-known/openid-configuration")));

        assertThat(discovery.statusCode()).isEqualTo(200);
        JsonNode configuration = JSON.readTree(discovery.body());
        assertThat(configuration.get("issuer").asString()).isEqualTo(server.issuer()).startsWith("http://localhost:");
        String jwksUri = configuration.get("jwks_uri").asString();
        assertThat(jwksUri).startsWith(server.issuer());

        HttpResponse<String> keySet = send(http, get(URI.create(jwksUri)));
        assertThat(keySet.statusCode()).isEqualTo(200);
        JsonNode keys = JSON.readTree(keySet.body()).get("keys");
        assertThat(keys.size()).isEqualTo(1);
        assertThat(keys.get(0).get("kid").asString()).isEqualTo(tokens.keyId());
        assertThat(keys.get(0).has("d")).as("only the public key is published").isFalse();
    }

    @Test
    void aSystemTakesItsTokenWithClientCredentials() throws Exception {
        HttpResponse<String> response = send(http, form(URI.create(server.issuer() + "/oauth2/token"),
                Map.of("grant_type", "client_credentials"))
                .header("Authorization", basic("setouchi-kikaku-system", "demo-kikaku-system")).build());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        String accessToken = JSON.readTree(response.body()).get("access_token").asString();
        JsonNode claims = payload(accessToken);
        assertThat(claims.get("iss").asString()).isEqualTo(server.issuer());
        assertThat(claims.get("sub").asString()).isEqualTo("setouchi-kikaku-system");
        assertThat(strings(claims.get("roles"))).containsExactly("SYSTEM");
        assertThat(claims.get("municipality").asString()).isEqualTo("瀬戸内町");
        assertThat(claims.get("department").asString()).isEqualTo("kikaku");

        SignedJWT jwt = SignedJWT.parse(accessToken);
        assertThat(jwt.getHeader().getKeyID()).isEqualTo(tokens.keyId());
        assertThat(jwt.verify(new RSASSAVerifier(publicKeyFile()))).as("verified with public-key.pem").isTrue();
        // what the services do with public-key-location: the signature and the timestamps, then the caller's claims
        Caller caller = Caller.of(servicesDecoder().decode(accessToken));
        assertThat(caller.roles()).containsExactly(Role.SYSTEM);
        assertThat(caller.reportsFor("瀬戸内町", "kikaku")).isTrue();
    }

    @Test
    void aWrongClientSecretIsRefused() {
        HttpResponse<String> response = send(http, form(URI.create(server.issuer() + "/oauth2/token"),
                Map.of("grant_type", "client_credentials"))
                .header("Authorization", basic("setouchi-kikaku-system", "not-the-secret")).build());

        assertThat(response.statusCode()).isEqualTo(401);
    }

    @Test
    void aPersonSignsInWithTheAuthorizationCodeAndPkce() throws Exception {
        // a browser: keeps the session cookie, follows nothing by itself (each redirect is checked)
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();
        String base = "http://127.0.0.1:" + URI.create(server.issuer()).getPort();
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        String verifier = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        String challenge = Base64.getUrlEncoder().withoutPadding().encodeToString(
                MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));

        HttpResponse<String> toLogin = send(browser, get(URI.create(base + "/oauth2/authorize?response_type=code"
                + "&client_id=shinchoku-cli&redirect_uri=" + encode(REDIRECT_URI) + "&scope=openid&state=xyz"
                + "&code_challenge=" + challenge + "&code_challenge_method=S256")));
        assertThat(toLogin.statusCode()).as(toLogin.body()).isEqualTo(302);
        URI login = location(toLogin);
        assertThat(login.getPath()).isEqualTo("/login");

        HttpResponse<String> loginForm = send(browser, get(login));
        assertThat(loginForm.statusCode()).isEqualTo(200);
        Matcher csrf = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"").matcher(loginForm.body());
        assertThat(csrf.find()).as("the login form's CSRF token in %s", loginForm.body()).isTrue();

        HttpResponse<String> signedIn = send(browser, form(login, Map.of("username", "setouchi-kikaku",
                "password", LocalAuthorizationServer.DEMO_PASSWORD, "_csrf", csrf.group(1))).build());
        assertThat(signedIn.statusCode()).isEqualTo(302);
        URI back = location(signedIn);
        assertThat(back.getPath()).as("back to the authorization request, signed in").isEqualTo("/oauth2/authorize");

        HttpResponse<String> toClient = send(browser, get(back));
        assertThat(toClient.statusCode()).as(toClient.body()).isEqualTo(302);
        URI callback = location(toClient);
        assertThat(callback.toString()).startsWith(REDIRECT_URI + "?");
        Map<String, String> parameters = query(callback);
        assertThat(parameters).containsEntry("state", "xyz").containsKey("code");

        HttpResponse<String> exchanged = send(http, form(URI.create(base + "/oauth2/token"), Map.of(
                "grant_type", "authorization_code", "code", parameters.get("code"), "redirect_uri", REDIRECT_URI,
                "client_id", LocalAuthorizationServer.CLI_CLIENT, "code_verifier", verifier)).build());
        assertThat(exchanged.statusCode()).as(exchanged.body()).isEqualTo(200);
        JsonNode response = JSON.readTree(exchanged.body());
        assertThat(response.has("id_token")).isTrue();
        String accessToken = response.get("access_token").asString();
        JsonNode claims = payload(accessToken);
        assertThat(claims.get("iss").asString()).isEqualTo(server.issuer());
        assertThat(claims.get("sub").asString()).isEqualTo("setouchi-kikaku");
        assertThat(strings(claims.get("roles"))).containsExactly("DEPARTMENT");
        assertThat(claims.get("department").asString()).isEqualTo("kikaku");
        assertThat(claims.get("municipality").asString()).isEqualTo("瀬戸内町");
        assertThat(claims.get("name").asString()).isEqualTo("瀬戸内町 企画課");
        assertThat(payload(response.get("id_token").asString()).get("department").asString()).isEqualTo("kikaku");
        Caller caller = Caller.of(servicesDecoder().decode(accessToken));
        assertThat(caller.subject()).isEqualTo("setouchi-kikaku");
        assertThat(caller.roles()).containsExactly(Role.DEPARTMENT);
    }

    @Test
    void theSignInPageIsJapaneseFirstInThePortalsLookAndEnglishOnRequest() {
        HttpClient browser = browser();
        String login = server.issuer() + SignInPage.PATH;

        HttpResponse<String> japanese = send(browser, get(URI.create(login)));
        assertThat(japanese.statusCode()).isEqualTo(200);
        assertThat(japanese.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type)
                .startsWith("text/html").containsIgnoringCase("charset=UTF-8"));
        assertThat(japanese.body()).contains("<html lang=\"ja\">", "<title>ログイン | 進捗 Shinchoku</title>",
                        "<h1>ログイン</h1>", "<label for=\"username\">ユーザー名</label>", "<label for=\"password\">パスワード</label>",
                        "id=\"username\" name=\"username\"", "id=\"password\" name=\"password\" type=\"password\"",
                        "href=\"/assets/portal.css\"", "官民データ活用推進計画 進捗管理", "hreflang=\"en\"")
                .doesNotContain("Please sign in", "role=\"alert\"", "Whitelabel");
        assertThat(Pattern.compile("name=\"_csrf\"").matcher(japanese.body()).results().count())
                .as("one CSRF field in the form").isEqualTo(1);

        HttpResponse<String> english = send(browser, get(URI.create(login + "?lang=en")));
        assertThat(english.body()).contains("<html lang=\"en\">", "<h1>Sign in</h1>", "<label for=\"username\">User name</label>",
                "hreflang=\"ja\"");
        assertThat(english.headers().allValues("Set-Cookie")).anySatisfy(cookie -> assertThat(cookie)
                .startsWith("shinchoku-lang=en"));
        // the choice is kept (in the portal's language cookie)
        assertThat(send(browser, get(URI.create(login))).body()).contains("<h1>Sign in</h1>");

        HttpResponse<String> stylesheet = send(browser, get(URI.create(server.issuer() + "/assets/portal.css")));
        assertThat(stylesheet.statusCode()).as("the portal's stylesheet, open to all").isEqualTo(200);
        assertThat(stylesheet.body()).contains("form.sign-in");
    }

    @Test
    void aWrongPasswordComesBackToTheFormWithAJapaneseErrorAndSigningOutIsSaid() {
        HttpClient browser = browser();
        URI login = URI.create(server.issuer() + SignInPage.PATH);

        HttpResponse<String> refused = send(browser, form(login, Map.of("username", "setouchi-shimin",
                "password", "not-the-password", "_csrf", csrf(send(browser, get(login)).body()))).build());
        assertThat(refused.statusCode()).isEqualTo(302);
        URI again = location(refused);
        assertThat(again.getPath()).isEqualTo(SignInPage.PATH);
        assertThat(again.getQuery()).isEqualTo("error");
        HttpResponse<String> said = send(browser, get(again));
        assertThat(said.statusCode()).isEqualTo(200);
        assertThat(said.body()).contains("role=\"alert\"", "ログインできませんでした。ユーザー名またはパスワードが正しくありません。",
                "aria-invalid=\"true\"", "aria-describedby=\"sign-in-problem\"");
        assertThat(send(browser, get(URI.create(again + "&lang=en"))).body())
                .contains("the user name or password is not right");
        send(browser, get(URI.create(login + "?lang=ja")));

        // without its CSRF token the form is refused, even with the right password
        assertThat(send(browser, form(login, Map.of("username", "setouchi-shimin",
                "password", LocalAuthorizationServer.DEMO_PASSWORD)).build()).statusCode()).isEqualTo(403);

        HttpResponse<String> signedIn = send(browser, form(login, Map.of("username", "setouchi-shimin",
                "password", LocalAuthorizationServer.DEMO_PASSWORD, "_csrf", csrf(send(browser, get(login)).body()))).build());
        assertThat(signedIn.statusCode()).isEqualTo(302);
        assertThat(location(signedIn).getQuery()).isNull();
        HttpResponse<String> signedOut = send(browser, form(URI.create(server.issuer() + "/logout"),
                Map.of("_csrf", csrf(send(browser, get(login)).body()))).build());
        assertThat(signedOut.statusCode()).isEqualTo(302);
        HttpResponse<String> toldSo = send(browser, get(location(signedOut)));
        assertThat(toldSo.body()).contains("role=\"status\"", "ログアウトしました。").doesNotContain("role=\"alert\"");
    }

    /** A browser: keeps its cookies, follows nothing by itself (each redirect is checked). */
    private static HttpClient browser() {
        return HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();
    }

    private static String csrf(String page) {
        Matcher csrf = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"").matcher(page);
        assertThat(csrf.find()).as("the form's CSRF token in %s", page).isTrue();
        return csrf.group(1);
    }

    private static HttpRequest get(URI uri) {
        return HttpRequest.newBuilder(uri).header("Accept", "text/html").timeout(Duration.ofSeconds(10)).GET().build();
    }

    private static HttpRequest.Builder form(URI uri, Map<String, String> fields) {
        String body = fields.entrySet().stream().map(field -> encode(field.getKey()) + "=" + encode(field.getValue()))
                .collect(Collectors.joining("&"));
        return HttpRequest.newBuilder(uri).header("Content-Type", "application/x-www-form-urlencoded")
                .timeout(Duration.ofSeconds(10)).POST(HttpRequest.BodyPublishers.ofString(body));
    }

    private static HttpResponse<String> send(HttpClient client, HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static URI location(HttpResponse<?> response) {
        return response.request().uri().resolve(response.headers().firstValue("Location").orElseThrow());
    }

    private static Map<String, String> query(URI uri) {
        Map<String, String> parameters = new LinkedHashMap<>();
        for (String pair : uri.getRawQuery().split("&")) {
            String[] nameAndValue = pair.split("=", 2);
            parameters.put(URLDecoder.decode(nameAndValue[0], StandardCharsets.UTF_8),
                    nameAndValue.length == 2 ? URLDecoder.decode(nameAndValue[1], StandardCharsets.UTF_8) : "");
        }
        return parameters;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /** A JWT's claims as they travel: its middle part, read without checking anything. */
    private static JsonNode payload(String jwt) {
        return JSON.readTree(new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]), StandardCharsets.UTF_8));
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            values.add(array.get(i).asString());
        }
        return values;
    }

    /** The public key the services are given ({@code public-key.pem}). */
    private static RSAPublicKey publicKeyFile() throws Exception {
        String pem = Files.readString(keyFolder.resolve("public-key.pem"));
        byte[] der = Base64.getMimeDecoder().decode(pem.replace("-----BEGIN PUBLIC KEY-----", "")
                .replace("-----END PUBLIC KEY-----", ""));
        return (RSAPublicKey) KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(der));
    }

    /** The decoder Spring Boot builds for a service from {@code public-key-location} (no issuer-uri). */
    private static NimbusJwtDecoder servicesDecoder() throws Exception {
        return NimbusJwtDecoder.withPublicKey(publicKeyFile()).signatureAlgorithm(SignatureAlgorithm.RS256).build();
    }
}
