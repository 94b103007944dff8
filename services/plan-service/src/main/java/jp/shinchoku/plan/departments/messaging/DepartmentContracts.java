package jp.shinchoku.plan.departments.messaging;

import jp.shinchoku.contracts.plan.DepartmentChangedV1;
import jp.shinchoku.plan.departments.RegisteredDepartment;

/** Maps the registry's departments to the {@code department.changed.v1} contract. */
public final class DepartmentContracts {

    private DepartmentContracts() {
    }

    public static DepartmentChangedV1 departmentChanged(RegisteredDepartment department) {
        return new DepartmentChangedV1(department.municipality(), department.code(), department.name(),
                department.contact(), department.active(), department.version(), department.changedAt());
    }
}
