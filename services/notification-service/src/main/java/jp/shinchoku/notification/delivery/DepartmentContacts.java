package jp.shinchoku.notification.delivery;

import java.util.Optional;

/** Where each department's notices go, as the plan service's department registry says ({@code department.changed}). */
public interface DepartmentContacts {

    /** Keeps a department's contact unless a later version is kept. */
    void save(String municipality, String departmentCode, String contact, boolean active, int version);

    /**
     * The department's email address: by its municipality's code, or by the department's code alone where the alerts
     * carry no municipality code and only one municipality has such a department.
     */
    Optional<String> contact(String municipality, String departmentCode);
}
