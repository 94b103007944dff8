package jp.shinchoku.notification.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

/** An alert is the same rule about the same thing, wherever its KPI or milestone sits now. */
class AlertConditionTest {

    @Test
    void aKpisAlertKeepsItsIdWhenItsDefinitionPlacesItOrItsMeasureMoves() {
        AlertCondition unplaced = condition(Map.of("rule", "REPORT_RETURNED", "kpiId", "pln-1.1-1.apps",
                "measurementId", "msr-1"));
        AlertCondition placed = condition(Map.of("rule", "REPORT_RETURNED", "kpiId", "pln-1.1-1.apps",
                "measurementId", "msr-1", "municipality", "462233", "planId", "pln-1", "measure", "1-1",
                "departmentCode", "somu"));
        AlertCondition moved = condition(Map.of("rule", "REPORT_RETURNED", "kpiId", "pln-1.1-1.apps",
                "measurementId", "msr-1", "municipality", "462233", "planId", "pln-1", "measure", "1-1",
                "departmentCode", "kikaku"));

        assertThat(placed.alertId()).isEqualTo(unplaced.alertId()).isEqualTo(moved.alertId());
    }

    @Test
    void whatTheAlertIsAboutStillTellsAlertsApart() {
        Map<String, String> year = Map.of("rule", "KPI_MISSED", "kpiId", "pln-1.1-1.apps", "fiscalYear", "FY2024");
        assertThat(condition(year).alertId())
                .isNotEqualTo(condition(Map.of("rule", "KPI_MISSED", "kpiId", "pln-1.1-1.apps", "fiscalYear", "FY2025"))
                        .alertId())
                .isNotEqualTo(condition(Map.of("rule", "KPI_MISSED", "kpiId", "pln-1.1-2.apps", "fiscalYear", "FY2024"))
                        .alertId())
                .isNotEqualTo(condition(Map.of("rule", "KPI_ACHIEVED", "kpiId", "pln-1.1-1.apps", "fiscalYear", "FY2024"))
                        .alertId());
        // a milestone's id is read with its plan's; a missing report is its department's
        assertThat(condition(Map.of("rule", "MILESTONE_OVERDUE", "planId", "pln-1", "milestoneId", "m-1")).alertId())
                .isNotEqualTo(condition(Map.of("rule", "MILESTONE_OVERDUE", "planId", "pln-2", "milestoneId", "m-1"))
                        .alertId())
                .isEqualTo(condition(Map.of("rule", "MILESTONE_OVERDUE", "planId", "pln-1", "milestoneId", "m-1",
                        "departmentCode", "somu")).alertId());
        assertThat(condition(Map.of("rule", "REPORT_MISSING", "departmentCode", "somu", "period", "FY2024-Q3")).alertId())
                .isNotEqualTo(condition(Map.of("rule", "REPORT_MISSING", "departmentCode", "kikaku", "period",
                        "FY2024-Q3")).alertId());
    }

    private static AlertCondition condition(Map<String, String> labels) {
        return new AlertCondition(AlertRule.valueOf(labels.get("rule")), labels, "", "", null);
    }
}
