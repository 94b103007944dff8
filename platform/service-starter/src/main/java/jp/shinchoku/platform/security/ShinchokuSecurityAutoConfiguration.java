package jp.shinchoku.platform.security;

import java.io.IOException;
import java.util.List;

import jakarta.servlet.http.HttpServletResponse;
import jp.shinchoku.platform.web.ApiProblem;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.convert.converter.Converter;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;

/**
 * Every service is an OAuth2 resource server: each API call carries a JWT (from the launcher's authorization server,
 * or the municipality's OIDC provider: {@code spring.security.oauth2.resourceserver.jwt.issuer-uri}), its
 * {@code roles}, {@code municipality} and {@code department} claims make the {@link Caller}. Open: health, the API
 * description, the event schemas and the open data ({@code shinchoku.security.public-paths}); the rest of the
 * actuator is for the OPS and ADMIN roles. Refusals are problem details (401 with {@code WWW-Authenticate}, 403).
 */
@AutoConfiguration
@EnableWebSecurity
@EnableConfigurationProperties(ShinchokuSecurityAutoConfiguration.SecurityProperties.class)
public class ShinchokuSecurityAutoConfiguration {

    /** @param publicPaths paths anyone may read (GET), in Spring's path-pattern syntax */
    @ConfigurationProperties("shinchoku.security")
    public record SecurityProperties(List<String> publicPaths) {
        public SecurityProperties {
            publicPaths = publicPaths == null ? List.of() : List.copyOf(publicPaths);
        }
    }

    @Bean
    @ConditionalOnMissingBean(SecurityFilterChain.class)
    SecurityFilterChain shinchokuApiSecurity(HttpSecurity http, SecurityProperties properties) throws Exception {
        AuthenticationEntryPoint unauthenticated = (request, response, e) -> {
            response.setHeader("WWW-Authenticate", "Bearer");
            write(response, ApiProblem.of(HttpStatus.UNAUTHORIZED, "unauthenticated", e.getMessage()));
        };
        AccessDeniedHandler denied = (request, response, e) -> write(response, Access.forbidden("role"));
        http.authorizeHttpRequests(requests -> {
                    requests.requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info").permitAll()
                            .requestMatchers("/actuator/**").hasAnyRole(Role.OPS.name(), Role.ADMIN.name())
                            .requestMatchers("/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**",
                                    "/error").permitAll();
                    properties.publicPaths().forEach(path -> requests.requestMatchers(
                            org.springframework.http.HttpMethod.GET, path).permitAll());
                    requests.anyRequest().authenticated();
                })
                .oauth2ResourceServer(server -> server
                        .jwt(jwt -> jwt.jwtAuthenticationConverter(ShinchokuSecurityAutoConfiguration::authentication))
                        .authenticationEntryPoint(unauthenticated)
                        .accessDeniedHandler(denied))
                .exceptionHandling(exceptions -> exceptions.authenticationEntryPoint(unauthenticated)
                        .accessDeniedHandler(denied))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                // bearer tokens in a header, never cookies: nothing for a forged cross-site request to ride on
                .csrf(csrf -> csrf.disable());
        return http.build();
    }

    /** The token's roles as authorities ({@code ROLE_HQ}), its subject as the name. */
    static AbstractAuthenticationToken authentication(Jwt jwt) {
        Caller caller = Caller.of(jwt);
        return new JwtAuthenticationToken(jwt, caller.roles().stream()
                .map(role -> new SimpleGrantedAuthority(role.authority())).toList(), caller.subject());
    }

    static Converter<Jwt, AbstractAuthenticationToken> converter() {
        return ShinchokuSecurityAutoConfiguration::authentication;
    }

    private static void write(HttpServletResponse response, ApiProblem problem) throws IOException {
        problem.writeTo(response);
    }
}
