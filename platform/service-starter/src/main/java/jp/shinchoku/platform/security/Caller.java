package jp.shinchoku.platform.security;

import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * Who is calling, as its verified token says: its subject (who did it, in every {@code …By}), its roles, the
 * municipality and department it belongs to, and for a prefecture the municipalities granted to it.
 */
public record Caller(String subject, String name, Set<Role> roles, String municipality, String department,
        Set<String> municipalities) {

    public static final String ROLES = "roles";
    public static final String MUNICIPALITY = "municipality";
    public static final String DEPARTMENT = "department";
    public static final String MUNICIPALITIES = "municipalities";

    public Caller {
        roles = roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
        municipalities = municipalities == null ? Set.of() : Set.copyOf(municipalities);
    }

    /** The caller of this request or record; empty outside one. */
    public static Optional<Caller> current() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication instanceof JwtAuthenticationToken token ? Optional.of(of(token.getToken()))
                : Optional.empty();
    }

    /** The caller of this request; fails when there is none (every API call is signed in). */
    public static Caller required() {
        return current().orElseThrow(() -> new IllegalStateException("no signed-in caller"));
    }

    /** The caller a verified token names (roles it does not know are ignored). */
    public static Caller of(Jwt token) {
        EnumSet<Role> roles = EnumSet.noneOf(Role.class);
        for (String role : strings(token.getClaim(ROLES))) {
            for (Role known : Role.values()) {
                if (known.name().equalsIgnoreCase(role)) {
                    roles.add(known);
                }
            }
        }
        String name = token.getClaimAsString("name");
        return new Caller(token.getSubject(), name == null ? token.getSubject() : name, roles,
                token.getClaimAsString(MUNICIPALITY), token.getClaimAsString(DEPARTMENT),
                Set.copyOf(strings(token.getClaim(MUNICIPALITIES))));
    }

    private static List<String> strings(Object claim) {
        if (claim instanceof Collection<?> values) {
            return values.stream().filter(Objects::nonNull).map(String::valueOf).toList();
        }
        return claim == null ? List.of() : List.of(String.valueOf(claim).split("[ ,]+"));
    }

    public boolean is(Role role) {
        return roles.contains(role);
    }

    /** Whether the caller may know of the municipality's data at all (otherwise it does not exist for it). */
    public boolean sees(String municipalityKey) {
        if (is(Role.ADMIN)) {
            return true;
        }
        if (municipalityKey == null) {
            return false;
        }
        if (is(Role.PREFECTURE) && municipalities.contains(municipalityKey)) {
            return true;
        }
        return municipalityKey.equals(municipality)
                && (is(Role.HQ) || is(Role.DEPARTMENT) || is(Role.SYSTEM));
    }

    /** Whether the caller is the 推進本部 of the municipality (or the administrator). */
    public boolean manages(String municipalityKey) {
        return is(Role.ADMIN) || (is(Role.HQ) && Objects.equals(municipalityKey, municipality));
    }

    /** Whether the caller is the department (a person of it or its system). */
    public boolean isDepartment(String municipalityKey, String departmentCode) {
        return (is(Role.DEPARTMENT) || is(Role.SYSTEM)) && Objects.equals(municipalityKey, municipality)
                && departmentCode != null && departmentCode.equals(department);
    }

    /** Whether the caller may read what belongs to the department. */
    public boolean readsDepartment(String municipalityKey, String departmentCode) {
        return sees(municipalityKey) && (is(Role.ADMIN) || is(Role.PREFECTURE) || manages(municipalityKey)
                || isDepartment(municipalityKey, departmentCode));
    }

    /** Whether the caller may report and correct the department's values and milestone statuses. */
    public boolean reportsFor(String municipalityKey, String departmentCode) {
        return is(Role.ADMIN) || isDepartment(municipalityKey, departmentCode);
    }

    /** Whether the caller reads a whole municipality (not only one department's part). */
    public boolean readsWhole(String municipalityKey) {
        return sees(municipalityKey) && (is(Role.ADMIN) || is(Role.PREFECTURE) || manages(municipalityKey));
    }
}
