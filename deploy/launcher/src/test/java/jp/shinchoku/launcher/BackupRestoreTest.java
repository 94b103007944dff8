package jp.shinchoku.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import java.util.stream.StreamSupport;

import jp.shinchoku.embedded.InProcessMongo;
import jp.shinchoku.launcher.LocalSystem.Service;
import jp.shinchoku.testsupport.HttpJson;
import jp.shinchoku.testsupport.SharedInfrastructure;
import jp.shinchoku.testsupport.TestTokens;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * A backup of the running system's store ({@link StoreBackup}), restored into a fresh data folder, starts the services
 * with the same plans, values, progress and alerts.
 */
class BackupRestoreTest {

    private static final LocalDate TODAY = LocalDate.parse("2023-10-02");

    @TempDir
    Path dir;

    @Test
    void aBackupTakenWhileTheSystemRunsRestoresIntoAFreshFolderWithTheSameFigures() throws Exception {
        String databases = "backup-" + UUID.randomUUID().toString().substring(0, 8) + "-";
        Path running = dir.resolve("running");
        Path backup = dir.resolve("backups/2023-10-02");
        Path restored = dir.resolve("restored");
        Figures before;
        try (InProcessMongo store = InProcessMongo.startPersistent(StoreBackup.store(running), 0);
                LocalSystem system = start(store, databases)) {
            HttpJson plans = HttpJson.onPort(system.port(Service.PLAN));
            HttpJson measurements = HttpJson.onPort(system.port(Service.MEASUREMENT));
            HttpJson notifications = HttpJson.onPort(system.port(Service.NOTIFICATION));
            String kpiId = EndToEndScenario.importPlan(plans, measurements);
            assertThat(measurements.post("/api/kpis/" + kpiId + "/measurements",
                    "{\"value\": 8, \"measuredOn\": \"2023-09-30\"}", Map.of("Idempotency-Key", "backup-" + kpiId))
                    .status()).isEqualTo(201);
            await().atMost(Duration.ofSeconds(60)).until(() -> !alerts(notifications, kpiId).isEmpty());
            before = Figures.read(plans, measurements, notifications, kpiId);

            Document written = StoreBackup.backup(store.connectionString(), backup);
            assertThat(((Number) written.get("documents")).longValue()).isPositive();
        }

        assertThat(StoreBackup.restore(backup, restored)).isPositive();
        assertThatThrownBy(() -> StoreBackup.restore(backup, restored)).hasMessageContaining("already holds a store");

        try (InProcessMongo store = InProcessMongo.startPersistent(StoreBackup.store(restored), 0);
                LocalSystem system = start(store, databases)) {
            Figures after = Figures.read(HttpJson.onPort(system.port(Service.PLAN)),
                    HttpJson.onPort(system.port(Service.MEASUREMENT)), HttpJson.onPort(system.port(Service.NOTIFICATION)),
                    before.kpiId());
            assertThat(after.plan()).isEqualTo(before.plan());
            assertThat(after.measurements()).isEqualTo(before.measurements());
            assertThat(after.progress().get("status")).isEqualTo(before.progress().get("status"));
            assertThat(after.progress().get("value")).isEqualTo(before.progress().get("value"));
            assertThat(after.alerts()).isEqualTo(before.alerts());
            assertThat(before.progress().get("status").asString()).isEqualTo("BEHIND");
            assertThat(before.alerts().size()).isPositive();
        }
    }

    /** What the 推進本部 and the department read: the plan, the KPI's values and progress, the KPI's alerts. */
    private record Figures(String kpiId, JsonNode plan, JsonNode measurements, JsonNode progress, java.util.List<String> alerts) {
        static Figures read(HttpJson plans, HttpJson measurements, HttpJson notifications, String kpiId) {
            JsonNode plan = plans.get("/api/plans").json().at("/items/0");
            return new Figures(kpiId, plans.get("/api/plans/" + plan.get("id").asString()).json(),
                    measurements.get("/api/kpis/" + kpiId + "/measurements").json(),
                    measurements.get("/api/kpis/" + kpiId + "/progress").json(),
                    BackupRestoreTest.alerts(notifications, kpiId).stream()
                            .map(a -> a.get("id").asString() + " " + a.get("rule").asString() + " " + a.get("state").asString()
                                    + " " + a.get("summaryJa").asString()).sorted().toList());
        }
    }

    private static java.util.List<JsonNode> alerts(HttpJson notifications, String kpiId) {
        JsonNode inbox = notifications.get("/api/inbox?state=FIRING").json();
        return StreamSupport.stream(inbox.spliterator(), false)
                .filter(alert -> kpiId.equals(alert.at("/labels/kpiId").asString())).toList();
    }

    private static LocalSystem start(InProcessMongo store, String databases) {
        return LocalSystem.start(new LocalSystem.Settings(SharedInfrastructure.get().bootstrapServers(),
                store.connectionString(), databases, null, TODAY)
                .with(TestTokens.PUBLIC_KEY_PROPERTY, TestTokens.publicKeyLocation()));
    }
}
