package jp.shinchoku.measurement.years.messaging;

import java.util.List;

import jp.shinchoku.contracts.Topics;
import jp.shinchoku.contracts.plan.PlanReviewedV1;
import jp.shinchoku.measurement.years.YearClosing;
import jp.shinchoku.platform.kafka.RecordBatches;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * The plan service recorded a fiscal year's review (年度見直し): the year's edition is frozen as the review saw it.
 * A review delivered again freezes nothing more (the plan's steps name the review).
 */
@Component
class PlanReviews {

    private final YearClosing closing;

    PlanReviews(YearClosing closing) {
        this.closing = closing;
    }

    @KafkaListener(id = "measurement-plan-reviews", topics = Topics.Names.PLAN_EVENTS, batch = "true")
    void onPlanEvents(List<ConsumerRecord<String, Object>> records) {
        RecordBatches.handle(records, batch -> batch.stream().map(ConsumerRecord::value)
                .filter(PlanReviewedV1.class::isInstance).map(PlanReviewedV1.class::cast)
                .forEach(review -> closing.reviewed(review.planId(), review.fiscalYear(), review.reviewedBy(),
                        review.note(), review.reviewId())));
    }
}
