package jp.shinchoku.portal.web;

import java.util.Collection;
import java.util.List;
import java.util.Objects;

import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/**
 * The signed-in person as their ID token says: who, their roles, municipality and department (the same claims the
 * services read from the access token). The portal uses them only to choose what to show; the services decide.
 */
public record Me(String subject, String name, List<String> roles, String municipality, String department,
        List<String> municipalities) {

    public static Me of(OidcUser user) {
        String name = user.getClaimAsString("name");
        return new Me(user.getSubject(), name == null ? user.getSubject() : name, strings(user.getClaim("roles")),
                user.getClaimAsString("municipality"), user.getClaimAsString("department"),
                strings(user.getClaim("municipalities")));
    }

    private static List<String> strings(Object claim) {
        if (claim instanceof Collection<?> values) {
            return values.stream().filter(Objects::nonNull).map(String::valueOf).toList();
        }
        return claim == null ? List.of() : List.of(String.valueOf(claim));
    }

    public boolean is(String role) {
        return roles.contains(role);
    }

    /** A department's person (or its system): reports for its measures. */
    public boolean reports() {
        return department != null && (is("DEPARTMENT") || is("SYSTEM"));
    }

    /** The 推進本部, a prefecture or the administrator: follows the whole plan. */
    public boolean oversees() {
        return is("HQ") || is("PREFECTURE") || is("ADMIN");
    }

    public boolean manages() {
        return is("HQ") || is("ADMIN");
    }
}
