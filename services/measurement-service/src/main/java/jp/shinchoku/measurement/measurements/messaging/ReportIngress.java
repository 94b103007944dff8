package jp.shinchoku.measurement.measurements.messaging;

import jp.shinchoku.contracts.Topics;
import jp.shinchoku.contracts.measurement.MeasurementReportedV1;
import jp.shinchoku.measurement.measurements.MeasurementRejectedException;
import jp.shinchoku.measurement.measurements.MeasurementService;
import jp.shinchoku.measurement.measurements.ReportedDay;
import jp.shinchoku.measurement.measurements.ReportedValue;
import jp.shinchoku.measurement.measurements.persistence.RejectedReportLog;
import jp.shinchoku.platform.events.EventMetadata;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Departments' own systems report values as {@code measurement.reported.v1} CloudEvents. A report is recorded
 * exactly as a REST report is (once per idempotency key; without one, once per CloudEvent source and id); one that
 * cannot be accepted is answered with {@code measurement.rejected.v1}, and the consumer moves on. A record that is not
 * a readable report never reaches this method: it goes to the dead-letter topic.
 */
@Component
class ReportIngress {

    private final MeasurementService measurements;
    private final RejectedReportLog rejections;

    ReportIngress(MeasurementService measurements, RejectedReportLog rejections) {
        this.measurements = measurements;
        this.rejections = rejections;
    }

    @KafkaListener(id = "measurement-reports", topics = Topics.Names.MEASUREMENT_REPORTS)
    void onReport(ConsumerRecord<String, Object> record) {
        if (!(record.value() instanceof MeasurementReportedV1 report)) {
            return;
        }
        EventMetadata event = EventMetadata.of(record);
        try {
            measurements.record(new MeasurementService.Report(report.kpiId(), ReportedValue.of(
                    ReportedValue.text(report.value()), ReportedValue.text(report.numerator()),
                    ReportedValue.text(report.denominator())),
                    ReportedDay.parse(report.measuredOn()), report.period(), report.comment(), report.reportedBy(),
                    report.idempotencyKey() == null || report.idempotencyKey().isBlank()
                            ? "ce:" + event.source() + ":" + event.id() : report.idempotencyKey(),
                    report.supersedes(), report.reason()));
        } catch (MeasurementRejectedException e) {
            rejections.rejected(event, report, e);
        }
    }
}
