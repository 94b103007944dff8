package jp.shinchoku.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fault suite's short version ({@link FaultSuite}): the broker, the store and the three services each in a process
 * of its own; a service killed, the broker restarted, the store out of reach, poison records and duplicated
 * CloudEvents, each in the middle of a stream of reports. Nothing accepted is lost, nothing is stored twice, every bad
 * record is dead-lettered. The full version: {@code --only=faults} (README).
 */
class FaultSuiteTest {

    @TempDir
    Path work;

    @Test
    void noFaultLosesOrDuplicatesAnAcceptedReport() throws Exception {
        List<FaultSuite.Row> rows = FaultSuite.run(false, work);

        assertThat(rows).hasSize(5);
        assertThat(rows).allSatisfy(row -> {
            assertThat(row.lost()).as("lost: %s", row).isZero();
            assertThat(row.duplicated()).as("duplicated: %s", row).isZero();
            assertThat(row.accepted()).as("accepted: %s", row).isPositive();
            assertThat(row.stored()).as("stored: %s", row).isBetween((long) row.accepted(), (long) row.sent());
        });
    }
}
