package jp.shinchoku.measurement.measurements.persistence;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import jp.shinchoku.measurement.measurements.Measurement;
import jp.shinchoku.platform.audit.AuditEntry;
import jp.shinchoku.platform.audit.AuditSource;
import org.bson.Document;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * Reports and corrections in the audit trail, read from the measurements themselves: each already says who reported
 * what, when and from where, and a correction names the value it replaced. Nothing is written twice on a report's
 * path; a query reads the measurements of the municipalities' KPIs, newest first.
 */
@Component
class MeasurementAuditSource implements AuditSource {

    static final String REPORTED = "measurement.reported";
    static final String CORRECTED = "measurement.corrected";
    private static final String KPIS = "kpis";

    private final MongoTemplate mongo;
    private final String service;

    MeasurementAuditSource(MongoTemplate mongo, @Value("${spring.application.name}") String service) {
        this.mongo = mongo;
        this.service = service;
    }

    @Override
    public List<AuditEntry> find(Set<String> municipalities, String actor, String action, String target, Instant from,
            Instant until, int limit) {
        boolean reports = action == null || REPORTED.startsWith(action);
        boolean corrections = action == null || CORRECTED.startsWith(action);
        if (!reports && !corrections) {
            return List.of();
        }
        List<Criteria> criteria = new ArrayList<>();
        Map<String, String> municipalityOf = new HashMap<>();
        if (municipalities != null) {
            Query kpisThere = Query.query(where("municipalityCode").in(municipalities));
            kpisThere.fields().include("_id", "municipalityCode");
            mongo.find(kpisThere, Document.class, KPIS).forEach(kpi -> municipalityOf.put(kpi.getString("_id"),
                    kpi.getString("municipalityCode")));
            if (municipalityOf.isEmpty()) {
                return List.of();
            }
            criteria.add(where("kpiId").in(municipalityOf.keySet()));
        }
        if (target != null) {
            criteria.add(where("kpiId").is(target));
        }
        if (actor != null) {
            criteria.add(where("measurement.reportedBy").is(actor));
        }
        if (!reports) {
            criteria.add(where("supersedes").exists(true));
        } else if (!corrections) {
            criteria.add(where("supersedes").exists(false));
        }
        if (from != null) {
            criteria.add(where("measurement.recordedAt").gte(from));
        }
        if (until != null) {
            criteria.add(where("measurement.recordedAt").lt(until));
        }
        Query query = new Query(criteria.isEmpty() ? new Criteria() : new Criteria().andOperator(criteria))
                .with(Sort.by(Sort.Direction.DESC, "measurement.recordedAt")).limit(limit);
        List<Measurement> found = mongo.find(query, MeasurementDocument.class).stream()
                .map(MeasurementDocument::measurement).toList();
        if (municipalities == null) {
            Query kpisOf = Query.query(where("_id").in(found.stream().map(Measurement::kpiId).distinct().toList()));
            kpisOf.fields().include("_id", "municipalityCode");
            mongo.find(kpisOf, Document.class, KPIS).forEach(kpi -> municipalityOf.put(kpi.getString("_id"),
                    kpi.getString("municipalityCode")));
        }
        Map<String, Measurement> replaced = mongo.find(Query.query(where("_id").in(found.stream()
                        .map(Measurement::supersedes).filter(id -> id != null).toList())), MeasurementDocument.class)
                .stream().map(MeasurementDocument::measurement)
                .collect(Collectors.toMap(Measurement::id, Function.identity()));
        return found.stream().map(kept -> entry(kept, municipalityOf.get(kept.kpiId()), replaced.get(kept.supersedes())))
                .toList();
    }

    private AuditEntry entry(Measurement kept, String municipality, Measurement previous) {
        Map<String, String> before = kept.supersedes() == null ? Map.of()
                : previous == null ? AuditEntry.state("measurement", kept.supersedes())
                        : AuditEntry.state("measurement", previous.id(), "value", previous.value(), "text",
                                previous.text(), "measuredOn", previous.measuredOn(), "period", previous.period().code());
        Map<String, String> after = AuditEntry.state("measurement", kept.id(), "value", kept.value(), "text", kept.text(),
                "numerator", kept.numerator(), "denominator", kept.denominator(), "measuredOn", kept.measuredOn(),
                "period", kept.period().code(), "comment", kept.comment(), "reason", kept.correctionReason());
        return new AuditEntry("aud-" + kept.id(), kept.recordedAt(), service, kept.reportedBy(), List.of(),
                kept.origin(), municipality, kept.departmentCode(), kept.supersedes() == null ? REPORTED : CORRECTED,
                kept.kpiId(), before, after);
    }
}
