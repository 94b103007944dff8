package jp.shinchoku.measurement.approvals;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import jp.shinchoku.measurement.measurements.Measurement;

/**
 * 承認 and 差戻し: the 推進本部 decides on each report a department submitted, one by one or all of a department's
 * reporting period at once. Only a current report awaiting a decision can be decided on; a return needs a reason.
 */
public class Approvals {

    private final ReviewRepository reviews;
    private final ApprovalSettings settings;
    private final boolean requiredUnlessChosen;
    private final Clock clock;

    /** @param requiredUnlessChosen whether a municipality that has not chosen approves reports */
    public Approvals(ReviewRepository reviews, ApprovalSettings settings, boolean requiredUnlessChosen, Clock clock) {
        this.reviews = reviews;
        this.settings = settings;
        this.requiredUnlessChosen = requiredUnlessChosen;
        this.clock = clock;
    }

    /** The event a decision raises: the report, its KPI's municipality and the decision. */
    public record MeasurementReviewed(Measurement measurement, String municipalityCode, Review review) {
    }

    /** What a decision came to. */
    public sealed interface Outcome {
        record Done(MeasurementReviewed reviewed) implements Outcome {
        }

        record NotFound() implements Outcome {
        }

        /** Taken without approval, decided on already, or replaced by a correction. */
        record NotAwaiting(Measurement measurement, Review review) implements Outcome {
        }

        record ReasonMissing() implements Outcome {
        }
    }

    /** A report, whether or not it awaits a decision. */
    public Optional<Measurement> find(String measurementId) {
        return reviews.find(measurementId).map(ReviewRepository.Reviewed::measurement);
    }

    /** The current reports of a plan awaiting a decision. */
    public List<Measurement> queue(String planId) {
        return current(reviews.awaiting(planId));
    }

    /**
     * The same, looked for only where the plan's municipality approves reports or once did (none elsewhere): closing
     * a year of a town that never approved reads no report.
     */
    public List<Measurement> queue(String planId, String municipality) {
        return approves(municipality) ? queue(planId) : List.of();
    }

    private boolean approves(String municipality) {
        return requiredUnlessChosen || (municipality != null && settings.find(municipality).isPresent());
    }

    /**
     * Whether a KPI's progress counts a report not yet approved (provisional). Only where the municipality approves, or
     * once did, are its reports looked at.
     */
    public boolean provisional(String kpiId, String municipality) {
        return approves(municipality) && !current(reviews.awaitingOfKpi(kpiId)).isEmpty();
    }

    /**
     * The reports of these KPIs returned (差戻し) and not yet answered by a correction: what their departments have to
     * report again, with the decision that returned each.
     */
    public List<ReviewRepository.Reviewed> returned(java.util.Collection<String> kpiIds) {
        List<ReviewRepository.Reviewed> returned = reviews.returned(kpiIds);
        Set<String> answered = reviews.superseded(returned.stream().map(r -> r.measurement().id()).toList());
        return returned.stream().filter(r -> !answered.contains(r.measurement().id())).toList();
    }

    private List<Measurement> current(List<Measurement> awaiting) {
        Set<String> replaced = reviews.superseded(awaiting.stream().map(Measurement::id).toList());
        return awaiting.stream().filter(m -> !replaced.contains(m.id())).toList();
    }

    /** A decision on one report; {@code municipality} is its KPI's. */
    public Outcome decide(String measurementId, String municipality, Review.Decision decision, String by, String reason) {
        if (decision == Review.Decision.RETURNED && (reason == null || reason.isBlank())) {
            return new Outcome.ReasonMissing();
        }
        Optional<ReviewRepository.Reviewed> found = reviews.find(measurementId);
        if (found.isEmpty()) {
            return new Outcome.NotFound();
        }
        Measurement measurement = found.get().measurement();
        if (!measurement.awaitingApproval() || found.get().review() != null
                || !reviews.superseded(List.of(measurementId)).isEmpty()) {
            return new Outcome.NotAwaiting(measurement, found.get().review());
        }
        Review review = new Review(decision, by, clock.instant(), reason == null || reason.isBlank() ? null : reason.strip());
        MeasurementReviewed reviewed = new MeasurementReviewed(measurement, municipality, review);
        if (!reviews.decide(measurement, review, reviewed)) {
            return new Outcome.NotAwaiting(measurement, reviews.find(measurementId).map(ReviewRepository.Reviewed::review)
                    .orElse(null));
        }
        return new Outcome.Done(reviewed);
    }

    /**
     * The same decision on every report of a department's reporting period awaiting one (none: an empty list).
     *
     * @return the decisions made
     */
    public List<MeasurementReviewed> decideAll(String planId, String municipality, String departmentCode, String period,
            Review.Decision decision, String by, String reason) {
        List<MeasurementReviewed> done = new ArrayList<>();
        for (Measurement measurement : queue(planId)) {
            if (measurement.departmentCode().equals(departmentCode) && measurement.period().code().equals(period)
                    && decide(measurement.id(), municipality, decision, by, reason) instanceof Outcome.Done(var reviewed)) {
                done.add(reviewed);
            }
        }
        return done;
    }
}
