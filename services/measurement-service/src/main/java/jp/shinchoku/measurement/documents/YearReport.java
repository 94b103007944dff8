package jp.shinchoku.measurement.documents;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import jp.shinchoku.measurement.evaluations.Evaluation;
import jp.shinchoku.measurement.progress.YearVerdict;

/**
 * 取組状況報告書: a plan's fiscal year as a frozen edition has it, pillar by pillar and measure by measure: each KPI's
 * baseline, target, each year's value and verdict (from the latest edition of each earlier year), status and grade,
 * and the measure's evaluation of the year. The view model a document is rendered from.
 *
 * @param years the fiscal years shown, oldest first (those with an edition, up to the report's)
 */
public record YearReport(String planId, int fiscalYear, String editionId, String editionCause, Instant frozenAt,
        LocalDate asOf, List<Integer> years, List<Pillar> pillars) {

    public YearReport {
        years = List.copyOf(years);
        pillars = List.copyOf(pillars);
    }

    public record Pillar(String code, String title, List<Measure> measures) {
        public Pillar {
            measures = List.copyOf(measures);
        }
    }

    /** @param evaluation the measure's evaluation of the year, null when none was written */
    public record Measure(String code, String title, String departmentCode, List<Kpi> kpis, Evaluation evaluation) {
        public Measure {
            kpis = List.copyOf(kpis);
        }
    }

    /** @param years each year's figure by its start year (a year without an edition left out) */
    public record Kpi(String kpiId, String name, String unit, BigDecimal baseline, BigDecimal target, LocalDate due,
            Map<Integer, YearFigure> years, String status, String grade) {
        public Kpi {
            years = Map.copyOf(years);
        }
    }

    /** A year's value as of its last day, and its verdict where the KPI is judged year by year. */
    public record YearFigure(BigDecimal value, YearVerdict verdict) {
    }
}
