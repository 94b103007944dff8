package jp.shinchoku.measurement.kpis.messaging;

import jp.shinchoku.calendar.FiscalYear;
import jp.shinchoku.calendar.ReportingCadence;
import jp.shinchoku.contracts.plan.KpiDefinedV1;
import jp.shinchoku.measurement.kpis.Direction;
import jp.shinchoku.measurement.kpis.IndicatorType;
import jp.shinchoku.measurement.kpis.KpiDefinition;
import jp.shinchoku.measurement.kpis.KpiKind;

/** Reads the plan service's KPI definitions into this service's view. */
public final class KpiContracts {

    private KpiContracts() {
    }

    public static KpiDefinition toDefinition(KpiDefinedV1 event) {
        return new KpiDefinition(
                event.kpiId(),
                event.planId(),
                event.departmentCode(),
                event.name(),
                event.unit(),
                KpiKind.fromWire(event.kind()),
                Direction.fromWire(event.direction()),
                event.baseline() == null ? null : event.baseline().value(),
                event.baseline() == null ? null : event.baseline().asOf(),
                event.target() == null ? null : event.target().value(),
                event.target() == null ? null : event.target().due(),
                event.revision(),
                Boolean.TRUE.equals(event.retired()),
                event.municipalityCode(),
                event.intermediateTargets().stream()
                        .map(step -> new KpiDefinition.Step(step.value(), step.due())).toList(),
                event.recurrence() == null ? null
                        : new KpiDefinition.Recurrence(event.recurrence().times(), event.recurrence().per()),
                event.factor(),
                new KpiDefinition.Placement(event.pillarCode(), event.pillarTitle(), event.measureCode(), event.measureTitle()),
                KpiDefinition.Accumulation.fromWire(event.accumulation()),
                ReportingCadence.fromWire(event.reportingCadence()).orElse(null),
                event.planPeriod() == null || event.planPeriod().fromFiscalYear() == null ? null
                        : FiscalYear.of(event.planPeriod().fromFiscalYear()),
                event.planPeriod() == null || event.planPeriod().toFiscalYear() == null ? null
                        : FiscalYear.of(event.planPeriod().toFiscalYear()),
                KpiDefinition.RelativeTo.fromWire(event.relativeTo()),
                Boolean.TRUE.equals(event.maintain()),
                event.ratio() == null ? null : new KpiDefinition.Ratio(event.ratio().numerator(), event.ratio().denominator()),
                IndicatorType.fromWire(event.indicatorType()),
                event.published(),
                event.measureTitlePublished());
    }
}
