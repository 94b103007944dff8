package jp.shinchoku.platform.security;

import jp.shinchoku.platform.web.ApiProblem;
import org.springframework.http.HttpStatus;

/**
 * The checks an API makes on the signed-in caller, answered as problem details: what another municipality owns does
 * not exist for the caller (404, so that no existence leaks); what the caller may see but not do is 403.
 */
public final class Access {

    private Access() {
    }

    /** The caller may see the municipality's data; else 404 (named as the thing looked for). */
    public static Caller sees(String municipality, String what, Object id) {
        Caller caller = Caller.required();
        if (!caller.sees(municipality)) {
            throw notFound(what, id);
        }
        return caller;
    }

    /** The 推進本部 of the municipality (or the administrator); 404 for another municipality, else 403. */
    public static Caller manages(String municipality, String what, Object id) {
        Caller caller = sees(municipality, what, id);
        if (!caller.manages(municipality)) {
            throw forbidden("hq");
        }
        return caller;
    }

    /** The department itself (a person of it or its system, or the administrator); 404 / 403 as above. */
    public static Caller reportsFor(String municipality, String department, String what, Object id) {
        Caller caller = sees(municipality, what, id);
        if (!caller.reportsFor(municipality, department)) {
            throw forbidden("department");
        }
        return caller;
    }

    /** Someone who may read the department's part; 404 / 403 as above. */
    public static Caller readsDepartment(String municipality, String department, String what, Object id) {
        Caller caller = sees(municipality, what, id);
        if (!caller.readsDepartment(municipality, department)) {
            throw forbidden("department");
        }
        return caller;
    }

    /** Someone who reads the whole municipality (its 推進本部, a prefecture granted it, the administrator). */
    public static Caller readsWhole(String municipality, String what, Object id) {
        Caller caller = sees(municipality, what, id);
        if (!caller.readsWhole(municipality)) {
            throw forbidden("hq");
        }
        return caller;
    }

    /** Requires one of the roles, whatever the municipality; 403 otherwise. */
    public static Caller anyOf(Role... roles) {
        Caller caller = Caller.required();
        for (Role role : roles) {
            if (caller.is(role)) {
                return caller;
            }
        }
        throw forbidden("role");
    }

    /** 403, saying what the caller lacks ({@code hq}, {@code department}, {@code role}). */
    public static ApiProblem forbidden(String lacking) {
        return ApiProblem.of(HttpStatus.FORBIDDEN, "forbidden-" + lacking);
    }

    /** 404 of a thing: what another municipality owns is answered as if it did not exist. */
    public static ApiProblem notFound(String what, Object id) {
        return ApiProblem.of(HttpStatus.NOT_FOUND, "not-found", new ApiProblem.Noun(what), id);
    }
}
