package jp.shinchoku.platform.audit;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One change as the audit trail keeps it: who ({@code actor}, the token's subject, and its roles), when, from where
 * ({@code source}: the caller's address for a request, the topic for an event), what ({@code action} on
 * {@code target}) in which municipality and department, and what it was before and after.
 *
 * @param action  what was done, {@code <thing>.<verb>}: {@code measurement.reported}, {@code plan.revised}, …
 * @param target  what it was done to: a KPI, plan, alert or silence id, {@code municipality/department}
 * @param before  the state it replaced (empty for something new)
 * @param after   the state it made (empty for something ended)
 */
public record AuditEntry(String id, Instant at, String service, String actor, List<String> roles, String source,
        String municipality, String department, String action, String target, Map<String, String> before,
        Map<String, String> after) {

    public AuditEntry {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(action, "action");
        roles = roles == null ? List.of() : List.copyOf(roles);
        before = before == null ? Map.of() : texts(before);
        after = after == null ? Map.of() : texts(after);
    }

    /**
     * The same entry under an id of its own, for a change that may be entered more than once (a report handled again
     * after a failure): the trail keeps the first.
     */
    public AuditEntry withId(String key) {
        return new AuditEntry(key, at, service, actor, roles, source, municipality, department, action, target, before,
                after);
    }

    /** A state as name → text, in the order given; absent values left out. */
    public static Map<String, String> state(Object... namesAndValues) {
        Map<String, String> state = new LinkedHashMap<>();
        for (int i = 0; i + 1 < namesAndValues.length; i += 2) {
            Object value = namesAndValues[i + 1];
            if (value != null) {
                state.put(String.valueOf(namesAndValues[i]), value instanceof java.math.BigDecimal decimal
                        ? decimal.toPlainString() : String.valueOf(value));
            }
        }
        return state;
    }

    private static Map<String, String> texts(Map<String, String> values) {
        Map<String, String> copy = new LinkedHashMap<>();
        values.forEach((name, value) -> {
            if (value != null) {
                copy.put(name, value);
            }
        });
        return java.util.Collections.unmodifiableMap(copy);
    }
}
