package jp.shinchoku.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.UUID;

import jp.shinchoku.contracts.Events;
import jp.shinchoku.contracts.measurement.MeasurementReportedV1;
import jp.shinchoku.launcher.LocalSystem.Service;
import jp.shinchoku.testsupport.HttpJson;
import jp.shinchoku.testsupport.TestTokens;
import jp.shinchoku.testsupport.SharedInfrastructure;
import jp.shinchoku.testsupport.TestEvents;
import org.junit.jupiter.api.Test;

/**
 * A report parked on the ingress topic's dead-letter topic (while its cause lasted) is sent back by the re-drive
 * command and recorded; a second run sends nothing again.
 */
class DeadLetterRedriveTest {

    @Test
    void aDeadLetteredReportIsSentBackAndRecordedOnce() throws IOException {
        String kafka = SharedInfrastructure.get().bootstrapServers();
        try (LocalSystem system = LocalSystem.start(new LocalSystem.Settings(kafka, SharedInfrastructure.get().mongoUri(),
                "redrive-" + UUID.randomUUID().toString().substring(0, 8) + "-", null, LocalDate.parse("2023-10-02")).with(TestTokens.PUBLIC_KEY_PROPERTY, TestTokens.publicKeyLocation()))) {
            HttpJson plans = HttpJson.onPort(system.port(Service.PLAN));
            HttpJson measurements = HttpJson.onPort(system.port(Service.MEASUREMENT));
            HttpJson.Response plan = plans.post("/api/plans", EndToEndScenario.resource("/e2e-plan.json"));
            String kpiId = plan.json().at("/pillars/0/measures/0/kpis/0/id").asString();
            await().atMost(Duration.ofSeconds(60))
                    .until(() -> measurements.get("/api/kpis/" + kpiId + "/progress").status() == 200);

            TestEvents.publishOn(kafka, "shinchoku.measurement.reports.DLT", Events.MEASUREMENT_REPORTED,
                    new MeasurementReportedV1(kpiId, "14", "2023-09-30", null, "DLT から再送", "chomin-system", null, null,
                            null));
            assertThat(DeadLetterRedrive.redrive(kafka, "shinchoku.measurement.reports.DLT", Duration.ofSeconds(3)))
                    .isGreaterThanOrEqualTo(1);

            await().atMost(Duration.ofSeconds(60)).until(() -> measurements.get("/api/kpis/" + kpiId + "/measurements")
                    .json().size() == 1);
            assertThat(measurements.get("/api/kpis/" + kpiId + "/measurements").json().get(0).get("comment").asString())
                    .isEqualTo("DLT から再送");
            assertThat(DeadLetterRedrive.redrive(kafka, "shinchoku.measurement.reports.DLT", Duration.ofSeconds(2)))
                    .as("what was sent back is not sent again").isZero();
        }
    }
}
