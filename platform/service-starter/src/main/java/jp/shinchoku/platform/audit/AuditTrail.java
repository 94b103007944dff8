package jp.shinchoku.platform.audit;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jp.shinchoku.platform.security.Caller;
import org.bson.Document;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.BulkOperationException;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The service's append-only audit trail ({@code audit_trail}): entries are inserted, in bulk where a batch made them,
 * and never updated or removed by the service; no API changes them. Read by municipality and time, newest first.
 */
public class AuditTrail {

    public static final String COLLECTION = "audit_trail";

    private final MongoTemplate mongo;
    private final Clock clock;
    private final String service;
    private final List<AuditSource> sources;

    public AuditTrail(MongoTemplate mongo, Clock clock, String service) {
        this(mongo, clock, service, List.of());
    }

    /** @param sources records the service keeps anyway that are entries too (a measurement is its own report's) */
    public AuditTrail(MongoTemplate mongo, Clock clock, String service, List<AuditSource> sources) {
        this.mongo = mongo;
        this.clock = clock;
        this.service = service;
        this.sources = List.copyOf(sources);
        mongo.indexOps(COLLECTION).createIndex(new Index().on("municipality", Sort.Direction.ASC)
                .on("at", Sort.Direction.DESC).named("municipality_at"));
    }

    /** An entry of the signed-in caller of this request, from its address. */
    public AuditEntry entry(String action, String target, String municipality, String department,
            Map<String, String> before, Map<String, String> after) {
        Caller caller = Caller.current().orElse(null);
        return entry(caller == null ? "anonymous" : caller.subject(),
                caller == null ? List.of() : caller.roles().stream().map(Enum::name).sorted().toList(), requestSource(),
                action, target, municipality, department, before, after);
    }

    /** An entry of an actor known otherwise (a report's token on the ingress, a scheduled run). */
    public AuditEntry entry(String actor, List<String> roles, String source, String action, String target,
            String municipality, String department, Map<String, String> before, Map<String, String> after) {
        return new AuditEntry("aud-" + UUID.randomUUID(), clock.instant(), service, actor, roles, source, municipality,
                department, action, target, before, after);
    }

    public void record(AuditEntry entry) {
        recordAll(List.of(entry));
    }

    /** Keeps the entries, in one unordered insert; an entry already kept (the same id) is kept once. */
    public void recordAll(List<AuditEntry> entries) {
        if (entries.isEmpty()) {
            return;
        }
        try {
            mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, COLLECTION)
                    .insert(entries.stream().map(AuditTrail::document).toList()).execute();
        } catch (BulkOperationException e) {
            if (e.getErrors().stream().anyMatch(error -> error.getCode() != DUPLICATE_KEY)) {
                throw e;
            }
        }
    }

    private static final int DUPLICATE_KEY = 11000;

    /**
     * Entries newest first.
     *
     * @param municipalities the municipalities to read; null = every one (the administrator)
     * @param actor          exactly this actor, or null
     * @param action         actions starting with this ({@code plan.} for every plan change), or null
     * @param target         exactly this target, or null
     */
    public List<AuditEntry> find(Set<String> municipalities, String actor, String action, String target, Instant from,
            Instant until, int limit) {
        List<Criteria> criteria = new ArrayList<>();
        if (municipalities != null) {
            criteria.add(Criteria.where("municipality").in(municipalities));
        }
        if (actor != null) {
            criteria.add(Criteria.where("actor").is(actor));
        }
        if (action != null) {
            criteria.add(Criteria.where("action").regex("^" + java.util.regex.Pattern.quote(action)));
        }
        if (target != null) {
            criteria.add(Criteria.where("target").is(target));
        }
        if (from != null) {
            criteria.add(Criteria.where("at").gte(Date.from(from)));
        }
        if (until != null) {
            criteria.add(Criteria.where("at").lt(Date.from(until)));
        }
        Query query = new Query(criteria.isEmpty() ? new Criteria() : new Criteria().andOperator(criteria))
                .with(Sort.by(Sort.Direction.DESC, "at")).limit(limit);
        List<AuditEntry> found = new ArrayList<>(mongo.find(query, Document.class, COLLECTION).stream()
                .map(AuditTrail::entry).toList());
        if (sources.isEmpty()) {
            return found;
        }
        for (AuditSource source : sources) {
            found.addAll(source.find(municipalities, actor, action, target, from, until, limit));
        }
        return found.stream().sorted(java.util.Comparator.comparing(AuditEntry::at).reversed()).limit(limit).toList();
    }

    /** Where the current request came from: its address, or the first forwarded one (via the proxy's). */
    public static String requestSource() {
        if (!(RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes)) {
            return "internal";
        }
        HttpServletRequest request = attributes.getRequest();
        String forwarded = request.getHeader("X-Forwarded-For");
        String address = request.getRemoteAddr();
        return forwarded == null || forwarded.isBlank() ? address
                : forwarded.split(",")[0].strip() + " (via " + address + ")";
    }

    private static Document document(AuditEntry entry) {
        return new Document("_id", entry.id()).append("at", Date.from(entry.at())).append("service", entry.service())
                .append("actor", entry.actor()).append("roles", entry.roles()).append("source", entry.source())
                .append("municipality", entry.municipality()).append("department", entry.department())
                .append("action", entry.action()).append("target", entry.target())
                .append("before", new Document(entry.before())).append("after", new Document(entry.after()));
    }

    private static AuditEntry entry(Document document) {
        return new AuditEntry(document.getString("_id"), document.getDate("at").toInstant(), document.getString("service"),
                document.getString("actor"), document.getList("roles", String.class), document.getString("source"),
                document.getString("municipality"), document.getString("department"), document.getString("action"),
                document.getString("target"), texts(document.get("before", Document.class)),
                texts(document.get("after", Document.class)));
    }

    private static Map<String, String> texts(Document document) {
        Map<String, String> texts = new LinkedHashMap<>();
        if (document != null) {
            document.forEach((name, value) -> texts.put(name, value == null ? null : String.valueOf(value)));
        }
        return texts;
    }
}
