package jp.shinchoku.measurement.approvals.persistence;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import jp.shinchoku.measurement.approvals.Review;
import jp.shinchoku.measurement.approvals.ReviewRepository;
import jp.shinchoku.measurement.measurements.Measurement;
import jp.shinchoku.platform.outbox.Outbox;
import jp.shinchoku.platform.outbox.OutboxEntry;
import org.springframework.data.annotation.Id;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

/**
 * Decisions are kept on the measurement's own document ({@code review}), with their event in its outbox, in one write
 * conditional on no decision having been made: a report is decided on once.
 */
@Repository
class MongoReviewRepository implements ReviewRepository {

    /** The measurements' collection: a decision is a field of its report's document. */
    static final String COLLECTION = "measurements";

    record ReviewedDocument(@Id String id, String kpiId, Measurement measurement, Review review) {
    }

    private final MongoTemplate mongo;
    private final Outbox outbox;

    MongoReviewRepository(MongoTemplate mongo, Outbox outbox) {
        this.mongo = mongo;
        this.outbox = outbox;
    }

    @Override
    public Optional<Reviewed> find(String measurementId) {
        return Optional.ofNullable(mongo.findById(measurementId, ReviewedDocument.class, COLLECTION))
                .map(document -> new Reviewed(document.measurement(), document.review()));
    }

    @Override
    public List<Measurement> awaiting(String planId) {
        return awaiting(where("measurement.planId").is(planId));
    }

    @Override
    public List<Measurement> awaitingOfKpi(String kpiId) {
        return awaiting(where("kpiId").is(kpiId));
    }

    private List<Measurement> awaiting(org.springframework.data.mongodb.core.query.Criteria of) {
        Query query = Query.query(of.and("measurement.awaitingApproval").is(true).and("review").exists(false))
                .with(Sort.by("measurement.measuredOn", "measurement.recordedAt"));
        return mongo.find(query, ReviewedDocument.class, COLLECTION).stream().map(ReviewedDocument::measurement).toList();
    }

    @Override
    public List<Reviewed> returned(Collection<String> kpiIds) {
        if (kpiIds.isEmpty()) {
            return List.of();
        }
        Query query = Query.query(where("kpiId").in(kpiIds).and("review.decision").is(Review.Decision.RETURNED.name()))
                .with(Sort.by("measurement.measuredOn", "measurement.recordedAt"));
        return mongo.find(query, ReviewedDocument.class, COLLECTION).stream()
                .map(document -> new Reviewed(document.measurement(), document.review())).toList();
    }

    @Override
    public Set<String> superseded(Collection<String> measurementIds) {
        if (measurementIds.isEmpty()) {
            return Set.of();
        }
        return mongo.find(Query.query(where("supersedes").in(measurementIds)), ReviewedDocument.class, COLLECTION)
                .stream().map(document -> document.measurement().supersedes()).collect(Collectors.toSet());
    }

    @Override
    public boolean decide(Measurement measurement, Review review, Object event) {
        OutboxEntry entry = outbox.entryFor(event);
        boolean decided = mongo.updateFirst(Query.query(where("_id").is(measurement.id()).and("review").exists(false)),
                new Update().set("review", review).push(OutboxEntry.FIELD, entry), COLLECTION).getModifiedCount() == 1;
        if (decided) {
            outbox.written(COLLECTION, measurement.id());
        }
        return decided;
    }
}
