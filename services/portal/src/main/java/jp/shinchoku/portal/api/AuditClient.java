package jp.shinchoku.portal.api;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

/**
 * The audit trail each service keeps ({@code GET /api/audit}): who did what, when, to what, before and after. The
 * services' trails are read together, newest first.
 */
@Component
public class AuditClient {

    /** How many entries each service is asked for. */
    public static final int LIMIT = 200;

    private final Api api;

    public AuditClient(Api api) {
        this.api = api;
    }

    /** One entry, as the service keeps it ({@code platform/audit/AuditEntry}). */
    public record AuditEntry(String id, Instant at, String service, String actor, List<String> roles, String source,
            String municipality, String department, String action, String target, Map<String, String> before,
            Map<String, String> after) {
        public AuditEntry {
            roles = roles == null ? List.of() : roles;
            before = before == null ? Map.of() : before;
            after = after == null ? Map.of() : after;
        }
    }

    /** What to look for; each blank is left out. {@code from}/{@code to} are dates or 和暦. */
    public record Query(String actor, String action, String target, String from, String to) {
    }

    /** Every service's trail: the three services keep one each. */
    public static final List<Api.Service> ALL = List.of(Api.Service.MEASUREMENT, Api.Service.PLAN,
            Api.Service.NOTIFICATION);

    /** The entries of the three services' trails that answer the query, newest first. */
    public List<AuditEntry> entries(Query query) {
        return entries(ALL, query);
    }

    /** The entries of these services' trails that answer the query, newest first. */
    public List<AuditEntry> entries(List<Api.Service> services, Query query) {
        List<AuditEntry> entries = new ArrayList<>();
        for (Api.Service service : services) {
            entries.addAll(MeasurementClient.list(api.get(service,
                    "/api/audit?actor={actor}&action={action}&target={target}&from={from}&to={to}&limit={limit}",
                    blank(query.actor()), blank(query.action()), blank(query.target()), blank(query.from()),
                    blank(query.to()), LIMIT), AuditEntry.class));
        }
        entries.sort(Comparator.comparing(AuditEntry::at, Comparator.nullsLast(Comparator.reverseOrder())));
        return entries;
    }

    private static String blank(String text) {
        return text == null ? "" : text.strip();
    }
}
