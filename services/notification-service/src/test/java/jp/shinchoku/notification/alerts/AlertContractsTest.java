package jp.shinchoku.notification.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import jp.shinchoku.contracts.Events;
import jp.shinchoku.contracts.measurement.KpiProgressChangedV1;
import jp.shinchoku.notification.alerts.messaging.AlertContracts;
import jp.shinchoku.platform.events.EventJson;
import jp.shinchoku.testsupport.GoldenSamples;
import org.junit.jupiter.api.Test;

/** Both sides of the contracts this service takes part in. */
class AlertContractsTest {

    private final EventJson json = new EventJson();

    @Test
    void readsKpiDefinedAndKpiProgressChanged() {
        var defined = json.read(GoldenSamples.bytes(Events.KPI_DEFINED), Events.KPI_DEFINED.payloadType());
        assertThat(defined.target().due()).hasToString("2024-03-31");
        KpiProgressChangedV1 progress = json.read(GoldenSamples.bytes(Events.KPI_PROGRESS_CHANGED),
                Events.KPI_PROGRESS_CHANGED.payloadType());
        assertThat(progress.status()).isEqualTo("BEHIND");
        assertThat(progress.deadline()).hasToString("2024-03-31");
    }

    @Test
    void writesAlertRaised() {
        Map<String, String> labels = Map.of("rule", "KPI_BEHIND_NEAR_DEADLINE", "planId", "pln-7c1e",
                "kpiId", "pln-7c1e.3-1.1", "departmentCode", "shimin");
        Instant raisedAt = Instant.parse("2023-10-02T00:00:00Z");
        GoldenSamples.assertMatches(Events.ALERT_RAISED,
                json.writeString(AlertContracts.raised(alert(labels, raisedAt), Links.LOCAL)));
    }

    @Test
    void writesAlertResolvedAndAcknowledged() {
        Map<String, String> labels = Map.of("rule", "KPI_BEHIND_NEAR_DEADLINE", "planId", "pln-7c1e",
                "kpiId", "pln-7c1e.3-1.1", "departmentCode", "shimin");
        Alert alert = alert(labels, Instant.parse("2023-10-02T00:00:00Z"));
        GoldenSamples.assertMatches(Events.ALERT_RESOLVED, json.writeString(AlertContracts.resolved(
                alert.resolved(Instant.parse("2023-11-06T00:00:00Z")))));
        GoldenSamples.assertMatches(Events.ALERT_ACKNOWLEDGED, json.writeString(AlertContracts.acknowledged(
                alert.acknowledged(new Alert.Acknowledgement("情報政策課 山田", "市民課と協議し、出張申請受付を11月に追加実施する",
                        Instant.parse("2023-10-03T02:15:00Z"))))));
    }

    private static Alert alert(Map<String, String> labels, Instant raisedAt) {
        return new Alert("alr-kpi-behind-9f2a", AlertRule.KPI_BEHIND_NEAR_DEADLINE,
                List.of(Receiver.PROMOTION_HQ, Receiver.department("shimin")), labels,
                "評価指標「マイナンバーカードの普及率」が計画より遅れています（期限 令和5年度末 2024-03-31）",
                "KPI \"マイナンバーカードの普及率\" is behind (deadline 2024-03-31)", "measurement:/api/kpis/pln-7c1e.3-1.1/progress",
                Alert.State.FIRING, raisedAt, raisedAt, null, null, null);
    }
}
