package jp.shinchoku.measurement.measurements.messaging;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import jp.shinchoku.contracts.Topics;
import jp.shinchoku.contracts.measurement.MeasurementReportedV1;
import jp.shinchoku.measurement.measurements.MeasurementRejectedException;
import jp.shinchoku.measurement.measurements.MeasurementService;
import jp.shinchoku.measurement.measurements.RejectionLog;
import jp.shinchoku.measurement.measurements.ReportRejected;
import jp.shinchoku.measurement.measurements.ReportedDay;
import jp.shinchoku.measurement.measurements.ReportedValue;
import jp.shinchoku.measurement.measurements.Reporter;
import jp.shinchoku.measurement.measurements.web.ReportMeters;
import jp.shinchoku.platform.events.EventMetadata;
import jp.shinchoku.platform.kafka.RecordBatches;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Departments' own systems report values as {@code measurement.reported.v1} CloudEvents. A report is recorded
 * exactly as a REST report is (once per idempotency key; without one, once per CloudEvent source and id); one that
 * cannot be accepted is answered with {@code measurement.rejected.v1}, and the consumer moves on. A record that is not
 * a readable report goes to the dead-letter topic. Each poll's reports are recorded together: one read of their KPIs,
 * one bulk write of the measurements, one of their progress, one of the rejections.
 */
@Component
class ReportIngress {

    private final MeasurementService measurements;
    private final RejectionLog rejections;
    private final Clock clock;

    private final IngressTokens tokens;

    private static final String CHANNEL = "kafka";

    private final ReportMeters meters;

    ReportIngress(MeasurementService measurements, RejectionLog rejections, Clock clock, IngressTokens tokens,
            ReportMeters meters) {
        this.meters = meters;
        this.tokens = tokens;
        this.measurements = measurements;
        this.rejections = rejections;
        this.clock = clock;
    }

    @KafkaListener(id = "measurement-reports", topics = Topics.Names.MEASUREMENT_REPORTS, batch = "true")
    void onReports(List<ConsumerRecord<String, Object>> records) {
        RecordBatches.handle(records, this::record);
    }

    private void record(List<ConsumerRecord<String, Object>> records) {
        List<MeasurementService.Report> reports = new ArrayList<>();
        List<EventMetadata> events = new ArrayList<>();
        List<MeasurementReportedV1> received = new ArrayList<>();
        List<ReportRejected> rejected = new ArrayList<>();
        List<Long> arrived = new ArrayList<>();
        for (ConsumerRecord<String, Object> record : records) {
            if (!(record.value() instanceof MeasurementReportedV1 report)) {
                continue;
            }
            EventMetadata event = EventMetadata.of(record);
            try {
                reports.add(report(report, event, tokens.reporterOf(record)));
                events.add(event);
                received.add(report);
                arrived.add(record.timestamp());
            } catch (MeasurementRejectedException e) {
                rejected.add(rejection(event, report, e));
            }
        }
        int refusedBefore = rejected.size();
        List<MeasurementService.Outcome> outcomes = measurements.recordAll(reports);
        meters.rejected(CHANNEL, refusedBefore);
        meters.recorded(CHANNEL, outcomes, arrived);
        for (int i = 0; i < outcomes.size(); i++) {
            if (outcomes.get(i) instanceof MeasurementService.Rejected(MeasurementRejectedException reason)) {
                rejected.add(rejection(events.get(i), received.get(i), reason));
            }
        }
        rejections.rejectedAll(rejected);
    }

    /** The report as its system sent it; who reports is its verified token (the event's {@code reportedBy} is not believed). */
    private static MeasurementService.Report report(MeasurementReportedV1 report, EventMetadata event, Reporter reporter) {
        return new MeasurementService.Report(report.kpiId(), ReportedValue.of(
                ReportedValue.text(report.value()), ReportedValue.text(report.numerator()),
                ReportedValue.text(report.denominator())),
                ReportedDay.parse(report.measuredOn()), report.period(), report.comment(), reporter,
                report.idempotencyKey() == null || report.idempotencyKey().isBlank()
                        ? "ce:" + event.source() + ":" + event.id() : report.idempotencyKey(),
                report.supersedes(), report.reason());
    }

    private ReportRejected rejection(EventMetadata event, MeasurementReportedV1 report, MeasurementRejectedException e) {
        return new ReportRejected(event.id(), event.source(), report.kpiId(), e, clock.instant(), report);
    }
}
