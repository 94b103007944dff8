package jp.shinchoku.plan.departments;

import java.time.Instant;
import java.util.Optional;

import jp.shinchoku.contracts.Events;
import jp.shinchoku.plan.departments.messaging.DepartmentContracts;
import jp.shinchoku.platform.events.EventJson;
import jp.shinchoku.testsupport.GoldenSamples;
import org.junit.jupiter.api.Test;

/** Producer side of {@code department.changed.v1}. */
class DepartmentContractsTest {

    @Test
    void writesDepartmentChanged() {
        RegisteredDepartment registered = RegisteredDepartment.register(Optional.empty(), "瀬戸内町", "shimin",
                new RegisteredDepartment.Entry("町民課", "chomin@example.lg.jp", null),
                Instant.parse("2026-04-01T00:00:00Z")).orElseThrow();

        GoldenSamples.assertMatches(Events.DEPARTMENT_CHANGED,
                new EventJson().writeString(DepartmentContracts.departmentChanged(registered)));
    }
}
