package jp.shinchoku.platform.audit;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import jp.shinchoku.platform.security.Access;
import jp.shinchoku.platform.security.Caller;
import jp.shinchoku.platform.security.Role;
import jp.shinchoku.platform.web.ApiProblem;
import jp.shinchoku.platform.web.CsvLines;
import jp.shinchoku.platform.web.DateParameters;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The audit trail for the 推進本部: who did what and when in its municipality ({@code actor}, {@code action} prefix,
 * {@code target}, {@code from}/{@code to} as dates or 和暦), as JSON or as a CSV file. Read only: nothing here
 * changes it. A prefecture reads its granted municipalities', the administrator everyone's.
 */
@RestController
public class AuditController {

    private static final ZoneId JAPAN = ZoneId.of("Asia/Tokyo");
    private static final int MAX_ROWS = 10_000;
    /** The export's headers: {@code export.<column>} of {@code audit.properties} and {@code audit_ja.properties}. */
    private static final String TEXTS = "jp.shinchoku.platform.audit.audit";
    private static final List<String> COLUMNS = List.of("at", "service", "actor", "roles", "source", "municipality",
            "department", "action", "target", "before", "after");

    private final AuditTrail trail;

    public AuditController(AuditTrail trail) {
        this.trail = trail;
    }

    @GetMapping("/api/audit")
    List<AuditEntry> entries(@RequestParam(required = false) String municipality,
            @RequestParam(required = false) String actor, @RequestParam(required = false) String action,
            @RequestParam(required = false) String target, @RequestParam(required = false) String from,
            @RequestParam(required = false) String to, @RequestParam(defaultValue = "200") int limit) {
        return find(municipality, actor, action, target, from, to, Math.clamp(limit, 1, 1_000));
    }

    @GetMapping(value = "/api/audit/export", produces = "text/csv")
    ResponseEntity<byte[]> export(@RequestParam(required = false) String municipality,
            @RequestParam(required = false) String actor, @RequestParam(required = false) String action,
            @RequestParam(required = false) String target, @RequestParam(required = false) String from,
            @RequestParam(required = false) String to) {
        List<AuditEntry> entries = find(municipality, actor, action, target, from, to, MAX_ROWS);
        StringBuilder csv = new StringBuilder(CsvLines.BOM);
        CsvLines.line(csv, COLUMNS.stream().map(column -> ApiProblem.message(TEXTS, Locale.JAPANESE, "export." + column))
                .toList());
        DateTimeFormatter time = DateTimeFormatter.ISO_OFFSET_DATE_TIME;
        for (AuditEntry entry : entries) {
            CsvLines.line(csv, List.of(time.format(entry.at().atZone(JAPAN).toOffsetDateTime()), text(entry.service()),
                    text(entry.actor()), String.join(" ", entry.roles()), text(entry.source()), text(entry.municipality()),
                    text(entry.department()), entry.action(), text(entry.target()), state(entry.before()),
                    state(entry.after())));
        }
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"audit.csv\"")
                .body(csv.toString().getBytes(StandardCharsets.UTF_8));
    }

    private List<AuditEntry> find(String municipality, String actor, String action, String target, String from,
            String to, int limit) {
        Caller caller = Access.anyOf(Role.HQ, Role.PREFECTURE, Role.ADMIN);
        Set<String> municipalities;
        if (municipality != null && !municipality.isBlank()) {
            Access.readsWhole(municipality, "municipality", municipality);
            municipalities = Set.of(municipality);
        } else if (caller.is(Role.ADMIN)) {
            municipalities = null;
        } else if (caller.is(Role.HQ)) {
            municipalities = Set.of(caller.municipality());
        } else {
            municipalities = caller.municipalities();
        }
        LocalDate first = DateParameters.firstDay("from", from);
        LocalDate last = DateParameters.lastDay("to", to);
        Instant since = first == null ? null : first.atStartOfDay(JAPAN).toInstant();
        Instant until = last == null ? null : last.plusDays(1).atStartOfDay(JAPAN).toInstant();
        return trail.find(municipalities, blankToNull(actor), blankToNull(action), blankToNull(target), since, until,
                limit);
    }

    private static String state(Map<String, String> state) {
        return state.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining("; "));
    }

    private static String text(String text) {
        return text == null ? "" : text;
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }
}
