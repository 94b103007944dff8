package jp.shinchoku.plan.departments;

import java.util.List;
import java.util.Optional;

/** Where the departments are kept; saving a department and its {@code department.changed} event is one write. */
public interface DepartmentRegistry {

    Optional<RegisteredDepartment> find(String municipality, String code);

    /** The municipality's departments, by code. */
    List<RegisteredDepartment> list(String municipality);

    /**
     * Stores the department if the registry still holds {@code expectedVersion} of it (0: not registered yet).
     *
     * @return whether it was stored; false when another change came in between
     */
    boolean save(RegisteredDepartment department, int expectedVersion);
}
