package jp.shinchoku.measurement.years;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

import jp.shinchoku.measurement.progress.YearVerdict;

/**
 * A frozen edition (版) of a plan's fiscal year: every KPI's target, value, status, grade and the year's verdict as
 * they stood when the 推進本部 closed the year or recorded its review. Never changed: a change after a reopening
 * makes a new edition, so what a meeting saw can always be shown again.
 *
 * @param id     {@code <planId>:FY<year>:<number>}; the number is the plan's step that froze it
 * @param asOf   the day the figures are as of: the fiscal year's last day (or the freezing day, for a running year)
 * @param cause  {@code CLOSED} or {@code REVIEWED}
 */
public record Edition(String id, String planId, int fiscalYear, PlanYears.Action cause, String by, Instant frozenAt,
        LocalDate asOf, String note, List<Row> rows) {

    public Edition {
        Objects.requireNonNull(id, "id");
        rows = rows == null ? List.of() : List.copyOf(rows);
    }

    /**
     * One KPI as it stood.
     *
     * @param published whether the KPI was 公開 when frozen (rows frozen before it was known: null, 公開)
     * @param measureTitlePublished whether the KPI's measure title was 公開 when frozen (rows frozen before it was
     *                  known: null, 公開); the row keeps the title either way, for the staff's own views
     */
    public record Row(String kpiId, String name, String pillarCode, String pillarTitle, String measureCode,
            String measureTitle, String departmentCode, String unit, String kind, BigDecimal baseline, BigDecimal target,
            LocalDate due, BigDecimal value, BigDecimal achievement, String status, String grade, YearVerdict verdict,
            Boolean published, Boolean measureTitlePublished) {

        /** Whether the public may read the row: 公開, or frozen before publication was known. */
        public boolean isPublic() {
            return published == null || published;
        }

        /** Whether the public may read the measure's title: 公開, or frozen before its publication was known. */
        public boolean isMeasureTitlePublic() {
            return measureTitlePublished == null || measureTitlePublished;
        }

        /** What differs from {@code other} in what a meeting reads (target, deadline, value, status, grade, verdict). */
        public List<String> changesFrom(Row other) {
            List<String> changed = new java.util.ArrayList<>();
            if (!YearVerdict.sameNumber(target, other.target)) {
                changed.add("target");
            }
            if (!Objects.equals(due, other.due)) {
                changed.add("due");
            }
            if (!YearVerdict.sameNumber(value, other.value)) {
                changed.add("value");
            }
            if (!Objects.equals(status, other.status)) {
                changed.add("status");
            }
            if (!Objects.equals(grade, other.grade)) {
                changed.add("grade");
            }
            if (!(verdict == null ? other.verdict == null : verdict.sameAs(other.verdict))) {
                changed.add("verdict");
            }
            return changed;
        }
    }

    public static String id(String planId, int fiscalYear, long number) {
        return planId + ":FY" + fiscalYear + ":" + number;
    }
}
