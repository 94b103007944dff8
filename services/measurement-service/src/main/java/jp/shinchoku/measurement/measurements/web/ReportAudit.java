package jp.shinchoku.measurement.measurements.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jp.shinchoku.measurement.measurements.Measurement;
import jp.shinchoku.measurement.measurements.MeasurementService;
import jp.shinchoku.platform.audit.AuditEntry;
import jp.shinchoku.platform.audit.AuditTrail;

/**
 * Reports and corrections in the audit trail: one entry per measurement kept (its id the measurement's, so a report
 * sent or handled again is entered once), with the value as it was kept, and for a correction the value it replaced.
 */
public final class ReportAudit {

    private ReportAudit() {
    }

    /** The entries of a request's reports, by its signed-in caller from its address. */
    static List<AuditEntry> ofRequest(AuditTrail trail, List<MeasurementService.Outcome> outcomes,
            Map<String, Measurement> corrected) {
        List<AuditEntry> entries = new ArrayList<>();
        for (MeasurementService.Outcome outcome : outcomes) {
            if (outcome instanceof MeasurementService.Recorded recorded && !recorded.replayed()) {
                Measurement kept = recorded.measurement();
                entries.add(trail.entry(action(kept), kept.kpiId(), recorded.municipality(), kept.departmentCode(),
                        before(kept, corrected), after(kept)).withId("aud-" + kept.id()));
            }
        }
        return entries;
    }

    /** The entries of reports that came on the ingress, by the systems their tokens name. */
    public static List<AuditEntry> ofIngress(AuditTrail trail, String source, List<MeasurementService.Outcome> outcomes) {
        List<AuditEntry> entries = new ArrayList<>();
        for (MeasurementService.Outcome outcome : outcomes) {
            if (outcome instanceof MeasurementService.Recorded recorded) {
                // by the measurement's id: a batch handled again after a failure enters each report once
                Measurement kept = recorded.measurement();
                entries.add(trail.entry(kept.reportedBy(), List.of(), source, action(kept), kept.kpiId(),
                        recorded.municipality(), kept.departmentCode(), before(kept, Map.of()), after(kept))
                        .withId("aud-" + kept.id()));
            }
        }
        return entries;
    }

    private static String action(Measurement kept) {
        return kept.supersedes() == null ? "measurement.reported" : "measurement.corrected";
    }

    private static Map<String, String> before(Measurement kept, Map<String, Measurement> corrected) {
        if (kept.supersedes() == null) {
            return Map.of();
        }
        Measurement previous = corrected.get(kept.supersedes());
        return previous == null ? AuditEntry.state("measurement", kept.supersedes())
                : AuditEntry.state("measurement", previous.id(), "value", previous.value(), "text", previous.text(),
                        "measuredOn", previous.measuredOn(), "period", previous.period().code());
    }

    private static Map<String, String> after(Measurement kept) {
        return AuditEntry.state("measurement", kept.id(), "value", kept.value(), "text", kept.text(),
                "numerator", kept.numerator(), "denominator", kept.denominator(), "measuredOn", kept.measuredOn(),
                "period", kept.period().code(), "comment", kept.comment(), "reason", kept.correctionReason());
    }
}
