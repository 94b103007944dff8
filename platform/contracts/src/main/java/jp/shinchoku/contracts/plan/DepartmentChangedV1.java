package jp.shinchoku.contracts.plan;

import java.time.Instant;
import java.util.Objects;

/**
 * {@code department.changed.v1}: a department (担当部署) of a municipality was registered or changed: its
 * current name and where its notices go. Keyed by {@code municipality/departmentCode} on a compacted topic, so a
 * new consumer can rebuild the registry from scratch.
 *
 * @param municipality the municipality's 地方公共団体コード, or its name where the code is not known
 * @param contact      where notices to the department go (an email address)
 * @param active       false once the department was retired (no new measures are assigned to it)
 */
public record DepartmentChangedV1(
        String municipality,
        String departmentCode,
        String name,
        String contact,
        boolean active,
        int version,
        Instant changedAt) {

    public DepartmentChangedV1 {
        Objects.requireNonNull(municipality, "municipality");
        Objects.requireNonNull(departmentCode, "departmentCode");
        Objects.requireNonNull(changedAt, "changedAt");
    }

    /** The record key: {@code municipality/departmentCode}. */
    public String key() {
        return municipality + "/" + departmentCode;
    }
}
