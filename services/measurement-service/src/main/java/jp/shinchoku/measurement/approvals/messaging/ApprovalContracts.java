package jp.shinchoku.measurement.approvals.messaging;

import jp.shinchoku.contracts.measurement.MeasurementReviewedV1;
import jp.shinchoku.measurement.approvals.Approvals;

/** Maps decisions on reports to their wire contract. */
public final class ApprovalContracts {

    private ApprovalContracts() {
    }

    public static MeasurementReviewedV1 reviewed(Approvals.MeasurementReviewed reviewed) {
        var measurement = reviewed.measurement();
        var review = reviewed.review();
        return new MeasurementReviewedV1(measurement.id(), measurement.kpiId(), measurement.planId(),
                reviewed.municipalityCode(), measurement.departmentCode(), measurement.period().code(),
                review.decision().name(), review.reason(), review.by(), review.at());
    }
}
