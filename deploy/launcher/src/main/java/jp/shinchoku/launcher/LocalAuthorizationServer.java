package jp.shinchoku.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import jp.shinchoku.launcher.LocalTokens.Identity;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.annotation.web.configuration.OAuth2AuthorizationServerConfiguration;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.client.InMemoryRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;
import org.springframework.web.servlet.DispatcherServlet;

/**
 * The local stack's sign-in: a real OAuth2 / OpenID Connect provider (Spring Authorization Server) on
 * {@code http://localhost:9000}, so that people sign in as they would at their municipality's provider and systems take
 * their tokens with client credentials. Its users are {@link LocalTokens}' demo people (password {@code demo}), its
 * tokens carry the same {@code roles}, {@code municipality}, {@code department}, {@code municipalities} and
 * {@code name} claims as the pre-signed ones and are signed with the same key, so the services keep verifying against
 * the public key file and never depend on reaching this server.
 * <p>
 * It runs in this JVM in an application context of its own that declares every bean itself, without
 * auto-configuration: the launcher's class path holds the services' auto-configurations (Kafka, MongoDB, a resource
 * server), none of which belongs here.
 */
public final class LocalAuthorizationServer implements AutoCloseable {

    public static final int DEFAULT_PORT = 9000;
    /** The port ({@code 0}: any free one, for tests). */
    public static final String PORT_PROPERTY = "shinchoku.auth.port";
    /** {@code false} leaves the server out: the pre-signed tokens still work. */
    public static final String ENABLED_PROPERTY = "shinchoku.auth.enabled";
    public static final String DEMO_PASSWORD = "demo";
    public static final String CLI_CLIENT = "shinchoku-cli";
    public static final String CLI_REDIRECT_URI = "http://127.0.0.1:8400/callback";
    public static final String PORTAL_CLIENT = "shinchoku-portal";
    public static final String PORTAL_SECRET = "demo-portal-secret";
    public static final String PORTAL_REDIRECT_URI = "http://localhost:8084/login/oauth2/code/shinchoku";
    public static final String PORTAL_LOOPBACK_REDIRECT_URI = "http://127.0.0.1:8084/login/oauth2/code/shinchoku";
    /** A demo system's client secret: this prefix and its key among the demo identities ({@code demo-kikaku-system}). */
    public static final String SYSTEM_SECRET_PREFIX = "demo-";
    /** Long enough for a day of trying the demo without signing in again. */
    static final Duration ACCESS_TOKEN_VALIDITY = Duration.ofHours(8);
    static final Duration REFRESH_TOKEN_VALIDITY = Duration.ofDays(1);

    private final ConfigurableApplicationContext context;
    private final String issuer;

    private LocalAuthorizationServer(ConfigurableApplicationContext context, String issuer) {
        this.context = context;
        this.issuer = issuer;
    }

    /** What the server's beans are made from: the demo identities and key, and where it listens. */
    record Setup(LocalTokens tokens, String issuer, int port) {
    }

    /** Starts the server on the port ({@code 0}: a free one), signing with the tokens' key. */
    public static LocalAuthorizationServer start(LocalTokens tokens, int port) {
        // the issuer names the port, and the issuer is fixed before the server listens: find a free port first
        int listening = port == 0 ? freePort() : port;
        String issuer = "http://localhost:" + listening;
        Setup setup = new Setup(tokens, issuer, listening);
        ConfigurableApplicationContext context = new SpringApplicationBuilder(ServerConfiguration.class)
                .web(WebApplicationType.SERVLET)
                .bannerMode(Banner.Mode.OFF)
                .initializers(application -> application.getBeanFactory().registerSingleton("setup", setup))
                .run("--spring.application.name=authorization-server", "--logging.include-application-name=false");
        return new LocalAuthorizationServer(context, issuer);
    }

    /** {@code http://localhost:<port>}: the {@code iss} of its tokens and the base of its endpoints. */
    public String issuer() {
        return issuer;
    }

    @Override
    public void close() {
        context.close();
    }

    private static int freePort() {
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return probe.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The demo people: every identity but the systems, which are clients. */
    static List<Identity> people() {
        return LocalTokens.DEMO.values().stream().filter(identity -> !identity.roles().contains("SYSTEM")).toList();
    }

    /**
     * The server's beans, as Spring Security's reference documentation lists the minimal configuration. Scans nothing
     * and auto-configures nothing.
     */
    @Configuration(proxyBeanMethods = false)
    @EnableWebSecurity
    @Import(SignInPage.class)
    static class ServerConfiguration {

        @Bean
        TomcatServletWebServerFactory webServerFactory(Setup setup) {
            TomcatServletWebServerFactory factory = new TomcatServletWebServerFactory(setup.port());
            // demo users with a known password: reachable from this machine only
            factory.setAddress(InetAddress.getLoopbackAddress());
            return factory;
        }

        /** A servlet for the server to send requests to: every endpoint is one of Spring Security's filters. */
        @Bean
        DispatcherServlet dispatcherServlet() {
            return new DispatcherServlet();
        }

        /** The protocol endpoints; a browser that is not signed in is sent to the login form. */
        @Bean
        @Order(1)
        SecurityFilterChain authorizationServerSecurity(HttpSecurity http) throws Exception {
            http.oauth2AuthorizationServer(server -> {
                        http.securityMatcher(server.getEndpointsMatcher());
                        server.oidc(Customizer.withDefaults());
                    })
                    .authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
                    .exceptionHandling(exceptions -> exceptions.defaultAuthenticationEntryPointFor(
                            new LoginUrlAuthenticationEntryPoint(SignInPage.PATH),
                            new MediaTypeRequestMatcher(MediaType.TEXT_HTML)));
            return http.build();
        }

        /**
         * Everything else: the sign-in form ({@link SignInPage}, open to all with its stylesheet, whatever its query:
         * {@code ?lang=en}, {@code ?error} after a failed sign-in, {@code ?logout} after signing out).
         */
        @Bean
        @Order(2)
        SecurityFilterChain signInSecurity(HttpSecurity http) throws Exception {
            http.authorizeHttpRequests(requests -> requests
                            .requestMatchers(SignInPage.PATH, SignInPage.ASSETS, "/favicon.ico").permitAll()
                            .anyRequest().authenticated())
                    .formLogin(login -> login.loginPage(SignInPage.PATH));
            return http.build();
        }

        @Bean
        UserDetailsService demoPeople() {
            return new InMemoryUserDetailsManager(people().stream()
                    .<UserDetails>map(identity -> User.withUsername(identity.subject()).password("{noop}" + DEMO_PASSWORD)
                            .roles(identity.roles().toArray(String[]::new)).build())
                    .toList());
        }

        @Bean
        RegisteredClientRepository clients() {
            TokenSettings tokens = TokenSettings.builder().accessTokenTimeToLive(ACCESS_TOKEN_VALIDITY)
                    .refreshTokenTimeToLive(REFRESH_TOKEN_VALIDITY).build();
            RegisteredClient cli = RegisteredClient.withId(CLI_CLIENT).clientId(CLI_CLIENT)
                    .clientName("Shinchoku command line (authorization code with PKCE)")
                    .clientAuthenticationMethod(ClientAuthenticationMethod.NONE)
                    .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                    .authorizationGrantType(AuthorizationGrantType.REFRESH_TOKEN)
                    .redirectUri(CLI_REDIRECT_URI)
                    .scope(OidcScopes.OPENID).scope(OidcScopes.PROFILE)
                    .clientSettings(ClientSettings.builder().requireProofKey(true).build())
                    .tokenSettings(tokens)
                    .build();
            RegisteredClient portal = RegisteredClient.withId(PORTAL_CLIENT).clientId(PORTAL_CLIENT)
                    .clientName("Shinchoku portal")
                    .clientSecret("{noop}" + PORTAL_SECRET)
                    .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                    .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                    .authorizationGrantType(AuthorizationGrantType.REFRESH_TOKEN)
                    .redirectUri(PORTAL_REDIRECT_URI)
                    // a loopback address takes any port (RFC 8252): the portal of a test, on a free port
                    .redirectUri(PORTAL_LOOPBACK_REDIRECT_URI)
                    .scope(OidcScopes.OPENID).scope(OidcScopes.PROFILE)
                    .tokenSettings(tokens)
                    .build();
            List<RegisteredClient> clients = new ArrayList<>(List.of(cli, portal));
            // each demo system (企画課's) signs in with client credentials as its own identity
            LocalTokens.DEMO.forEach((key, identity) -> {
                if (identity.roles().contains("SYSTEM")) {
                    clients.add(RegisteredClient.withId(identity.subject()).clientId(identity.subject())
                            .clientName(identity.name() + " (client credentials)")
                            .clientSecret("{noop}" + SYSTEM_SECRET_PREFIX + key)
                            .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                            .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST)
                            .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
                            .tokenSettings(tokens)
                            .build());
                }
            });
            return new InMemoryRegisteredClientRepository(clients);
        }

        /** The launcher's own key (its id set), so that the services' public key file verifies these tokens too. */
        @Bean
        JWKSource<SecurityContext> jwkSource(Setup setup) {
            return new ImmutableJWKSet<>(new JWKSet(setup.tokens().jwk()));
        }

        /** For the OpenID Connect user info endpoint, which reads the server's own access tokens. */
        @Bean
        JwtDecoder jwtDecoder(JWKSource<SecurityContext> jwkSource) {
            return OAuth2AuthorizationServerConfiguration.jwtDecoder(jwkSource);
        }

        @Bean
        AuthorizationServerSettings authorizationServerSettings(Setup setup) {
            return AuthorizationServerSettings.builder().issuer(setup.issuer()).build();
        }

        /**
         * The claims the services read ({@code roles}, {@code municipality}, {@code department},
         * {@code municipalities}, {@code name}) in access and ID tokens, from the demo identity that signed in: a person
         * by user name, a system by its client id.
         */
        @Bean
        OAuth2TokenCustomizer<JwtEncodingContext> demoIdentityClaims() {
            Map<String, Identity> bySubject = LocalTokens.DEMO.values().stream()
                    .collect(Collectors.toMap(Identity::subject, Function.identity()));
            return context -> {
                boolean accessToken = OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType());
                boolean idToken = OidcParameterNames.ID_TOKEN.equals(context.getTokenType().getValue());
                if (!accessToken && !idToken) {
                    return;
                }
                Authentication principal = context.getPrincipal();
                String who = AuthorizationGrantType.CLIENT_CREDENTIALS.equals(context.getAuthorizationGrantType())
                        ? context.getRegisteredClient().getClientId()
                        : principal == null ? null : principal.getName();
                Identity identity = who == null ? null : bySubject.get(who);
                if (identity != null) {
                    claims(context.getClaims(), identity);
                }
            };
        }

        private static void claims(JwtClaimsSet.Builder claims, Identity identity) {
            claims.claim("name", identity.name());
            claims.claim("roles", identity.roles());
            if (identity.municipality() != null) {
                claims.claim("municipality", identity.municipality());
            }
            if (identity.department() != null) {
                claims.claim("department", identity.department());
            }
            if (!identity.municipalities().isEmpty()) {
                claims.claim("municipalities", identity.municipalities());
            }
        }
    }
}
